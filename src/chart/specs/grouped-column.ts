// The seed article's chart: one column per company, side by side within each period, the last
// group labelled with its values where they fit. On a phone it turns into horizontal bars, one
// row per period, every bar labelled with its value, so nothing needs reading off an axis.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import { resolveChartOptions, type ChartOptions, type ResolvedChartOptions } from '../chart-options.js';
import { chartLayout, type ChartLayout } from '../chart-layout.js';
import { formatCompact } from '../../model/format-figure.js';
import { measureText } from '../text-metrics.js';
import { COLOURS, FONT_SIZES } from '../theme.js';
import type { Layer } from '../layer.js';
import { chartFrame, frameRows } from './chart-frame.js';
import { TOOLTIP_TRANSFORMS, colourEncoding, companyNames, detailEncodings, periodEncoding, valueEncoding } from './encodings.js';

const PERIOD_PADDING = { paddingInner: 0.2, paddingOuter: 0.1 } as const;
const COMPANY_PADDING = 0.08;
/** Pixels per bar in a horizontal chart, and between period groups. */
const BAR = 13;
const GROUP_GAP = 16;
/** More bars than this would make a phone scroll through a very long chart: columns it is, thinned labels and all. */
const MAX_HORIZONTAL_BARS = 40;

const values = (result: SeriesResult) => result.series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);

export function groupedColumnSpec(result: SeriesResult, options: ChartOptions = {}): TopLevelSpec {
  const opts = resolveChartOptions(result, options);
  // Horizontal bars on a phone, while they make a chart of reasonable length; not with event
  // markers, which need a time axis across.
  const probe = chartLayout(result, opts, { extent: values(result) });
  const bars = probe.periods.length * result.series.length;
  return probe.narrow && opts.annotations.length === 0 && bars <= MAX_HORIZONTAL_BARS ? horizontal(result, opts) : vertical(result, opts, probe);
}

/** Value labels for bars, on the side of the bar's end (above a positive column, below a negative one). */
function valueLabels(filter: string, horizontalBars: boolean, encoding: Record<string, unknown>): Layer[] {
  return [true, false].map((positive) => ({
    transform: [{ filter: `${filter} && datum.value ${positive ? '>=' : '<'} 0` }],
    mark: horizontalBars
      ? { type: 'text', align: positive ? 'left' : 'right', baseline: 'middle', dx: positive ? 4 : -4, fontSize: FONT_SIZES.valueLabel, color: COLOURS.text, aria: false }
      : { type: 'text', align: 'center', baseline: positive ? 'bottom' : 'top', dy: positive ? -3 : 3, fontSize: FONT_SIZES.valueLabel, color: COLOURS.text, aria: false },
    encoding: { ...encoding, text: { field: 'shortText' } },
  })) as Layer[];
}

function vertical(result: SeriesResult, opts: ResolvedChartOptions, layout: ChartLayout): TopLevelSpec {
  const x = periodEncoding(layout);
  const xOffset = { field: 'name', type: 'nominal', scale: { domain: companyNames(result), paddingInner: COMPANY_PADDING } } as const;
  // A single company's columns stay column-shaped rather than filling the whole period.
  const padding = result.series.length === 1 ? { paddingInner: 0.45, paddingOuter: 0.25 } : PERIOD_PADDING;
  const position = { x: { ...x, scale: { ...x.scale, ...padding } }, xOffset, y: valueEncoding(layout) };
  const bars: Layer = {
    transform: [...TOOLTIP_TRANSFORMS],
    // Missing values are null and filtered out (never drawn as zero bars); the frame's note names them.
    mark: { type: 'bar', invalid: 'filter' },
    encoding: { ...position, color: colourEncoding(result), ...detailEncodings(result) },
  } as Layer;
  return chartFrame(result, opts, layout, 'grouped', [bars, ...lastGroupLabels(result, opts, layout, position)]);
}

/** The latest period's values above its columns, when every label fits its column's pitch. */
function lastGroupLabels(result: SeriesResult, opts: ResolvedChartOptions, layout: ChartLayout, position: Record<string, unknown>): Layer[] {
  const last = layout.periods[layout.periods.length - 1];
  // Event rules run down through the columns: labels would sit on them.
  if (last === undefined || opts.annotations.length) return [];
  const rows = frameRows(result, layout).filter((r) => r.label === last && r.shortText !== null);
  if (rows.length === 0) return [];
  const pitch = (layout.plotWidth / layout.periods.length) * (1 - PERIOD_PADDING.paddingInner) / result.series.length;
  const widest = Math.max(...rows.map((r) => measureText(r.shortText!, FONT_SIZES.valueLabel)));
  if (widest > pitch - 2) return [];
  return valueLabels(`datum.label === ${JSON.stringify(last)} && datum.value !== null`, false, position);
}

function horizontal(result: SeriesResult, opts: ResolvedChartOptions): TopLevelSpec {
  const rows = values(result);
  const right = Math.ceil(Math.max(0, ...rows.map((v) => measureText(formatCompact(v, result.unit), FONT_SIZES.valueLabel)))) + 8;
  const rowHeight = result.series.length * BAR + GROUP_GAP;
  const layout = chartLayout(result, opts, { extent: rows, orientation: 'horizontal', right, rowHeight });
  const y = { field: 'label', type: 'ordinal', scale: { domain: layout.periods, paddingInner: GROUP_GAP / rowHeight, paddingOuter: 0.1 }, axis: { values: layout.periods } } as const;
  const yOffset = { field: 'name', type: 'nominal', scale: { domain: companyNames(result), paddingInner: 0.12 } } as const;
  const value = valueEncoding(layout);
  const position = { y, yOffset, x: value };
  const bars: Layer = {
    transform: [...TOOLTIP_TRANSFORMS],
    mark: { type: 'bar', invalid: 'filter' },
    encoding: { ...position, color: colourEncoding(result), ...detailEncodings(result) },
  } as Layer;
  return chartFrame(result, opts, layout, 'grouped', [bars, ...valueLabels('datum.value !== null', true, position)]);
}
