// The words around a figure that change what it claims: "over $320 billion" is a lower bound,
// "about 13%" an approximation, "did not reach $100 billion" says the truth is below it.
import type { Bound } from './claim.js';

const HEDGES: Array<{ pattern: string; bound: Bound }> = [
  { pattern: 'more than|over|at least|above|exceeding|in excess of|upwards of|north of|just over|beyond|greater than|topped|tops|topping|surpassed|exceeded|passed|crossed', bound: 'lower' },
  { pattern: 'less than|under|below|no more than|up to|as much as|just under|at most|fewer than', bound: 'upper' },
  { pattern: 'about|around|approximately|roughly|some|close to|nearly|almost|near|an estimated|estimated|circa|~|≈', bound: 'approx' },
];

const HEDGE_BEFORE = new RegExp(`(?:^|[^A-Za-z])(${HEDGES.map((h) => h.pattern).join('|')})\\s*(?:of\\s+|by\\s+)?$`, 'i');

/** The hedge right before a figure ("over", "about"), if any, and the bound it implies. */
export function hedgeBefore(textBefore: string): { hedge: string; bound: Bound } | null {
  // "about -$6.6bn": the sign stands between the hedge and the figure.
  const m = HEDGE_BEFORE.exec(textBefore.slice(-32).replace(/\s[-–−]$/, ' '));
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const h = HEDGES.find((x) => new RegExp(`^(?:${x.pattern})$`, 'i').test(word));
  return h ? { hedge: m[1]!, bound: h.bound } : null;
}

const NEGATION = /(?:\bnot\b|n['’]t\b|\bnever\b|\bno longer\b|\bfailed to\b|\bfell short of\b|\bshort of\b)(?!\s+(?:only|just|merely|simply)\b)/gi;
const REACH_VERBS = /\b(?:reach|reached|hit|top|topped|exceed|exceeded|surpass|surpassed|pass|passed|cross|crossed|break|broke|crack|cracked|achieve|achieved|short of)\b/i;

/**
 * Whether the words between the clause start and a figure negate it, and whether the negation is
 * "did not reach" (the truth is below the figure) rather than "was not" (the truth is different).
 * Only a negation within six words of the figure counts: "not only its results — it is a $53 billion pledge" does not.
 */
export function negationBefore(clauseBefore: string): { negated: boolean; shortOf: boolean } {
  // Six words back is all that counts, so only the end of the clause is read.
  const near = clauseBefore.slice(-80);
  let last: RegExpExecArray | null = null;
  for (const m of near.matchAll(NEGATION)) last = m as RegExpExecArray;
  if (!last) return { negated: false, shortOf: false };
  const between = near.slice(last.index + last[0].length);
  if (between.trim().split(/\s+/).filter(Boolean).length > 6) return { negated: false, shortOf: false };
  if (/[.;]/.test(between)) return { negated: false, shortOf: false };
  // "fell short of its capex by nine billion dollars": the figure is the gap, not a mark it missed.
  if (/short of/i.test(last[0]) && /\bby\b/i.test(between)) return { negated: false, shortOf: false };
  return { negated: true, shortOf: /short of/i.test(last[0]) || REACH_VERBS.test(between) };
}
