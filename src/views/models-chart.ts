// The models charts by name, built from the series layer: one home for the CLI's
// `airace models chart`, the API's /api/v1/models/chart.* and the pages.
import type { TopLevelSpec } from 'vega-lite';
import type { ReadDb } from '../series/read-db.js';
import type { ModelCatalog, ModelGrouping, ModelMetric, ModelPeriod } from '../model/model-series.js';
import { modelCatalog, type ModelFilter } from '../series/model-catalog.js';
import { COUNTRY_COLOURS, getModelSeries } from '../series/model-series.js';
import { computeOverTimeSpec, DEFAULT_HIGHLIGHT } from '../chart/specs/compute-over-time.js';
import { modelSeriesLineSpec } from '../chart/specs/model-series-line.js';
import { fitToWidth, MIN_PLOT, type MeasureWidth } from '../chart/fit-width.js';

export const MODELS_CHARTS = ['compute', 'per-year', 'open-weights', 'series'] as const;
export type ModelsChartKind = (typeof MODELS_CHARTS)[number];

export interface ModelsChartRequest extends ModelFilter {
  chart: ModelsChartKind;
  /** For `series`: which metric, how grouped, by which period. */
  metric?: ModelMetric;
  by?: ModelGrouping;
  period?: ModelPeriod;
  /** For `compute`: makers whose models are ringed and named (default Alibaba and DeepSeek). */
  highlight?: string[];
  title?: string;
  subtitle?: string;
  /** The whole chart's width in CSS pixels (as `width` of every chart): the plot, its axis and legend are laid out for it. */
  width?: number;
}

/** What a frame says about a chart: its title and short alt text. */
export interface ModelsChartWords {
  title: string;
  alt: string;
}

export function chartWords(spec: TopLevelSpec): ModelsChartWords {
  const t = (spec as { title?: { text?: string | string[] } }).title?.text;
  const title = Array.isArray(t) ? t.join(' ') : (t ?? 'Models chart');
  return { title, alt: spec.description ?? title };
}

export interface ModelsChart {
  spec: TopLevelSpec;
  loaded: boolean;
}

/** The years a chart covers when none are asked for: the ten up to the newest model (as the series default). */
export async function defaultFrom(db: ReadDb, r: Pick<ModelFilter, 'from' | 'asOf'>): Promise<string | undefined> {
  if (r.from) return r.from;
  const all = await modelCatalog(db, { asOf: r.asOf });
  const newest = all.models.reduce((y, m) => Math.max(y, m.publicationDate ? Number(m.publicationDate.slice(0, 4)) : 0), 0);
  return newest ? `${newest - 9}-01-01` : undefined;
}

/** The compute-over-time chart of a catalogue already read (the models page keeps the catalogue as its data). */
export function computeChartSpec(catalog: ModelCatalog, r: Pick<ModelsChartRequest, 'highlight' | 'title' | 'subtitle'> & { width?: number; height?: number; maxLabels?: number; narrow?: boolean } = {}): TopLevelSpec {
  return computeOverTimeSpec(catalog.models, {
    maxLabels: r.maxLabels,
    narrow: r.narrow,
    title: r.title,
    subtitle: r.subtitle,
    width: r.width,
    height: r.height,
    highlight: r.highlight?.length ? r.highlight : DEFAULT_HIGHLIGHT,
    colours: COUNTRY_COLOURS,
    credit: catalog.credit,
    dataAsOf: catalog.dataAsOf,
    withoutEstimate: catalog.models.filter((m) => m.trainingComputeFlop === null).length,
  });
}

/**
 * A models chart by name. With `width` and `measure`, the chart is fitted to that width: the
 * legend and the value axis take what their labels need, so a first drawing at an estimated
 * plot width is measured and, when it misses, the plot is widened or narrowed by the difference.
 */
export async function modelsChart(db: ReadDb, r: ModelsChartRequest, measure?: MeasureWidth): Promise<ModelsChart> {
  let build: (size: ChartSize) => TopLevelSpec;
  let loaded: boolean;
  const kind = r.chart === 'compute' ? 'compute' : 'line';
  if (r.chart === 'compute') {
    const catalog = await modelCatalog(db, { ...r, from: await defaultFrom(db, r) });
    build = (size) => computeChartSpec(catalog, { ...r, ...computeSize(size) });
    loaded = catalog.load !== null;
  } else {
    const request =
      r.chart === 'per-year'
        ? { ...r, metric: 'models_released' as const, by: r.by ?? ('company' as const), period: r.period ?? ('cy' as const) }
        : r.chart === 'open-weights'
          ? { ...r, metric: 'open_weights_share' as const, by: r.by ?? ('country' as const), period: r.period ?? ('cy' as const) }
          : { ...r, metric: r.metric ?? ('frontier_compute' as const), period: r.period ?? ('cy' as const) };
    const result = await getModelSeries(db, request);
    build = (size) => modelSeriesLineSpec(result, { title: r.title, subtitle: r.subtitle, ...lineSize(size) });
    loaded = result.loaded;
  }
  const size = chartSizeFor(r.width, kind);
  if (!loaded || r.width === undefined || !measure) return { spec: build(size), loaded };
  return { spec: await fitToWidth(r.width, size.width, (width) => build({ ...size, width }), measure), loaded };
}

/** A models chart's plot: its width, and whether it is a phone's (fewer labels, wrapped legends). */
export interface ChartSize {
  width: number;
  narrow: boolean;
}

/** Charts narrower than this are a phone's. */
const NARROW_BELOW = 520;
/**
 * A first estimate of what the value axis and the legend take beside the plot (modelsChart
 * measures the drawing): the compute chart's legend sits above its plot; a line chart's legend
 * is beside it, above it on a phone.
 */
const BESIDE_PLOT = { compute: { wide: 120, narrow: 60 }, line: { wide: 170, narrow: 40 } };
/** The width drawn when none is asked for (the CLI's `airace models chart`). */
export const DEFAULT_MODELS_CHART_WIDTH = 910;

/** The plot for a whole chart `width` CSS pixels wide (the frame's width, as for every chart). */
export function chartSizeFor(width = DEFAULT_MODELS_CHART_WIDTH, kind: 'compute' | 'line' = 'line'): ChartSize {
  const narrow = width < NARROW_BELOW;
  return { width: Math.max(MIN_PLOT, width - BESIDE_PLOT[kind][narrow ? 'narrow' : 'wide']), narrow };
}

/** The compute chart at a size: a phone names fewer models. */
export function computeSize(size: ChartSize): { width: number; height: number; maxLabels: number; narrow: boolean } {
  return { width: size.width, height: size.narrow ? 320 : 460, maxLabels: size.narrow ? 5 : 12, narrow: size.narrow };
}

/** A series line chart at a size: a phone lists its legend in one column above the plot (Vega spreads a legend of several columns far wider than its labels) and thins the year labels. */
export function lineSize(size: ChartSize): { width: number; height: number; legendColumns?: number; maxPeriodLabels: number } {
  return size.narrow ? { width: size.width, height: 260, legendColumns: 1, maxPeriodLabels: 5 } : { width: size.width, height: 360, maxPeriodLabels: 12 };
}
