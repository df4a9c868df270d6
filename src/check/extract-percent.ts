// Finds percentages and their relatives: changes ("an 8% rise", "soaring 70%", "fell by about 13%",
// "up 58%", "grew by a fifth", "a quarter higher"), compound rates ("compounded at 35% a year"),
// multiples ("doubled", "nearly tripled", "more than doubled", "2.5 times", "twice", "half as much
// again", "2x y/y") and shares ("80% of all tasks", "half of global output", "nearly half", "one
// dollar in every three", "fewer than one in five"). The words around a figure are read from short windows, so the work per
// figure is bounded and extraction stays linear in the input.
import type { Quantity } from './claim.js';
import { hedgeBefore } from './extract-hedges.js';
import { FRACTION_PATTERN, fractionPercent, RATIO_PATTERN, ratioPercent } from './number-words.js';

const NUM = String.raw`\d+(?:\.\d+)?`;
const PERCENT = new RegExp(
  String.raw`(?<![\w.])(?!(?:19|20)\d{2}\s+to\s)(?<p1>${NUM})(?:\s?(?:–|-|to)\s?(?<p2>${NUM}))?\s?(?<unit>%|percent\b|per cent\b|percentage points?\b|pp\b)|(?<!\b(?:first|second|latter|former|other|dollars|yuan|euros|trillion|billion|million|bn|[BMT])\s)\b(?<frac>${FRACTION_PATTERN})(?<fracOf>\s+of)?\b(?!\s+(?:(?:its|the|their)\s+)?(?:fiscal\s+)?(?:year\s+)?\d{4})(?![-\s]+(?:quarter|half|straight|consecutive|successive|time|round|place|largest|biggest|year|as\s+much)\b)`,
  'gi',
);
/** "doubled", "tripled", "could double", "twofold": a multiple of the base. */
const MULTIPLE = /\b(?<word>doubl(?:ed|es|ing|e)|tripl(?:ed|es|ing|e)|quadrupl(?:ed|es|ing|e)|halved|(?<n>two|three|four|five|ten)[- ]?fold)\b(?![- ]digit)/gi;
const MULTIPLE_OF: Record<string, number> = { doubl: 2, tripl: 3, quadrupl: 4, halv: 0.5 };
/**
 * "2.5 times the March quarter", "two and a half times what it spent", "1.8x the year before", "three times as much as":
 * a multiple of a base the words go on to name (not "three times in 2025", nor "30x earnings").
 */
const TIMES = /(?<![\w.$])(?:(?<num>\d+(?:\.\d+)?)|(?<w>two|three|four|five|six|seven|eight|nine|ten)(?<half>\s+and\s+a\s+half)?)\s*(?:times|x)\s+(?=(?:the|that|those|what|its|their|a\s+year|last|as\s+(?:much|large|big|high|many))\b|[A-Z][\w.&-]*['’]s\b|(?:19|20)\d{2}\b)/gi;
/** "twice what it had been", "nearly twice what Microsoft does" (not "twice a year"). */
const TWICE = /\b(?<twice>twice)\s+(?=(?:the|that|those|what|its|their|last|as\s+(?:much|large|big|high|many))\b|[A-Z][\w.&-]*['’]s\b|(?:19|20)\d{2}\b)/gi;
/** "half as much again", "half again as much": one and a half times. */
const HALF_AGAIN = /\bhalf\s+(?:as\s+much\s+again|again\s+as\s+much)\b/gi;
/** "2x y/y", "2.5x:" (a shorthand multiple ending its phrase), "1.8x q/q". */
const X_SHORTHAND = /(?<![\w.$])(?<num>\d+(?:\.\d+)?)x(?=\s*(?:[:;,)]|$)|\s+(?:y\/y|q\/q|yoy|qoq|year[- ](?:on|over)[- ]year)\b)/gim;
/** A share in words: "one dollar in every three", "four of every five", "one yuan in eight". */
const RATIO = new RegExp(RATIO_PATTERN, 'gi');
/** A share or fraction in words is as precise as the words: about a tenth of its size ("a quarter" ±1.25 pp, "nine-tenths" ±4.5). */
const WORDS_PRECISION = 0.05;
const WORD_NUMBER: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const FOLD: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, ten: 10 };

const UP = String.raw`rose|rise|rises|rising|risen|up|increased?|increases|increasing|grew|grow|grows|growing|grown|growth|gained?|gains|gaining|jump(?:ed|s|ing)?|soar(?:ed|s|ing)?|surg(?:ed|es|ing|e)|climb(?:ed|s|ing)?|expand(?:ed|s|ing)?|boost(?:ed|s)?|rall(?:ied|ies|ying)|advanc(?:ed|es|ing)|higher|hike[ds]?|more|compound(?:ed|s|ing)?`;
const DOWN = String.raw`fell|fall|falls|falling|fallen|down|declin(?:ed|es|ing|e)|drop(?:ped|s|ping)?|decreas(?:ed|es|ing|e)|shr(?:ank|unk|inks|inking|ink)|slump(?:ed|s|ing)?|plung(?:ed|es|ing|e)|slid|slide|slides|sliding|slipped|slips|slip|dipp?(?:ed|s|ing)?|lost|tumbl(?:ed|es|ing|e)|lower|less|cut`;

/** "59% above the previous quarter's", "8% below a year earlier": above and below make a change only against a period (not "5% above estimates"). */
const PERIOD_BASE = String.raw`\s+(?:(?:the|its|their|that\s+of|those\s+of)\s+)?(?:previous|prior|preceding|year[- ](?:earlier|ago|before)|same\s+(?:quarter|period|three\s+months)|last\s+year|a\s+year\s+(?:earlier|ago|before)|(?:19|20)\d{2}\b)`;
/** A direction word up to four words before the figure: "soaring 70%", "fell by about 13%", "up 58%". */
const DIRECTION_BEFORE = new RegExp(String.raw`\b(?:(?<up>${UP})|(?<down>${DOWN}))\b(?:\s+[\w’']+){0,4}\s*$`, 'i');
/** ... or right after it: "an 8% rise", "a 13% year-over-year drop", "13% more than", "a decrease of 53%". */
const DIRECTION_AFTER = new RegExp(String.raw`^\s*(?:year[- ]over[- ]year\s+|YoY\s+|annual\s+)?(?:(?<up>rise|increase|jump|gain|growth|surge|climb|hike|boost|advance|rally|higher|more|larger|bigger|up|above(?=${PERIOD_BASE}))|(?<down>drop|decline|fall|decrease|slump|plunge|dip|cut|lower|loss|less|smaller|down|below(?=${PERIOD_BASE})))\b`, 'i');
/** "a decrease of 53%", "an increase of 5%": the direction is a noun just before "of". */
const DIRECTION_NOUN_BEFORE = /\b(?:(?<up>increase|rise|jump|gain|growth)|(?<down>decrease|decline|drop|fall|reduction))\s+of\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$/i;
/** "35% a year", "30% annually", "a CAGR of 35%", "compound annual growth of". */
const PER_YEAR_AFTER = /^\s*(?:a|per|each)\s+year\b(?!\s+(?:earlier|ago|before|later|prior|on))|^\s*annually\b|^\s*(?:compound(?:ed)?\s+)?annual(?:ly)?\s+(?:growth|rate)\b/i;
const PER_YEAR_BEFORE = /\b(?:CAGR|compound(?:ed)?(?:\s+annual)?(?:\s+growth)?(?:\s+rate)?|compounded)\b(?:\s+[\w’']+){0,3}\s*$/i;

/** How far back and ahead the words that qualify a figure are read. */
const WINDOW_BEFORE = 80;
const WINDOW_AFTER = 40;

function base(start: number, end: number, text: string): Omit<Quantity, 'value' | 'unit' | 'kind'> {
  return { start, end, text, high: null, bound: 'exact', hedge: null, negated: false, shortOf: false, precision: 0.5, direction: null, decimals: 0, scale: 1, perYear: false };
}

function directionOf(before: string, after: string): 'up' | 'down' | null {
  const a = DIRECTION_AFTER.exec(after);
  const n = DIRECTION_NOUN_BEFORE.exec(before);
  const b = DIRECTION_BEFORE.exec(before);
  if (a?.groups?.up || n?.groups?.up) return 'up';
  if (a?.groups?.down || n?.groups?.down) return 'down';
  return b?.groups?.up ? 'up' : b?.groups?.down ? 'down' : null;
}

/** "+22.6% q/q", "(−3%)": a sign written on the figure is its direction. */
function signOf(before: string): 'up' | 'down' | null {
  if (/(?:^|[\s(\[,:;])\+$/.test(before)) return 'up';
  return /(?:^|[\s(\[,:;])[−–-]$/.test(before) ? 'down' : null;
}

/** Percentages in `masked` between `from` and `to`; `clauseStartOf` bounds how far back direction words are looked for. */
export function extractPercent(masked: string, from: number, to: number, clauseStartOf: (offset: number) => number = () => from): Quantity[] {
  const text = masked.slice(from, to);
  const out: Quantity[] = [];
  for (const m of text.matchAll(PERCENT)) {
    const g = m.groups!;
    const start = from + m.index;
    const end = start + m[0].length;
    const before = masked.slice(Math.max(clauseStartOf(start), start - WINDOW_BEFORE), start);
    const after = masked.slice(end, Math.min(to, end + WINDOW_AFTER));
    const hedge = hedgeBefore(before);
    if (g.frac) {
      const value = fractionPercent(g.frac);
      if (value === null) continue;
      const direction = directionOf(before, after);
      // "more than half", "fewer than a fifth": the hedge bounds the fraction; else the fraction is itself approximate.
      const bounded = hedge && (hedge.bound === 'lower' || hedge.bound === 'upper') ? { bound: hedge.bound, hedge: hedge.hedge } : null;
      // "half of global output" is a share; "grew by a fifth", "a quarter higher" a change; "nearly half", "about a quarter"
      // (a hedge and no "of") a share too: the hedge says the fraction is a figure.
      if (g.fracOf || !direction) {
        if (g.fracOf) out.push({ ...base(start, end, m[0]), kind: 'percent', value, unit: 'percent', bound: 'approx', hedge: g.frac, precision: 5, ...bounded });
        else if (hedge) out.push({ ...base(start, end, m[0]), kind: 'percent', value, unit: 'percent', bound: bounded?.bound ?? 'approx', hedge: hedge.hedge, precision: WORDS_PRECISION * value });
        continue;
      }
      out.push({ ...base(start, end, m[0]), kind: 'percent', value, unit: 'percent', bound: 'approx', hedge: g.frac, precision: 2.5, direction, ...bounded });
      continue;
    }
    const unit = /point|pp/i.test(g.unit!) ? 'pp' : 'percent';
    const d1 = g.p1!.includes('.') ? g.p1!.split('.')[1]!.length : 0;
    const d2 = g.p2?.includes('.') ? g.p2.split('.')[1]!.length : 0;
    const decimals = Math.max(d1, d2);
    const high = g.p2 !== undefined ? Number(g.p2) : null;
    const perYear = PER_YEAR_AFTER.test(after) || PER_YEAR_BEFORE.test(before);
    out.push({
      ...base(start, end, m[0]),
      kind: 'percent',
      value: Number(g.p1),
      high,
      unit,
      bound: high !== null ? 'range' : (hedge?.bound ?? 'exact'),
      hedge: hedge?.hedge ?? null,
      precision: 0.5 * 10 ** -decimals,
      direction: perYear ? 'up' : (directionOf(before, after) ?? signOf(before)),
      decimals,
      perYear,
    });
  }
  for (const m of text.matchAll(MULTIPLE)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const before = masked.slice(Math.max(clauseStartOf(start), start - WINDOW_BEFORE), start);
    const word = m.groups!.word!.toLowerCase();
    const value = m.groups!.n ? FOLD[m.groups!.n.toLowerCase()]! : MULTIPLE_OF[word.replace(/(?:ed|es|ing|e)$/, '')]!;
    const hedge = hedgeBefore(before);
    // "more than halved" is a fall to less than half: the bound turns over for a multiple below one.
    const flip = value < 1 && hedge && (hedge.bound === 'lower' || hedge.bound === 'upper');
    out.push({
      ...base(start, end, m[0]),
      kind: 'multiple',
      value,
      unit: 'x',
      bound: flip ? (hedge!.bound === 'lower' ? 'upper' : 'lower') : (hedge?.bound ?? 'exact'),
      hedge: hedge?.hedge ?? null,
      precision: 0.05 * value,
      direction: value >= 1 ? 'up' : 'down',
      decimals: 1,
    });
  }
  for (const m of text.matchAll(RATIO)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const value = ratioPercent(m.groups!.part!, m.groups!.whole!);
    if (value === null || out.some((q) => q.start < end && start < q.end)) continue;
    const hedge = hedgeBefore(masked.slice(Math.max(clauseStartOf(start), start - WINDOW_BEFORE), start));
    out.push({ ...base(start, end, m[0]), kind: 'percent', value, unit: 'percent', bound: hedge?.bound ?? 'exact', hedge: hedge?.hedge ?? null, precision: WORDS_PRECISION * value, decimals: 1 });
  }
  // "2.5 times the March quarter", "twice what it had been", "half as much again", "2x y/y".
  for (const m of [...text.matchAll(TIMES), ...text.matchAll(TWICE), ...text.matchAll(HALF_AGAIN), ...text.matchAll(X_SHORTHAND)]) {
    const g = m.groups ?? {};
    const start = from + m.index;
    const end = start + m[0].trimEnd().length;
    const value = g.num ? Number(g.num) : g.w ? WORD_NUMBER[g.w.toLowerCase()]! + (g.half ? 0.5 : 0) : g.twice ? 2 : 1.5;
    if (!(value > 1)) continue;
    // "two and a half times", "half as much again": the fraction is part of the multiple, not a share of its own.
    for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start < end && start < out[i]!.end) out.splice(i, 1);
    const hedge = hedgeBefore(masked.slice(Math.max(clauseStartOf(start), start - WINDOW_BEFORE), start));
    out.push({
      ...base(start, end, m[0].trimEnd()),
      kind: 'multiple',
      value,
      unit: 'x',
      bound: hedge?.bound ?? 'exact',
      hedge: hedge?.hedge ?? null,
      precision: 0.05 * value,
      direction: 'up',
      decimals: g.num?.includes('.') ? g.num.split('.')[1]!.length : 1,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
