// Encodings the chart types share, so a company has the same colour, tooltip and link in each.
import type { SeriesResult } from '../../model/series.js';
import { missingText, periodLabels } from '../chart-data.js';
import { valueAxis } from '../value-axis.js';

/** Rows are flat ChartRows; these derive the tooltip/aria strings in Vega so the embedded data stays plain. */
export const TOOLTIP_TRANSFORMS = [
  { calculate: "datum.label + ' (' + datum.start + ' – ' + datum.end + ')'", as: 'period' },
  {
    calculate: "(datum.derived ? 'derived: ' + (datum.derivation || 'computed by airace') : 'reported') + (datum.caveats ? ' · caveats: ' + datum.caveats : '')",
    as: 'provenance',
  },
  { calculate: "datum.name + ', ' + datum.label + ': ' + datum.valueText", as: 'summary' },
] as const;

export function companyNames(result: SeriesResult): string[] {
  return result.series.map((s) => s.name);
}

/** Fixed company colours: the domain is the company names in series order, the range their colours. */
export function colourEncoding(result: SeriesResult) {
  return {
    field: 'name',
    type: 'nominal',
    scale: { domain: companyNames(result), range: result.series.map((s) => s.colour) },
  } as const;
}

/** Periods in time order; the domain is explicit so a period with no values still gets its slot. */
export function periodEncoding(result: SeriesResult) {
  return { field: 'label', type: 'ordinal', scale: { domain: periodLabels(result) } } as const;
}

export function valueEncoding(result: SeriesResult) {
  return { field: 'value', type: 'quantitative', axis: valueAxis(result.unit) } as const;
}

/** Tooltip (with the figure's caveats, document and verification), aria description and a link to the first document of record (one click from a bar to its filing). */
export function detailEncodings(result: SeriesResult) {
  return {
    tooltip: [
      { field: 'name', title: 'Company' },
      { field: 'period', title: 'Period' },
      { field: 'valueText', title: result.metric },
      { field: 'basis', title: 'Basis' },
      { field: 'provenance', title: 'Figure' },
      { field: 'source', title: 'Source' },
      { field: 'verified', title: 'Verified' },
    ],
    description: { field: 'summary' },
    href: { field: 'sourceUrl' },
  };
}

/**
 * Gaps written under the period label ("FY2025" / "Alphabet: no data"), for charts where a
 * missing value has no slot of its own (lines, stacks): the reader sees a gap, not a dip.
 * Returns the x axis and how many extra label lines it needs.
 */
export function periodAxisWithGaps(result: SeriesResult) {
  const notes = new Map<string, string[]>();
  for (const s of result.series) {
    for (const p of s.points) {
      if (p.value !== null) continue;
      const note = `${s.name}: ${missingText(p.missing?.reason ?? 'no-data')}`;
      notes.set(p.label, [...(notes.get(p.label) ?? []), note]);
    }
  }
  // A chain of ternaries keeps the expression readable in the exported spec; labels are JSON-quoted.
  const labelExpr = [...notes].reduceRight(
    (otherwise, [label, lines]) =>
      `datum.value === ${JSON.stringify(label)} ? ${JSON.stringify([label, ...lines])} : ${otherwise}`,
    'datum.label',
  );
  const extraLines = Math.max(0, ...[...notes.values()].map((lines) => lines.length));
  return { axis: notes.size ? { labelExpr } : {}, extraLines };
}
