// Turns a claim's wording into a test on our figure, and the test into a verdict.
// supported: equal within the precision the claim states ("$38.6 billion" → ±$0.05B, "8%" → ±0.5 pp),
//   or inside its bound ("over $320 billion") or range ("$91–93 billion");
// close: within a small stated tolerance beyond that (2% relative for money, two units of the last
//   digit stated for percentages, "19.8%" ±0.2 pp, since a growth rate a tenth off is a near miss, not a
//   false figure; 5% for hedged figures such as "about");
// contradicted: anything else.
import type { Quantity } from './claim.js';
import type { Difference, Verdict } from './check-report.js';
import { formatBand, formatFigure, formatRelative, formatSigned } from '../model/format-figure.js';

export type TestOp = 'eq' | 'ge' | 'le' | 'lt' | 'between' | 'ne';

export interface ClaimTest {
  op: TestOp;
  low: number;
  high: number;
  unit: string;
  /** Distance from the claim within which it is supported. */
  supportBand: number;
  /** Distance from the claim within which it is close. */
  closeBand: number;
  decimals: number;
  /** The claim's scale (1e9 for "billion"), so differences print in its terms. */
  scale: number;
  /** The test in words, for the report. */
  words: string;
}

/** Relative tolerance for `close` on money figures, and on hedged figures. */
export const CLOSE_RELATIVE = 0.02;
export const HEDGED_RELATIVE = 0.05;
/** Relative tolerance for multiples ("doubled"): supported within 5% of the multiple, 10% when hedged ("nearly doubled"). */
export const MULTIPLE_EXACT = 0.05;
export const MULTIPLE_HEDGED = 0.1;

export const TOLERANCE_POLICY =
  'supported = equal within the precision the claim states ("$38.6 billion" ±$0.05B, "8%" ±0.5 pp) or inside its bound or range; ' +
  'close = within 2% (money) or two units of the last digit stated (percentages: "19.8%" ±0.2 pp), 5% for hedged figures ("about", "nearly"), or a difference explained by another FX rate; ' +
  'contradicted = further off; not-checkable = no data, an opinion, a forecast attributed to a person, or price data airace does not hold.';

/**
 * The test a claim sets. `sign` flips the figure for a change the words say is a fall
 * ("fell by 13%" tests −13%).
 */
export function testFor(q: Quantity, sign: 1 | -1 = 1): ClaimTest {
  const a = q.value * sign;
  const b = (q.high ?? q.value) * sign;
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  const magnitude = Math.max(Math.abs(low), Math.abs(high));
  const isPercent = q.unit === 'percent' || q.unit === 'pp';
  const hedged = q.bound === 'approx';
  let support = hedged ? Math.max(q.precision, isPercent ? 2 * q.precision : CLOSE_RELATIVE * magnitude) : q.precision;
  let close = Math.max(support, isPercent ? 4 * q.precision : (hedged ? HEDGED_RELATIVE : CLOSE_RELATIVE) * magnitude);
  if (q.unit === 'x') {
    // A multiple is a round word: "doubled" is right within 5% of twice, "nearly doubled" within 10%, "more than doubled" from twice up.
    const bounded = q.bound === 'lower' || q.bound === 'upper';
    support = (hedged ? MULTIPLE_HEDGED : bounded ? 0.01 : MULTIPLE_EXACT) * magnitude;
    close = (hedged ? MULTIPLE_HEDGED * 1.5 : bounded ? MULTIPLE_EXACT : MULTIPLE_EXACT * 2) * magnitude;
  }
  const t = { low, high, unit: q.unit, supportBand: support, closeBand: close, decimals: q.decimals, scale: q.scale };
  const fmt = (v: number) => formatFigure(v, q.unit, q.decimals);
  const bandDecimals = isPercent ? Math.max(1, q.decimals) : q.scale > 1 ? Math.min(3, q.decimals + 2) : 0;
  const band = (v: number) => formatBand(v, q.unit, bandDecimals, q.scale > 1 ? q.scale : undefined);
  const closeWords = isPercent || q.unit === 'x' ? `±${band(close)}` : `${((close / Math.max(magnitude, 1e-9)) * 100).toFixed(0)}% (±${band(close)})`;

  if (q.negated && q.shortOf) return { ...t, op: 'lt', words: `supported if below ${fmt(low)}; close if within ${band(q.precision)} above it` };
  if (q.negated && q.bound === 'lower') return { ...t, op: 'le', words: `supported if at most ${fmt(low)} (±${band(support)}); close within ${closeWords}` };
  if (q.negated && q.bound === 'upper') return { ...t, op: 'ge', words: `supported if at least ${fmt(low)} (±${band(support)}); close within ${closeWords}` };
  if (q.negated) return { ...t, op: 'ne', words: `supported if different from ${fmt(low)}${high !== low ? `–${fmt(high)}` : ''} by more than ${band(support)}` };
  if (q.bound === 'range') return { ...t, op: 'between', words: `supported inside ${fmt(low)}–${fmt(high)} (±${band(support)}); close within ${closeWords} outside it` };
  if (q.bound === 'lower') return { ...t, op: 'ge', words: `supported if at least ${fmt(low)} (less ${band(support)} for rounding); close within ${closeWords} below` };
  if (q.bound === 'upper') return { ...t, op: 'le', words: `supported if at most ${fmt(low)} (plus ${band(support)} for rounding); close within ${closeWords} above` };
  return {
    ...t,
    op: 'eq',
    words: `supported within ±${band(support)} (${hedged ? `hedged “${q.hedge}”` : 'the precision of the claim'}); close within ${closeWords}`,
  };
}

/** How far `actual` is from what the test allows: 0 inside bounds, signed distance from the nearest edge outside. */
function distance(t: ClaimTest, actual: number): number {
  switch (t.op) {
    case 'eq':
    case 'ne':
      return actual - t.low;
    case 'ge':
      return Math.min(0, actual - t.low);
    case 'le':
      return Math.max(0, actual - t.low);
    case 'lt':
      return actual < t.low ? 0 : actual - t.low;
    case 'between':
      return actual < t.low ? actual - t.low : actual > t.high ? actual - t.high : 0;
  }
}

export function judge(t: ClaimTest, actual: number): { verdict: Exclude<Verdict, 'not-checkable'>; difference: Difference } {
  const d = distance(t, actual);
  const gap = Math.abs(d);
  let verdict: Exclude<Verdict, 'not-checkable'>;
  if (t.op === 'ne') verdict = gap > t.supportBand ? 'supported' : 'contradicted';
  else if (t.op === 'lt') verdict = actual < t.low ? 'supported' : actual - t.low <= t.supportBand ? 'close' : 'contradicted';
  else verdict = gap <= t.supportBand + 1e-9 * Math.max(1, Math.abs(t.low)) ? 'supported' : gap <= t.closeBand ? 'close' : 'contradicted';
  const reference = t.op === 'between' && actual > t.high ? t.high : t.low;
  const raw = t.op === 'eq' || t.op === 'ne' ? actual - t.low : d === 0 ? actual - reference : d;
  const relative = reference === 0 ? null : raw / Math.abs(reference);
  const isPercent = t.unit === 'percent' || t.unit === 'pp';
  const decimals = isPercent ? Math.max(1, t.decimals) : t.scale > 1 ? Math.min(3, t.decimals + 2) : 0;
  const display = `${formatSigned(raw, t.unit, decimals, t.scale > 1 ? t.scale : undefined)}${relative === null || isPercent ? '' : ` (${formatRelative(relative)})`}`;
  return { verdict, difference: { absolute: raw, relative, display } };
}
