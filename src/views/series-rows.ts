// Flat rows of a series result: the one shape behind CSV downloads and tables.
import type { SeriesResult } from '../model/series.js';

export const SERIES_CSV_COLUMNS = [
  'ticker', 'name', 'metric', 'period', 'label', 'start', 'end', 'value', 'unit', 'basis', 'complete', 'derived',
  'derivation', 'missing_reason', 'missing_detail', 'fx_rate', 'fx_date', 'source_urls',
] as const;

export function seriesRows(r: SeriesResult): (string | number | null)[][] {
  return r.series.flatMap((s) =>
    s.points.map((p) => [
      s.ticker, s.name, r.metric, r.period, p.label, p.start, p.end, p.value, r.unit, p.basis, p.complete ? 1 : 0, p.derived ? 1 : 0,
      p.derivation, p.missing?.reason ?? null, p.missing?.detail ?? null, p.fx?.rate ?? null, p.fx?.date ?? null,
      [...new Set(p.sources.map((x) => x.url))].join(' '),
    ]),
  );
}
