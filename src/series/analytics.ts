// Growth, CAGR and shares computed from engine output; each keeps the reason a value is missing.
import { hasValue, missingPoint, presentPoint, type CompanySeries, type PointFields, type PointOutcome, type SeriesPoint, type SeriesResult } from '../model/series.js';
import { monthIndexOf } from './months.js';
import { dataAsOfResult } from './data-as-of.js';

export const TRANSFORMS = ['yoy', 'share'] as const;
export type Transform = (typeof TRANSFORMS)[number];

/** Percentage change from `before` to `after`. */
export function percentChange(before: number | null, after: number | null): PointOutcome {
  if (before === null || after === null) return { value: null, missing: { reason: 'no-data', detail: 'a value to compare is missing' } };
  if (before === 0) return { value: null, missing: { reason: 'divide-by-zero', detail: 'the earlier value is zero' } };
  return { value: ((after - before) / Math.abs(before)) * 100, missing: null };
}

/** Compound annual growth rate in percent between two values `years` apart. */
export function cagr(first: number | null, last: number | null, years: number): PointOutcome {
  if (first === null || last === null) return { value: null, missing: { reason: 'no-data', detail: 'a value at either end is missing' } };
  if (first <= 0 || years <= 0) return { value: null, missing: { reason: 'divide-by-zero', detail: 'CAGR needs a positive starting value and span' } };
  return { value: (Math.pow(last / first, 1 / years) - 1) * 100, missing: null };
}

/** The point covering the same months one year earlier, matched by period end. */
function yearEarlier(points: SeriesPoint[], p: SeriesPoint): SeriesPoint | undefined {
  const target = monthIndexOf(p.end) - 12;
  return points.find((q) => monthIndexOf(q.end) === target);
}

function asPercent(p: SeriesPoint, c: PointOutcome, derivation: string, extra: SeriesPoint[]): SeriesPoint {
  const fields: PointFields = {
    ...p,
    complete: c.missing?.reason !== 'incomplete' && p.complete,
    derived: true,
    derivation,
    partialValue: null,
    fx: null,
    sources: [...p.sources, ...extra.flatMap((e) => e.sources)],
  };
  return c.value === null ? missingPoint(fields, c.missing) : presentPoint(fields, c.value);
}

/**
 * Why two points of a segmented metric cannot be compared: they are different segments (Microsoft's
 * Intelligent Cloud a year before, Microsoft Cloud now), so their change is no figure's growth.
 */
export function segmentJoin(before: SeriesPoint, after: SeriesPoint): PointOutcome | null {
  if (before.segment === undefined || after.segment === undefined || before.value === null || after.value === null) return null;
  if (before.segment !== null && before.segment === after.segment) return null;
  const name = (p: SeriesPoint) => `${p.segment ?? 'a figure of no named segment'} (${p.label})`;
  return { value: null, missing: { reason: 'no-data', cause: 'not-derivable', detail: `growth not derivable: it joins ${name(before)} and ${name(after)}` } };
}

/** Year-over-year growth of each point, in percent; never across two segments. */
export function yoySeries(s: CompanySeries): CompanySeries {
  return {
    ...s,
    points: s.points.map((p) => {
      const before = yearEarlier(s.points, p);
      const c = before ? (segmentJoin(before, p) ?? percentChange(before.value, p.value)) : ({ value: null, missing: { reason: 'no-data', detail: `no value for the year before ${p.label}` } } as PointOutcome);
      return asPercent(p, c, before ? `(${p.label} − ${before.label}) ÷ ${before.label}` : 'year-over-year growth', before ? [before] : []);
    }),
  };
}

/** Each company's share of the period's total across the companies shown, in percent. */
export function shareSeries(result: SeriesResult): CompanySeries[] {
  return result.series.map((s) => ({
    ...s,
    points: s.points.map((p, i) => {
      const column = result.series.map((x) => x.points[i]!);
      const present = column.filter(hasValue);
      // p is one of the column's points; asking about it too lets the compiler see it has a value.
      if (present.length < column.length || !hasValue(p)) {
        return asPercent(p, { value: null, missing: { reason: 'incomplete', detail: `a company has no value for ${p.label}` } }, 'share of total', []);
      }
      const total = present.reduce((t, x) => t + x.value, 0);
      const c: PointOutcome = total === 0 ? { value: null, missing: { reason: 'divide-by-zero', detail: 'the total is zero' } } : { value: (p.value / total) * 100, missing: null };
      return asPercent(p, c, `share of ${result.series.map((x) => x.ticker).join(' + ')}`, []);
    }),
  }));
}

export function applyTransform(result: SeriesResult, transform: Transform): SeriesResult {
  const series = transform === 'yoy' ? result.series.map(yoySeries) : shareSeries(result);
  const word = transform === 'yoy' ? 'Year-over-year growth of' : 'Share of the total of the companies shown for';
  return { ...result, metric: `${result.metric}_${transform}`, unit: 'percent', currency: null, definition: `${word}: ${result.definition}`, series, dataAsOf: dataAsOfResult({ series }) };
}
