// Finds money in prose: "280.2 billion yuan", "$53 billion", "RMB 380 billion", "US$38.6bn",
// "USD 12bn", "¥5 billion", "RMB247,795 million", ranges "$91–93 billion" and "$70 billion to $72
// billion", with the hedge in front ("over", "about"). Each regex matches in time proportional to
// what it matches (no nested quantifiers), and the words before a figure are read from a short
// window, never from the start of the text, so extraction stays linear in the input.
import type { Quantity } from './claim.js';
import { hedgeBefore } from './extract-hedges.js';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`trillion|tn|billion|bn|million|mn|mln|thousand|[bmkBMK](?![A-Za-z])`;
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
  trillion: 1e12, tn: 1e12, t: 1e12,
  billion: 1e9, bn: 1e9, b: 1e9,
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
    // Below zero, "more than" an outflow of $5bn is at most −$5bn: the bound turns with the sign.
    const bound = high !== null ? 'range' : (hedge?.bound ?? 'exact');
    const signedBound = negative && bound === 'lower' ? 'upper' : negative && bound === 'upper' ? 'lower' : bound;
    out.push({
      kind: 'money',
      start,
      end: from + end,
      text: masked.slice(start, from + end),
      value: negative ? -(high ?? low) : low,
      high: negative && high !== null ? -low : high,
      unit: currency,
      bound: signedBound,
      hedge: hedge?.hedge ?? null,
      negated: false,
      shortOf: false,
      precision: 0.5 * 10 ** -decimals * scale,
      direction: null,
      decimals,
      scale,
      perYear: false,
    });
  }
  return out;
}
