// A terminal table of a series: periods down, companies across, with numbered sources below
// (each with what the document is, how the value was verified and where it was read), the
// figures' caveats and how current the data is.
import type { SeriesResult } from '../model/series.js';
import type { SourceRef } from '../model/fact.js';
import { documentLabel, readAtLabel, VERIFICATION_MARKS } from '../model/document-label.js';
import { caveatsText, pointCaveats } from '../series/caveats.js';
import { dataAsOfText } from '../series/data-as-of.js';
import { textTable } from './text-table.js';
import { columnScaleFor, formatScaled, scaleCaption } from '../model/format-figure.js';
import { numberedSources } from './numbered-sources.js';

export function seriesTable(r: SeriesResult): string {
  const labels = [...new Set(r.series.flatMap((s) => s.points.map((p) => p.label)))];
  const scale = r.unit === 'percent' ? null : columnScaleFor(r.series.flatMap((s) => s.points.map((p) => p.value)));
  const names = new Map(r.series.map((s) => [s.ticker, s.name]));
  const sources = numberedSources<SourceRef>((a, b) => a.url === b.url);
  const ref = sources.ref;
  const notes = new Set<string>();
  const caveats: string[] = [];
  const rows = labels.map((label) => [
    label,
    ...r.series.map((s) => {
      const p = s.points.find((x) => x.label === label);
      if (!p) return '';
      if (p.value === null) {
        notes.add(`— ${p.missing?.reason}: ${p.missing?.detail}`);
        return p.missing?.reason === 'incomplete' ? `incomplete${p.partialValue !== null ? ' (≥' + formatScaled(p.partialValue, scale) + ')' : ''}` : `— (${p.missing?.reason})`;
      }
      const marks = (p.derived ? '*' : '') + (p.fx ? '‡' : '') + (p.restated ? '†' : '');
      const own = caveatsText(pointCaveats(p).filter((c) => c.kind !== 'derived' && c.kind !== 'converted'));
      if (own) caveats.push(`  ${s.ticker} ${label}: ${own}`);
      const refs = [...new Set(p.sources.map(ref))].slice(0, 3).join(',');
      return `${formatScaled(p.value, scale, r.unit === 'percent' ? 1 : 1)}${marks} [${refs}${p.sources.length > 3 ? ',…' : ''}]`;
    }),
  ]);
  const out = [
    `${r.metric} (${r.period}, ${r.basis}) in ${scaleCaption(r.unit, scale)}`,
    '',
    textTable(['period', ...r.series.map((s) => s.ticker)], rows),
    '',
    '* derived by airace (see --format json for how)   ‡ converted to USD at the stated rate' +
      (r.series.some((s) => s.points.some((p) => p.restated && p.value !== null)) ? '   † restated by a later filing (--as-first-reported shows the original)' : ''),
  ];
  const fx = r.series.flatMap((s) => s.points.filter((p) => p.fx).map((p) => `${s.ticker} ${p.label}: ${p.fx!.pair} ${p.fx!.rate} (${p.fx!.date})`));
  if (fx.length) out.push('', 'FX rates:', ...fx.map((x) => '  ' + x));
  const defs = r.series.filter((s) => s.definition).map((s) => `  ${s.ticker}: ${s.definition}`);
  if (defs.length) out.push('', 'Definitions:', ...defs);
  // Calendar labels of companies whose fiscal quarters are not the calendar ones: say which they are.
  const fiscal = r.series
    .map((s) => ({ s, spans: s.points.filter((p) => p.fiscalPeriod && (p.value !== null || p.partialValue !== null)).map((p) => `${p.label} = ${p.fiscalPeriod}`) }))
    .filter((x) => x.spans.length)
    .map((x) => `  ${x.s.ticker}: ${x.spans.join(', ')}`);
  if (fiscal.length) out.push('', 'Fiscal periods (each fiscal quarter is labelled with the calendar quarter holding most of its days):', ...fiscal);
  if (notes.size) out.push('', 'Missing:', ...[...notes].map((n) => '  ' + n));
  if (caveats.length) out.push('', 'Caveats:', ...caveats);
  out.push(
    '',
    'Sources (document of record, how verified; where the value was read if elsewhere):',
    ...sources.list.flatMap((d, i) => [`  [${i + 1}] ${documentLabel(d, names.get(d.ticker) ?? d.ticker)} · ${VERIFICATION_MARKS[d.verified].mark}: ${d.url}`, ...(d.readAt ? [`      ${readAtLabel(d)}: ${d.readAt}`] : [])]),
  );
  out.push('', dataAsOfText(r.dataAsOf));
  return out.join('\n');
}
