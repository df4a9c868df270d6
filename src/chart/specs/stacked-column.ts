// Companies stacked within each period: the column's height is their total, written above it.
// A column missing a company's figure is not a total: it is drawn pale, marked "incomplete"
// and named in the note, never passed off as the sum.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import { formatCompact } from '../../model/format-figure.js';
import { splitMetricId } from '../../series/labels.js';
import { combinationRefusal } from '../chart-combinations.js';
import { InvalidOptionError } from '../../model/errors.js';
import { listOf, resolveChartOptions, type ChartOptions } from '../chart-options.js';
import { chartLayout } from '../chart-layout.js';
import { measureText } from '../text-metrics.js';
import { COLOURS, FONT_SIZES } from '../theme.js';
import type { Layer } from '../layer.js';
import { chartFrame, frameRows } from './chart-frame.js';
import { TOOLTIP_TRANSFORMS, colourEncoding, companyNames, detailEncodings, periodEncoding, valueEncoding } from './encodings.js';

const PADDING = { paddingInner: 0.3, paddingOuter: 0.15 } as const;

/** Why a result cannot be stacked, or null when it can: summing ratios or growth rates gives a number that means nothing. */
export function stackRefusal(result: Pick<SeriesResult, 'unit' | 'metric'>): string | null {
  const { transform } = splitMetricId(result.metric);
  return combinationRefusal({ unit: result.unit === 'percent' && transform === null ? 'percent' : 'money', transform, type: 'stacked' })?.reason ?? null;
}

export function stackedColumnSpec(result: SeriesResult, options: ChartOptions = {}): TopLevelSpec {
  const refusal = stackRefusal(result);
  if (refusal) throw new InvalidOptionError('type', 'stacked', ['grouped', 'line'], refusal);
  const opts = resolveChartOptions(result, options);
  const probe = chartLayout(result, opts, { extent: [] });
  const rows = frameRows(result, probe);
  const totals = probe.periods.map((label) => {
    const inPeriod = rows.filter((r) => r.label === label);
    const present = inPeriod.filter((r) => r.value !== null);
    return { label, total: present.reduce((t, r) => t + r.value!, 0), complete: present.length === result.series.length, missing: inPeriod.filter((r) => r.value === null).map((r) => r.name), any: present.length > 0 };
  });
  const layout = chartLayout(result, opts, { extent: totals.map((t) => t.total) });
  const incomplete = totals.filter((t) => t.any && !t.complete);
  const pale = JSON.stringify(incomplete.map((t) => t.label));
  // Stack in series order (first company at the bottom), matching the legend.
  const order = `indexof(${JSON.stringify(companyNames(result))}, datum.name)`;
  const x = periodEncoding(layout);
  const xBand = { ...x, scale: { ...x.scale, ...PADDING } };
  const bars: Layer = {
    transform: [...TOOLTIP_TRANSFORMS, { calculate: order, as: 'stackOrder' }, { calculate: `indexof(${pale}, datum.label) >= 0 ? 0.4 : 1`, as: 'fill' }],
    mark: { type: 'bar', invalid: 'filter', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      x: xBand,
      y: { ...valueEncoding(layout), stack: 'zero' },
      color: colourEncoding(result),
      opacity: { field: 'fill', type: 'quantitative', scale: null },
      order: { field: 'stackOrder', sort: 'ascending' },
      ...detailEncodings(result),
    },
  } as Layer;
  // Totals (or "incomplete") above each column, where the column is wide enough to hold them.
  const band = (layout.plotWidth / Math.max(1, layout.periods.length)) * (1 - PADDING.paddingInner);
  const tops = totals
    .filter((t) => t.any)
    .map((t) => ({ label: t.label, top: t.total, text: t.complete ? formatCompact(t.total, result.unit) : 'incomplete' }))
    .filter((t) => measureText(t.text, FONT_SIZES.valueLabel) <= band);
  const labels: Layer = {
    data: { values: tops },
    mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -3, fontSize: FONT_SIZES.valueLabel, color: COLOURS.text, aria: false },
    encoding: { x: xBand, y: { field: 'top', type: 'quantitative' }, text: { field: 'text' } },
  } as Layer;
  // By company: "no figure for Alibaba in 2019–2025 and Microsoft in 2019–2021".
  const byCompany = result.series
    .map((s) => ({ name: s.name, labels: incomplete.filter((t) => t.missing.includes(s.name)).map((t) => t.label) }))
    .filter((c) => c.labels.length)
    .map((c) => `${c.name} in ${spanOf(c.labels, layout.periods)}`);
  const notes = incomplete.length ? [`Pale columns are incomplete, not totals: no figure for ${listOf(byCompany)}.`] : [];
  return chartFrame(result, opts, layout, 'stacked', [bars, ...(tops.length ? [labels] : [])], { notes });
}

/** "2019–2025" for a run of consecutive periods, else the periods listed. */
function spanOf(labels: string[], periods: string[]): string {
  const first = periods.indexOf(labels[0]!);
  const consecutive = labels.every((l, i) => periods.indexOf(l) === first + i);
  return labels.length > 2 && consecutive ? `${labels[0]}–${labels[labels.length - 1]}` : listOf(labels);
}
