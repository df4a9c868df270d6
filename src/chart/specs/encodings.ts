// Encodings the chart types share, so a company has the same colour, tooltip and link in each,
// and both axes follow the layout (chart-layout.ts): the periods it shows, the labels that fit,
// the value ticks it measured.
import type { SeriesResult } from '../../model/series.js';
import { metricLabel } from '../../series/labels.js';
import type { ChartLayout } from '../chart-layout.js';

/** Rows are flat ChartRows; these derive the tooltip/aria strings in Vega so the embedded data stays plain. */
export const TOOLTIP_TRANSFORMS = [
  { calculate: "datum.label + ' (' + datum.start + ' – ' + datum.end + ')'", as: 'period' },
  {
    calculate: "(datum.derived ? 'derived: ' + (datum.derivation || 'computed by airace') : 'reported') + (datum.caveats ? ' · caveats: ' + datum.caveats : '')",
    as: 'provenance',
  },
  { calculate: "datum.name + ', ' + datum.label + ': ' + datum.valueText + ' (' + datum.provenance + ')'", as: 'summary' },
] as const;

export function companyNames(result: SeriesResult): string[] {
  return result.series.map((s) => s.name);
}

/** Fixed company colours: the domain is the company names in series order, the range their colours. The frame draws the legend. */
export function colourEncoding(result: SeriesResult) {
  return {
    field: 'name',
    type: 'nominal',
    scale: { domain: companyNames(result), range: result.series.map((s) => s.colour) },
    legend: null,
  } as const;
}

/** Periods in time order; the domain is explicit so a period with no values keeps its slot. Only the labels that fit are written. */
export function periodEncoding(layout: ChartLayout) {
  return { field: 'label', type: 'ordinal', scale: { domain: layout.periods }, axis: { values: layout.periodLabels } } as const;
}

/** The value axis exactly as the layout measured it: its domain, ticks and labels. */
export function valueEncoding(layout: ChartLayout) {
  const v = layout.values;
  return {
    field: 'value',
    type: 'quantitative',
    scale: { domain: v.domain, nice: false, zero: true },
    // No flush: the layout keeps room for the end labels centred on their ticks, and a flushed
    // end label would move onto its neighbour on a short axis.
    axis: { values: v.ticks, labelExpr: v.labelExpr, labelFlush: false },
  } as const;
}

/** Tooltip (with the figure's caveats, document and verification), aria description and a link to the first document of record (one click from a bar to its filing). */
export function detailEncodings(result: SeriesResult) {
  return {
    tooltip: [
      { field: 'name', title: 'Company' },
      { field: 'period', title: 'Period' },
      { field: 'valueText', title: metricLabel(result.metric) },
      { field: 'basis', title: 'Basis' },
      { field: 'provenance', title: 'Figure' },
      { field: 'source', title: 'Source' },
      { field: 'verified', title: 'Verified' },
    ],
    description: { field: 'summary' },
    href: { field: 'sourceUrl' },
  };
}
