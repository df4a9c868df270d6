// Model series as flat CSV rows and as a terminal table with numbered sources, shared by
// `airace models series`, /api/v1/models/series.csv and the models page's twins.
import type { ModelSeriesResult, ModelSourceRef } from '../model/model-series.js';
import { formatFlop, formatModelValue } from '../model/format-figure.js';
import { textTable } from './text-table.js';
import { numberedSources } from './numbered-sources.js';

export const MODEL_SERIES_COLUMNS = [
  'metric', 'by', 'series', 'ticker', 'period', 'start', 'end', 'value', 'unit', 'models', 'counted', 'missing_reason', 'missing_detail', 'source_models', 'source_urls', 'retrieved',
] as const;

export function modelSeriesRows(r: ModelSeriesResult): (string | number | null)[][] {
  return r.series.flatMap((s) =>
    s.points.map((p) => [
      r.metric, r.by, s.label, s.ticker, p.label, p.start, p.end, p.value, r.unit, p.models, p.counted, p.missing?.reason ?? null, p.missing?.detail ?? null,
      // Counts cite every model counted: the CSV keeps the names, the JSON has each row's line.
      p.sources.map((x) => x.model).join('; ') || null,
      [...new Set(p.sources.map((x) => x.url).filter(Boolean))].join(' ') || null,
      r.load?.retrieved ?? null,
    ]),
  );
}

/** Periods down, series across; each value cites the model(s) behind it, numbered below. */
export function modelSeriesTable(r: ModelSeriesResult): string {
  if (!r.loaded) return r.notice ?? '';
  const labels = [...new Set(r.series.flatMap((s) => s.points.map((p) => p.label)))];
  const sources = numberedSources<ModelSourceRef>((a, b) => a.model === b.model && a.line === b.line);
  const ref = sources.ref;
  // A count's sources are every model counted: cite them for a value one model decides.
  const cites = r.metric !== 'models_released' && r.metric !== 'open_weights_share';
  const notes = new Set<string>();
  const rows = labels.map((label) => [
    label,
    ...r.series.map((s) => {
      const p = s.points.find((x) => x.label === label);
      if (!p) return '';
      if (p.value === null) {
        if (p.missing) notes.add(`${s.label} ${p.label}: ${p.missing.detail}`);
        return `— (${p.missing?.reason ?? 'missing'})`;
      }
      const value = formatModelValue(p.value, r.unit);
      const of = r.metric === 'open_weights_share' ? ` of ${p.counted}` : '';
      return cites && p.sources.length ? `${value} [${p.sources.map(ref).join(',')}]` : `${value}${of}`;
    }),
  ]);
  const unitLabel = r.unit === 'FLOP' ? 'FLOP' : r.unit === 'percent' ? 'percent' : 'models';
  const out = [`${r.metric} by ${r.by} (${r.period}) in ${unitLabel}: ${r.definition}`, '', textTable(['period', ...r.series.map((s) => s.label)], rows)];
  if (notes.size) out.push('', 'Missing (never counted as zero):', ...[...notes].map((n) => `  ${n}`));
  if (r.notes.length) out.push('', 'Notes:', ...r.notes.map((n) => `  ${n}`));
  if (sources.list.length) {
    out.push('', 'Sources (Epoch AI rows):');
    sources.list.forEach((x, i) =>
      out.push(`  [${i + 1}] ${x.model} (${x.organization ?? 'no organisation'}, ${x.publicationDate ?? 'undated'})${x.value !== null ? `: ${formatFlop(x.value, { unit: true, digits: 2 })}` : ''}${x.confidence ? `, ${x.confidence}` : ''}${x.url ? ` ${x.url}` : ''} (${x.table} line ${x.line})`),
    );
  }
  out.push('', `Table: ${r.load?.source} (retrieved ${r.load?.retrieved}; data as of ${r.dataAsOf}).`, r.credit);
  return out.join('\n');
}
