// Where everything in a chart goes, worked out in pixels for the width the chart will be shown
// at, before Vega draws it: the plot's size, the value axis (its ticks and how wide its labels
// are), which period labels fit, and the lines of title, subtitle, legend and notes. Drawn at
// that width, no text is ever scaled down: a phone gets a narrower layout, not smaller type.
import type { SeriesResult } from '../model/series.js';
import type { ResolvedChartOptions } from './chart-options.js';
import { measureText } from './text-metrics.js';
import { FONT_SIZES } from './theme.js';
import { thinnedLabels, visiblePeriods } from './period-axis.js';
import { tickCountFor, valueScale, type ValueScale } from './value-scale.js';
import { wrapText } from './wrap-text.js';

/** Narrower than this, charts are laid out for a phone. */
export const NARROW = 560;

export interface LegendItem {
  name: string;
  colour: string;
  x: number;
  row: number;
}

export interface ChartLayout {
  /** The whole chart, margins included. */
  width: number;
  padding: number;
  narrow: boolean;
  orientation: 'vertical' | 'horizontal';
  plotWidth: number;
  plotHeight: number;
  /** Pixels left of the plot's origin taken by the axis labels; text blocks start at -left. */
  left: number;
  /** Pixels right of the plot kept for direct labels. */
  right: number;
  /** Width text blocks (title, notes) wrap at. */
  textWidth: number;
  periods: string[];
  /** The period labels written on the axis (every k-th when they would not fit). */
  periodLabels: string[];
  values: ValueScale;
  titleSize: number;
  title: string[];
  subtitle: string[];
  legend: LegendItem[];
  legendRows: number;
}

export interface LayoutRequest {
  /** The values the value axis must hold (stack totals for stacked charts). */
  extent: number[];
  orientation?: 'vertical' | 'horizontal';
  /** Room on the right of the plot (direct labels on lines, value labels on bars). */
  right?: number;
  /** Leave the legend out (direct labels name the lines instead). */
  legend?: boolean;
  /** Pixels per period row of a horizontal chart. */
  rowHeight?: number;
}

export const LINE = { title: 1.25, text: 1.4 } as const;
const SWATCH = 11;
const LEGEND_GAP = 16;
export const LEGEND_ROW = 18;

export function chartLayout(result: SeriesResult, opts: ResolvedChartOptions, request: LayoutRequest): ChartLayout {
  const width = opts.width;
  const narrow = width < NARROW;
  const padding = narrow ? 10 : 16;
  const inner = width - 2 * padding;
  const orientation = request.orientation ?? 'vertical';
  const periods = visiblePeriods(result);
  const right = request.right ?? 0;
  const axisSize = FONT_SIZES.axisLabel;

  let left: number;
  let plotWidth: number;
  let plotHeight: number;
  let values: ValueScale;
  let periodLabels: string[];
  if (orientation === 'vertical') {
    // The value labels' width depends on the ticks, which depend on the plot's height; one pass
    // with a first guess of the label width settles it (the tick count rarely changes).
    const guessHeight = opts.height ?? heightFor(inner - 50, narrow);
    values = valueScale(request.extent, result.unit, { tickCount: tickCountFor(guessHeight, 55), fontSize: axisSize });
    left = Math.ceil(values.labelWidth) + 8;
    plotWidth = inner - left - right;
    plotHeight = opts.height ?? heightFor(plotWidth, narrow);
    values = valueScale(request.extent, result.unit, { tickCount: tickCountFor(plotHeight, 55), fontSize: axisSize });
    periodLabels = thinnedLabels(periods, plotWidth / Math.max(1, periods.length), axisSize);
    // The latest label is centred under the last period: keep the half that overhangs inside.
    const last = periodLabels[periodLabels.length - 1];
    const overhang = last === undefined ? 0 : Math.ceil(measureText(last, axisSize) / 2 - plotWidth / Math.max(1, periods.length) / 2);
    if (overhang > right) {
      plotWidth -= overhang - right;
      periodLabels = thinnedLabels(periods, plotWidth / Math.max(1, periods.length), axisSize);
    }
  } else {
    left = Math.ceil(Math.max(0, ...periods.map((p) => measureText(p, axisSize)))) + 10;
    plotWidth = inner - left - right;
    // Value labels run across: fewer ticks until neighbouring labels keep a gap between them.
    let count = tickCountFor(plotWidth, 70);
    values = valueScale(request.extent, result.unit, { tickCount: count, fontSize: axisSize });
    while (count > 1 && spacing(values, plotWidth) < values.labelWidth + 12) values = valueScale(request.extent, result.unit, { tickCount: --count, fontSize: axisSize });
    // The last value label is centred on the plot's right edge: keep half of it inside.
    plotWidth -= Math.ceil(values.labelWidth / 2);
    plotHeight = opts.height ?? periods.length * (request.rowHeight ?? 40);
    periodLabels = periods;
  }

  const textWidth = inner;
  const titleSize = narrow ? FONT_SIZES.titleNarrow : FONT_SIZES.title;
  // One company needs no legend: the title names it.
  const legend = request.legend === false || result.series.length < 2 ? [] : legendItems(result, textWidth);
  return {
    width,
    padding,
    narrow,
    orientation,
    plotWidth,
    plotHeight,
    left,
    right,
    textWidth,
    periods,
    periodLabels,
    values,
    titleSize,
    title: wrapText(opts.title, textWidth, titleSize, 'semibold'),
    subtitle: wrapText(opts.subtitle, textWidth, FONT_SIZES.subtitle),
    legend,
    legendRows: legend.length ? Math.max(...legend.map((l) => l.row)) + 1 : 0,
  };
}

/** Pixels between neighbouring ticks on an axis of `length`. */
function spacing(values: ValueScale, length: number): number {
  return values.ticks.length < 2 ? length : Math.abs(values.at(values.ticks[1]!, length) - values.at(values.ticks[0]!, length));
}

/** Plot height for a plot width: wider than tall on a desktop, nearer square on a phone. */
function heightFor(plotWidth: number, narrow: boolean): number {
  return Math.round(Math.min(400, Math.max(200, plotWidth * (narrow ? 0.85 : 0.5))));
}

/** Swatch and name per company, wrapped into rows as wide as the chart. */
function legendItems(result: SeriesResult, width: number): LegendItem[] {
  const items: LegendItem[] = [];
  let x = 0;
  let row = 0;
  for (const s of result.series) {
    const w = SWATCH + 5 + measureText(s.name, FONT_SIZES.legendLabel);
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    items.push({ name: s.name, colour: s.colour, x, row });
    x += w + LEGEND_GAP;
  }
  return items;
}

export const LEGEND_SWATCH = SWATCH;
