// A derived value (a TTM or calendar year summed from quarters, a quarter from year-to-date
// figures) joins facts of one segment only: Microsoft's Intelligent Cloud and Microsoft Cloud
// are different figures, and a sum or difference of the two is a number no document states.
// When the preferred versions of the periods needed are of different segments, the value is
// taken from one segment's versions alone if every period has one, else it is missing and says
// which segments it would join.
import type { FactFigure } from '../model/fact.js';
import type { PeriodResolver, Resolved } from './period-resolver.js';
import { fiscalYearOf, fiscalQuarterOf } from './fiscal-year.js';
import { monthIndexOf, monthsBetween, quarterLabel } from './months.js';

/** What a segment-aware resolution needs: the resolver over every fact and one per segment. */
export interface SegmentResolvers {
  all: PeriodResolver;
  /** Every segment of the company's metric, in registry order. */
  bySegment: [string, PeriodResolver][];
  segmentOf: (f: FactFigure) => string | null;
  fyeMonth: number;
  what: string;
}

const UNNAMED = 'a figure of no named segment';

/** `2024-Q4`, `FY2025`, `H1 FY2026`: the period a source covers, for the reason. */
function periodOf(f: FactFigure, fyeMonth: number): string {
  const m = monthIndexOf(f.periodEnd);
  const months = f.periodStart ? monthsBetween(f.periodStart, f.periodEnd) : 12;
  if (months === 3) return quarterLabel(m);
  const fy = `FY${fiscalYearOf(m, fyeMonth)}`;
  if (months === 12) return fiscalQuarterOf(m, fyeMonth) === 4 ? fy : `12 months to ${f.periodEnd}`;
  return `${({ 6: 'H1', 9: '9M' } as Record<number, string>)[months] ?? `${months} months`} ${fy}`;
}

/** "Intelligent Cloud (2024-Q4) and Microsoft Cloud (2025-Q2, 2025-Q3)". */
export function joinedSegments(sources: readonly FactFigure[], segmentOf: (f: FactFigure) => string | null, fyeMonth: number): string {
  const periods = new Map<string, string[]>();
  for (const f of [...sources].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))) {
    const name = segmentOf(f) ?? UNNAMED;
    const list = periods.get(name) ?? [];
    const p = periodOf(f, fyeMonth);
    if (!list.includes(p)) list.push(p);
    periods.set(name, list);
  }
  const parts = [...periods].map(([name, ps]) => `${name} (${ps.join(', ')})`);
  return parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function segmentsIn(sources: readonly FactFigure[], segmentOf: (f: FactFigure) => string | null): (string | null)[] {
  return [...new Set(sources.map(segmentOf))];
}

/** `resolve` run within one segment: the value with its segment, or missing with the segments it would join. */
export function withinOneSegment(s: SegmentResolvers, resolve: (r: PeriodResolver) => Resolved): Resolved {
  const r = resolve(s.all);
  const segments = segmentsIn(r.sources, s.segmentOf);
  if (segments.length <= 1) return { ...r, segment: segments[0] ?? null };
  // The segment most of the preferred versions are, first; then registry order.
  const count = (name: string) => r.sources.filter((f) => s.segmentOf(f) === name).length;
  const tries = [...s.bySegment].sort((a, b) => count(b[0]) - count(a[0]));
  for (const [name, resolver] of tries) {
    const one = resolve(resolver);
    if (one.value !== null) return { ...one, segment: name };
  }
  const joins = joinedSegments(r.sources, s.segmentOf, s.fyeMonth);
  if (r.value !== null) {
    return { ...r, value: null, partialValue: null, segment: null, missing: { reason: 'no-data', cause: 'not-derivable', detail: `${s.what}: not derivable (${r.derivation ?? 'the value'} would join ${joins}; no one segment has every period)` } };
  }
  // An incomplete sum's partial value would join them too: keep the reason, drop the figure.
  return { ...r, partialValue: null, segment: null, missing: { ...r.missing!, detail: `${r.missing!.detail}; the figures on record join ${joins}` } };
}

/** `resolve` run within the named segment's facts alone. */
export function inSegment(s: SegmentResolvers, name: string, resolve: (r: PeriodResolver) => Resolved): Resolved {
  const resolver = s.bySegment.find(([n]) => n === name)?.[1];
  if (!resolver) throw new Error(`${s.what}: no segment ${name}`);
  return { ...resolve(resolver), segment: name };
}
