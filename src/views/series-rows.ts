// Flat rows of a series result: the one shape behind CSV downloads and tables. Each row carries
// every document its value cites (space-separated, in the same order in each column), what the
// documents are, how each was verified, where values were read if elsewhere, and the caveats.
import type { SeriesResult } from '../model/series.js';
import { documentLabel, uniqueDocuments } from '../model/document-label.js';
import { caveatsText, pointCaveats } from '../series/caveats.js';

export const SERIES_CSV_COLUMNS = [
  'ticker', 'name', 'metric', 'period', 'label', 'start', 'end', 'value', 'unit', 'basis', 'complete', 'derived',
  'derivation', 'missing_reason', 'missing_detail', 'fx_rate', 'fx_date', 'source_urls', 'source_documents', 'verified',
  'read_at_urls', 'caveats',
] as const;

export function seriesRows(r: SeriesResult): (string | number | null)[][] {
  const names = new Map(r.series.map((s) => [s.ticker, s.name]));
  return r.series.flatMap((s) =>
    s.points.map((p) => {
      const docs = uniqueDocuments(p.sources);
      return [
        s.ticker, s.name, r.metric, r.period, p.label, p.start, p.end, p.value, r.unit, p.basis, p.complete ? 1 : 0, p.derived ? 1 : 0,
        p.derivation, p.missing?.reason ?? null, p.missing?.detail ?? null, p.fx?.rate ?? null, p.fx?.date ?? null,
        docs.map((d) => d.url).join(' '),
        // A group total's documents are its members': each says whose it is by ticker.
        docs.map((d) => (d.ticker === s.ticker ? documentLabel(d, s.name) : `${d.ticker}: ${documentLabel(d, names.get(d.ticker) ?? null)}`)).join('; '),
        docs.map((d) => d.verified).join(' '),
        [...new Set(docs.flatMap((d) => (d.readAt ? [d.readAt] : [])))].join(' '),
        p.value === null && p.partialValue === null ? null : caveatsText(pointCaveats(p)) || null,
      ];
    }),
  );
}
