// Options every chart type takes, and the defaults that make a chart publishable as is: a title
// that says what the chart shows in plain words (metric, companies, period, basis), a plain
// subtitle, and a width the whole layout is computed for.
import type { SeriesResult } from '../model/series.js';
import type { RaceEvent } from '../model/race-event.js';
import { BASIS_WORDS, PERIOD_WORDS, metricLabel, metricSummary, splitMetricId, TRANSFORM_WORDS } from '../series/labels.js';
import { visiblePeriods } from './period-axis.js';
import { chartText } from './chart-text.js';
import { seriesSourceLine } from './source-line.js';
import { InvalidOptionError } from '../model/errors.js';

export interface ChartOptions {
  /** Default: metric, companies, periods and basis in words ("Capital expenditures of Amazon and Meta, fiscal years 2022–2025"). */
  title?: string;
  /** Default: the metric in plain words, then the period kind and the unit. */
  subtitle?: string;
  /**
   * Where the figures come from, printed at the bottom of the chart. Default: built from the
   * documents the plotted points cite (src/chart/source-line.ts). The "data as of" line follows it
   * either way.
   */
  sourceLine?: string;
  /** Width of the whole chart in pixels, margins included. Default: {@link DEFAULT_WIDTH}. */
  width?: number;
  /** Height of the plot area in pixels. Default: in proportion to the width. */
  height?: number;
  /**
   * Events to mark at their dates (see src/series/chart-events.ts for which events a chart
   * gets). Events outside the chart's periods are left out. Default: none.
   */
  annotations?: RaceEvent[];
}

export interface ResolvedChartOptions {
  title: string;
  subtitle: string;
  sourceLine: string;
  width: number;
  /** Null: the layout picks the plot height for the width. */
  height: number | null;
  annotations: RaceEvent[];
}

export const DEFAULT_WIDTH = 800;
/** Narrower than this, a chart is laid out for a phone. */
export const MIN_WIDTH = 280;

export function resolveChartOptions(result: SeriesResult, options: ChartOptions = {}): ResolvedChartOptions {
  const width = positive(options.width ?? DEFAULT_WIDTH, 'width');
  if (width < MIN_WIDTH) throw new InvalidOptionError('width', String(width), [`at least ${MIN_WIDTH} pixels`]);
  return {
    title: chartText(options.title ?? defaultTitle(result)),
    subtitle: chartText(options.subtitle ?? defaultSubtitle(result)),
    // One sentence a line (sources, then verification): each line cleaned, the breaks kept.
    sourceLine: (options.sourceLine ?? seriesSourceLine(result)).split('\n').map(chartText).join('\n'),
    width,
    height: options.height === undefined ? null : positive(options.height, 'height'),
    annotations: options.annotations ?? [],
  };
}

/** "Amazon, Microsoft and Meta". */
export function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "fiscal years 2022–2025", "calendar quarters 2024-Q1 to 2025-Q2", "fiscal year 2025". */
export function periodSpan(result: SeriesResult): string {
  const labels = visiblePeriods(result);
  const words = PERIOD_WORDS[result.period];
  if (labels.length === 0) return words.plural;
  const bare = (l: string) => l.replace(/^FY/, '').replace(/^TTM /, '');
  if (labels.length === 1) return `${words.singular} ${bare(labels[0]!)}`;
  const [first, last] = [bare(labels[0]!), bare(labels[labels.length - 1]!)];
  const join = /^\d{4}$/.test(first) && /^\d{4}$/.test(last) ? '–' : ' to ';
  return `${words.plural} ${first}${join}${last}`;
}

/**
 * "Capital expenditures of Amazon and Meta, fiscal years 2022–2025"; a basis other than
 * reported figures and a transform are said too ("Year-over-year growth in revenue of …",
 * "Capex guidance of …").
 */
export function defaultTitle(result: SeriesResult): string {
  const { metric, transform } = splitMetricId(result.metric);
  const names = listOf(result.series.map((s) => s.name));
  const what = metricLabel(metric);
  const basis = result.basis === 'actual' || result.basis === 'derived' ? '' : ` ${BASIS_WORDS[result.basis]}`;
  const subject = transform ? `${TRANSFORM_WORDS[transform].of} ${lowerFirst(what)}${basis}` : `${what}${basis}`;
  return `${subject}${names ? ` of ${names}` : ''}, ${periodSpan(result)}`;
}

/** The metric in plain words (no XBRL tags), how periods are counted, and the unit. */
export function defaultSubtitle(result: SeriesResult): string {
  const unit = result.unit === 'percent' ? 'Percent' : unitWords(result.unit);
  const periods = result.period === 'fy' ? 'Each company’s own fiscal year.' : result.period === 'ttm' ? 'Trailing twelve months to each calendar quarter.' : '';
  const basis = result.basis === 'actual' ? '' : `Basis: ${BASIS_WORDS[result.basis]}.`;
  return [metricSummary(result.metric), periods, basis, `${unit}.`].filter(Boolean).join(' ');
}

/** "US dollars", "Renminbi", else the code. */
export function unitWords(unit: string): string {
  return unit === 'USD' ? 'US dollars' : unit === 'CNY' ? 'Renminbi' : unit;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new InvalidOptionError(name, String(value), ['a positive number']);
  return value;
}
