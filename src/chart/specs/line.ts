// One line per company over time, each named at its right end (no legend to decode); missing
// values break the line instead of bridging the gap. Where the names would take too much of a
// narrow chart, a legend names the lines instead.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import { resolveChartOptions, type ChartOptions } from '../chart-options.js';
import { chartLayout, type ChartLayout } from '../chart-layout.js';
import { measureText } from '../text-metrics.js';
import { FONT_SIZES } from '../theme.js';
import type { Layer } from '../layer.js';
import { dodge } from '../dodge.js';
import { chartFrame, frameRows } from './chart-frame.js';
import { TOOLTIP_TRANSFORMS, colourEncoding, detailEncodings, periodEncoding, valueEncoding } from './encodings.js';

const POINT_PADDING = 0.3;
/** Direct labels may take at most this share of the chart's width. */
const MAX_LABEL_SHARE = 0.3;
const LABEL_PITCH = 15;

export function lineSpec(result: SeriesResult, options: ChartOptions = {}): TopLevelSpec {
  const opts = resolveChartOptions(result, options);
  const extent = result.series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
  const right = Math.ceil(Math.max(0, ...result.series.map((s) => measureText(s.name, FONT_SIZES.directLabel)))) + 10;
  const direct = right <= opts.width * MAX_LABEL_SHARE && result.series.length <= 8;
  const layout = chartLayout(result, opts, { extent, right: direct ? right : 0, legend: !direct });
  const x = periodEncoding(layout);
  const line: Layer = {
    transform: [...TOOLTIP_TRANSFORMS],
    mark: { type: 'line', point: layout.periods.length <= 24 ? { size: 40, filled: true } : false, strokeWidth: 2.5, invalid: 'break-paths-filter-domains' },
    encoding: { x: { ...x, scale: { ...x.scale, type: 'point', padding: POINT_PADDING } }, y: valueEncoding(layout), color: colourEncoding(result), ...detailEncodings(result) },
  } as Layer;
  return chartFrame(result, opts, layout, 'line', direct ? [line, ...directLabels(result, layout)] : [line]);
}

/** Each company's name beside the plot, level with its latest value, nudged apart so none overlaps. */
function directLabels(result: SeriesResult, layout: ChartLayout): Layer[] {
  const rows = frameRows(result, layout);
  const ends = result.series
    .map((s) => {
      const last = [...rows].reverse().find((r) => r.ticker === s.ticker && r.value !== null);
      return last ? { name: s.name, colour: s.colour, target: layout.plotHeight - layout.values.at(last.value!, layout.plotHeight) } : null;
    })
    .filter((e): e is NonNullable<typeof e> => e !== null)
    .sort((a, b) => a.target - b.target);
  if (!ends.length) return [];
  const ys = dodge(ends.map((e) => e.target), LABEL_PITCH, LABEL_PITCH / 2, layout.plotHeight - LABEL_PITCH / 2);
  const values = ends.map((e, i) => ({ ...e, x: layout.plotWidth + 8, y: ys[i]! }));
  return [
    {
      data: { values },
      mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: FONT_SIZES.directLabel, fontWeight: 600, aria: false },
      encoding: { x: { field: 'x', type: 'quantitative', scale: null }, y: { field: 'y', type: 'quantitative', scale: null }, text: { field: 'name' }, color: { field: 'colour', type: 'nominal', scale: null } },
    },
  ] as Layer[];
}
