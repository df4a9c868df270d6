// Options every chart type takes, and the defaults that make a chart publishable as is.
import type { SeriesResult } from '../model/series.js';
import type { RaceEvent } from '../model/race-event.js';
import { periodLabels, periodName } from './chart-data.js';
import { seriesSourceLine } from './source-line.js';
import { InvalidOptionError } from '../model/errors.js';

export interface ChartOptions {
  /** Default: the metric and period range, e.g. "Capex, FY2022–FY2025". */
  title?: string;
  /** Default: the metric definition, year basis, basis and unit. */
  subtitle?: string;
  /**
   * Where the figures come from, printed at the bottom of the chart. Default: built from the
   * documents the plotted points cite (src/chart/source-line.ts). The "data as of" line follows it
   * either way.
   */
  sourceLine?: string;
  /** Width of the plot area in pixels. Default: 720. */
  width?: number;
  /** Height of the plot area in pixels. Default: 400. */
  height?: number;
  /**
   * Events to mark at their dates (see src/series/chart-events.ts for which events a chart
   * gets). Events outside the chart's periods are left out. Default: none.
   */
  annotations?: RaceEvent[];
}

export type ResolvedChartOptions = Required<ChartOptions>;

export function resolveChartOptions(result: SeriesResult, options: ChartOptions = {}): ResolvedChartOptions {
  return {
    title: options.title ?? defaultTitle(result),
    subtitle: options.subtitle ?? defaultSubtitle(result),
    sourceLine: options.sourceLine ?? seriesSourceLine(result),
    width: positive(options.width ?? 720, 'width'),
    height: positive(options.height ?? 400, 'height'),
    annotations: options.annotations ?? [],
  };
}

function defaultTitle(result: SeriesResult): string {
  const metric = result.metric.replaceAll('_', ' ');
  const name = metric.charAt(0).toUpperCase() + metric.slice(1);
  const labels = periodLabels(result);
  if (labels.length === 0) return name;
  return labels.length === 1 ? `${name}, ${labels[0]}` : `${name}, ${labels[0]}–${labels[labels.length - 1]}`;
}

function defaultSubtitle(result: SeriesResult): string {
  const unit = result.unit === 'percent' ? 'percent' : `${result.unit}`;
  return [result.definition, periodName(result.period), result.basis, unit].filter(Boolean).join(' · ');
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new InvalidOptionError(name, String(value), ['a positive number']);
  return value;
}
