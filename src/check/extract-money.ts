// Finds money in prose: "280.2 billion yuan", "$53 billion", "RMB 380 billion", "US$38.6bn",
// "USD 12bn", "¥5 billion", "RMB247,795 million", ranges "$91–93 billion" and "$70 billion to $72
// billion", with the hedge in front ("over", "about"); amounts in words ("nearly three hundred
// billion dollars", "half a trillion dollars", "about seventy-eight billion"); and amounts with a
// scale but no currency ("capex 46.2B", "rev 200.6bn", "195–205B") where money words stand beside
// them: those take the currency of a figure in their sentence, else the reporting currency of the
// company the claim is about (`unitImplied`), which extract-claims.ts fills in. Each regex matches in time proportional to
// what it matches (no nested quantifiers), and the words before a figure are read from a short
// window, never from the start of the text, so extraction stays linear in the input.
import type { Quantity } from './claim.js';
import { hedgeBefore } from './extract-hedges.js';
import { FRACTION_OF_PATTERN, fractionOf, NUMBER_WORDS_PATTERN, numberFromWords, wordDecimals } from './number-words.js';
import type { Company } from '../model/company.js';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`trillion|tn|trn|tln|billion|bn|bln|million|mn|mln|thousand|[bmkBMK](?![A-Za-z])`;
const PREFIX = String.raw`US\$|U\.S\.\s?\$|HK\$|USD\s?|RMB\s?|CNY\s?|HKD\s?|EUR\s?|\$|¥|￥|€|£`;
const SUFFIX = String.raw`U\.S\. dollars|US dollars|Hong Kong dollars|dollars|yuan|renminbi|RMB|CNY|USD|euros|EUR`;

/** "$91 billion to $93 billion", "$91–93 billion", "RMB 380 billion", "$5m". */
const PREFIXED = String.raw`(?<pre>${PREFIX})\s?(?<n1>${NUM})(?:\s?(?<s1>${SCALE}))?(?:\s*(?<join>–|—|-|to|and)\s*(?:${PREFIX})?\s?(?<n2>${NUM}))?(?:\s?(?<s2>${SCALE}))?(?:\s+(?<usd>U\.S\. dollars|US dollars|dollars))?`;
/** "280.2 billion yuan", "12 billion USD", "5-7 billion dollars". */
const SUFFIXED = String.raw`(?<m1>${NUM})(?:\s?(?<t1>${SCALE}))?(?:\s*(?<join2>–|-|to)\s*(?<m2>${NUM}))?(?:\s?(?<t2>${SCALE}))?\s?(?<suf>${SUFFIX})\b`;

const MONEY = new RegExp(String.raw`(?<![\w.])(?:${PREFIXED}|${SUFFIXED})`, 'g');
const SINGLE = new RegExp(String.raw`^(?:${PREFIX})\s?(?:${NUM})(?:\s?(?:${SCALE}))?`);

/**
 * Words that make the amount after them negative: "an outflow of $5.9 billion", "negative RMB 49.9
 * billion", "minus $3bn", "a loss of $2 billion", "-$5.9bn". Free cash flow and profit can be below
 * zero; the figure as written is then its size, and comparing the size with a negative figure would
 * call a true figure false.
 */
const NEGATIVE_BEFORE = /(?:\b(?:negative|minus|(?:an?\s+)?(?:net\s+)?(?:(?:cash\s+)?outflow|loss|deficit|cash\s+burn)\s+of|burn(?:ed|t)\s+(?:through\s+)?|lost)\s+(?:about\s+|nearly\s+|roughly\s+|some\s+|almost\s+|around\s+|approximately\s+|more\s+than\s+|over\s+|less\s+than\s+|under\s+)?|(?:^|[\s(])[-–−])$/i;
/** "a $2 billion loss", "a $5.9bn outflow". */
const NEGATIVE_AFTER = /^\s*(?:net\s+)?(?:loss|outflow|deficit)\b/i;

/** How far back the words that qualify a figure ("between", "from", "more than") are looked for. */
const LOOK_BACK = 48;

const SCALES: Record<string, number> = {
  trillion: 1e12, tn: 1e12, trn: 1e12, tln: 1e12, t: 1e12,
  billion: 1e9, bn: 1e9, bln: 1e9, b: 1e9,
  million: 1e6, mn: 1e6, mln: 1e6, m: 1e6,
  thousand: 1e3, k: 1e3,
};

export function currencyOf(symbol: string): string {
  const s = symbol.trim().toLowerCase().replace(/\s+/g, ' ');
  if (['$', 'us$', 'u.s.$', 'u.s. $', 'usd', 'dollars', 'us dollars', 'u.s. dollars'].includes(s)) return 'USD';
  if (['rmb', 'cny', '¥', '￥', 'yuan', 'renminbi'].includes(s)) return 'CNY';
  if (['hk$', 'hkd', 'hong kong dollars'].includes(s)) return 'HKD';
  if (['€', 'eur', 'euros'].includes(s)) return 'EUR';
  if (s === '£') return 'GBP';
  return s.toUpperCase();
}

export const scaleOf = (word: string | undefined) => (word ? (SCALES[word.toLowerCase()] ?? 1) : 1);
export const decimalsOf = (num: string) => (num.includes('.') ? num.split('.')[1]!.length : 0);
export const numberOf = (num: string) => Number(num.replace(/,/g, ''));

/** Money figures in `masked` between `from` and `to` (one sentence), with absolute offsets. */
export function extractMoney(masked: string, from: number, to: number): Quantity[] {
  const stated = extractStatedMoney(masked, from, to);
  const unstated = extractUnstatedMoney(masked, from, to, stated);
  return unstated.length ? [...stated, ...unstated].sort((a, b) => a.start - b.start) : stated;
}

/** "nearly three hundred billion dollars", "half a trillion", "a quarter of a trillion dollars", "one point four trillion". */
const WORD_MONEY = new RegExp(String.raw`(?<![\w-])(?<words>${FRACTION_OF_PATTERN}|${NUMBER_WORDS_PATTERN}|an?)\s+(?<scale>trillion|billion|million)\b(?:\s+(?<suf>${SUFFIX})\b)?`, 'gi');
/** "46.2B", "200.6bn", "195–205B", "-11.6B", "1.7 billion": a scale and no currency. */
const BARE_SCALE = String.raw`trillion|tn|trn|tln|T|billion|bn|bln|B|b|million|mn|mln|M`;
const BARE_MONEY = new RegExp(String.raw`(?<![\w.,$¥￥€£])(?<n1>${NUM})(?:\s?(?<s1>${BARE_SCALE}))?(?:\s?(?:–|-)\s?(?<n2>${NUM}))?\s?(?<s2>${BARE_SCALE})(?![\w])`, 'g');
/** Words that make a figure without a currency money: what companies spend, earn and guide. */
const MONEY_WORDS = String.raw`capex|capital\s+(?:expenditures?|spending|investment)|revenues?|rev|sales|turnover|FCF|OCF|free\s+cash\s+flow|operating\s+cash\s+flow|cash\s+flow|cash|guide[ds]?|guidance|outlook|budget|spend(?:s|ing)?|spent|outlays?|income|op\s+inc|profits?|earnings|EBITDA|PP&E|(?:finance\s+)?leases?|FL|principal|RPO|backlog|costs?|invest(?:ed|ing|ment)?`;
const MONEY_CONTEXT = new RegExp(String.raw`\b(?:${MONEY_WORDS})\b`, 'i');
/**
 * What may follow an amount that has no currency: a function word, a time word, a money word or punctuation.
 * Any other word is what the figure counts ("400 million users", "1.3 million H100-equivalents", "671B params"): not money.
 */
const AFTER_AMOUNT = new RegExp(
  String.raw`^(?:\s*(?:[^\s\w]|$)|\s+(?:in|on|for|at|by|of|a|an|the|this|that|these|its|their|last|next|per|each|every|and|or|but|so|to|from|vs|versus|than|as|with|w|incl|including|excluding|ex|net|over|under|through|during|since|until|up|down|was|is|were|are|has|had|have|will|would|now|then|too|already|alone|year|years|quarter|quarters|annually|a\s+year|y\/y|q\/q|yoy|qoq|ttm|lol|imo|btw|[FCH]?[QH][1-4]|FY\d*|${MONEY_WORDS})\b)`,
  'i',
);
/** How far before a figure without a currency its money words are looked for (not past the start of its line). */
const CONTEXT_BACK = 48;

/** Amounts in words, and amounts with a scale but no currency, that do not overlap the stated ones. */
function extractUnstatedMoney(masked: string, from: number, to: number, stated: Quantity[]): Quantity[] {
  const text = masked.slice(from, to);
  const out: Quantity[] = [];
  const free = (start: number, end: number) => !stated.some((q) => start < q.end && q.start < end) && !out.some((q) => start < q.end && q.start < end);
  // The currency a figure in the sentence states: the nearest one before, else the first after.
  const sentenceCurrency = (at: number) => {
    const known = [...stated, ...out.filter((q) => !q.unitImplied)].sort((a, b) => a.start - b.start);
    return (known.filter((q) => q.end <= at).pop() ?? known.find((q) => q.start >= at))?.unit ?? null;
  };
  const contextBefore = (at: number) => {
    const window = masked.slice(Math.max(0, at - CONTEXT_BACK), at);
    return window.slice(window.lastIndexOf('\n') + 1);
  };
  const push = (index: number, length: number, value: number, high: number | null, suffix: string | undefined, decimals: number, scale: number, round = false) => {
    const start = from + index;
    const end = start + length;
    if (!free(start, end)) return;
    const after = masked.slice(end, Math.min(masked.length, end + 24));
    // A currency word after it states the currency; else the figure must read as money and not count something else.
    if (!suffix && !AFTER_AMOUNT.test(after)) return;
    const before = contextBefore(start);
    const carried = suffix ? null : sentenceCurrency(start);
    if (!suffix && !carried && !MONEY_CONTEXT.test(before) && !MONEY_CONTEXT.test(after.slice(0, 16))) return;
    // An amount in whole words ("eighty-five billion") is a round figure, as good as hedged; the words show it.
    const hedge = hedgeBefore(before) ?? (round ? { hedge: masked.slice(start, end), bound: 'approx' as const } : null);
    const negative = NEGATIVE_BEFORE.test(before) || NEGATIVE_AFTER.test(after.slice(0, 16));
    out.push({
      ...moneyQuantity(masked, start, end, value, high, hedge, negative, decimals, scale),
      unit: suffix ? currencyOf(suffix) : (carried ?? 'USD'),
      ...(suffix ? {} : { unitImplied: carried ? ('sentence' as const) : ('company' as const) }),
    });
  };
  for (const m of text.matchAll(WORD_MONEY)) {
    const g = m.groups!;
    const scale = scaleOf(g.scale);
    const words = g.words!;
    const fraction = /\b(?:half|quarters?)\b/i.test(words) ? fractionOf(words) : null;
    const n = fraction ?? (/^an?$/i.test(words) ? 1 : numberFromWords(words));
    if (n === null) continue;
    const decimals = fraction !== null ? String(fraction).split('.')[1]?.length ?? 0 : wordDecimals(words);
    push(m.index, m[0].length, n * scale, null, g.suf, decimals, scale, decimals === 0);
  }
  for (const m of text.matchAll(BARE_MONEY)) {
    const g = m.groups!;
    const highScale = scaleOf(g.s2);
    const lowScale = g.s1 ? scaleOf(g.s1) : highScale;
    const low = numberOf(g.n1!) * lowScale;
    const high = g.n2 !== undefined ? numberOf(g.n2) * highScale : null;
    if (high !== null && high < low) continue;
    const decimals = Math.max(decimalsOf(g.n1!), g.n2 ? decimalsOf(g.n2) : 0);
    push(m.index, m[0].length, low, high, undefined, decimals, highScale);
  }
  return out;
}

/** Money with its currency written: "$53 billion", "280.2 billion yuan", "RMB 380 billion". */
function extractStatedMoney(masked: string, from: number, to: number): Quantity[] {
  const text = masked.slice(from, to);
  const out: Quantity[] = [];
  const re = new RegExp(MONEY.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m.groups!;
    const prefixed = g.pre !== undefined;
    const n1 = prefixed ? g.n1! : g.m1!;
    let n2: string | undefined = prefixed ? g.n2 : g.m2;
    const join = prefixed ? g.join : g.join2;
    const s1 = prefixed ? g.s1 : g.t1;
    let s2: string | undefined = prefixed ? g.s2 : g.t2;
    const currency = currencyOf(prefixed ? (g.usd ?? g.pre!) : g.suf!);
    const before = text.slice(Math.max(0, m.index - LOOK_BACK), m.index);
    let end = m.index + m[0].length;

    // "from $10 billion to $20 billion" is two figures, not a range (unless the sentence already gave a range:
    // then it is the earlier range); "and" makes a range only after "between".
    const fromBefore = /\bfrom\s+(?:\w+\s+)?$/i.test(before);
    const earlierRange = out.some((q) => q.bound === 'range');
    if (n2 !== undefined && ((join === 'to' && fromBefore && !earlierRange) || (join === 'and' && !/\bbetween\s+(?:\w+\s+)?$/i.test(before)))) {
      n2 = undefined;
      s2 = undefined;
      const single = prefixed ? SINGLE.exec(m[0]) : null;
      end = m.index + (single ? single[0].length : m[0].length);
      // Scan the second figure on its own.
      re.lastIndex = end;
    }
    // A scale without a number before it belongs to the range's second figure only ("$91–93 billion" is billions twice).
    const scale = scaleOf(s1 ?? s2);
    const highScale = n2 !== undefined ? scaleOf(s2 ?? s1) : scale;
    const low = numberOf(n1) * scale;
    const high = n2 !== undefined ? numberOf(n2) * highScale : null;
    // "$1-$2-$3": a run of dashes between bare numbers is not a range of money.
    if (high !== null && high < low) {
      re.lastIndex = m.index + (SINGLE.exec(m[0])?.[0].length ?? m[0].length);
      continue;
    }
    const decimals = Math.max(decimalsOf(n1), n2 ? decimalsOf(n2) : 0);
    const hedge = hedgeBefore(before);
    const start = from + m.index;
    const negative = NEGATIVE_BEFORE.test(before) || NEGATIVE_AFTER.test(text.slice(end, end + 16));
    out.push({ ...moneyQuantity(masked, start, from + end, low, high, hedge, negative, decimals, scale), unit: currency });
  }
  return out;
}

/**
 * A money figure from `value` (the low end of a range) and its hedge. Below zero, "more than" an outflow of $5bn is at
 * most −$5bn: the bound turns with the sign, and a range's ends swap.
 */
function moneyQuantity(masked: string, start: number, end: number, value: number, high: number | null, hedge: { hedge: string; bound: Quantity['bound'] } | null, negative: boolean, decimals: number, scale: number): Omit<Quantity, 'unit'> {
  const bound = high !== null ? 'range' : (hedge?.bound ?? 'exact');
  return {
    ...writtenFigure('money', start, end, masked.slice(start, end), decimals, scale),
    value: negative ? -(high ?? value) : value,
    high: negative && high !== null ? -value : high,
    bound: negative && bound === 'lower' ? 'upper' : negative && bound === 'upper' ? 'lower' : bound,
    hedge: hedge?.hedge ?? null,
  };
}

/**
 * What a figure written with digits states besides its value: where it stands, and a precision of half its last
 * written digit at its scale ("$38.6 billion" ±$0.05B). Prose amounts and table cells both build theirs here.
 */
export function writtenFigure(kind: 'money' | 'percent', start: number, end: number, text: string, decimals: number, scale: number) {
  return { kind, start, end, text, negated: false, shortOf: false, precision: 0.5 * 10 ** -decimals * scale, direction: null, decimals, scale, perYear: false } satisfies Partial<Quantity>;
}

/** The currency of a figure that states none, as its company reports (a group's in US dollars); null when no tracked company is meant. */
export function reportingCurrency(tickers: string[], companies: Company[]): string | null {
  const currencies = new Set(tickers.map((t) => companies.find((c) => c.ticker === t)).map((c) => (c ? (c.kind === 'group' ? 'USD' : c.currency) : null)));
  return currencies.size === 1 ? [...currencies][0]! : null;
}

/** What the report says about a figure whose currency was not written; null when it was. */
export function impliedCurrencyNote(q: Quantity | null): string | null {
  if (!q?.unitImplied) return null;
  return q.unitImplied === 'company'
    ? `currency not stated: read as the company's reporting currency (${q.unit})`
    : `currency not stated: read as ${q.unit}, the currency of another figure in its sentence`;
}
