// The models charts by name, built from the series layer: one home for the CLI's
// `airace models chart`, the API's /api/v1/models/chart.* and the pages.
import type { Kysely } from 'kysely';
import type { TopLevelSpec } from 'vega-lite';
import type { Database } from '../store/schema.js';
import type { ModelCatalog, ModelGrouping, ModelMetric, ModelPeriod } from '../model/model-series.js';
import { modelCatalog, type ModelFilter } from '../series/model-catalog.js';
import { COUNTRY_COLOURS, getModelSeries } from '../series/model-series.js';
import { computeOverTimeSpec, DEFAULT_HIGHLIGHT } from '../chart/specs/compute-over-time.js';
import { modelSeriesLineSpec } from '../chart/specs/model-series-line.js';

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
  width?: number;
  height?: number;
}

export interface ModelsChart {
  spec: TopLevelSpec;
  loaded: boolean;
}

/** The years a chart covers when none are asked for: the ten up to the newest model (as the series default). */
export async function defaultFrom(db: Kysely<Database>, r: Pick<ModelFilter, 'from' | 'asOf'>): Promise<string | undefined> {
  if (r.from) return r.from;
  const all = await modelCatalog(db, { asOf: r.asOf });
  const newest = all.models.reduce((y, m) => Math.max(y, m.publicationDate ? Number(m.publicationDate.slice(0, 4)) : 0), 0);
  return newest ? `${newest - 9}-01-01` : undefined;
}

/** The compute-over-time chart of a catalogue already read (the models page keeps the catalogue as its data). */
export function computeChartSpec(catalog: ModelCatalog, r: Pick<ModelsChartRequest, 'highlight' | 'title' | 'subtitle' | 'width' | 'height'> & { maxLabels?: number } = {}): TopLevelSpec {
  return computeOverTimeSpec(catalog.models, {
    maxLabels: r.maxLabels,
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

export async function modelsChart(db: Kysely<Database>, r: ModelsChartRequest): Promise<ModelsChart> {
  const options = { title: r.title, subtitle: r.subtitle, width: r.width, height: r.height };
  if (r.chart === 'compute') {
    const catalog = await modelCatalog(db, { ...r, from: await defaultFrom(db, r) });
    return { spec: computeChartSpec(catalog, r), loaded: catalog.load !== null };
  }
  const request =
    r.chart === 'per-year'
      ? { ...r, metric: 'models_released' as const, by: r.by ?? ('company' as const), period: r.period ?? ('cy' as const) }
      : r.chart === 'open-weights'
        ? { ...r, metric: 'open_weights_share' as const, by: r.by ?? ('country' as const), period: r.period ?? ('cy' as const) }
        : { ...r, metric: r.metric ?? ('frontier_compute' as const), period: r.period ?? ('cy' as const) };
  const result = await getModelSeries(db, request);
  return { spec: modelSeriesLineSpec(result, options), loaded: result.loaded };
}

/** The two sizes a page draws a models chart at: a wide column, and a phone (fewer labels, wrapped legends). */
export interface ChartSize {
  width: number;
  narrow: boolean;
}

export const CHART_SIZES = { wide: { width: 720, narrow: false }, narrow: { width: 320, narrow: true } } as const satisfies Record<string, ChartSize>;

/** The compute chart at a size: a phone names fewer models. */
export function computeSize(size: ChartSize): { width: number; height: number; maxLabels: number } {
  return { width: size.width, height: size.narrow ? 320 : 460, maxLabels: size.narrow ? 5 : 12 };
}

/** A series line chart at a size: a phone wraps its legend and thins the year labels. */
export function lineSize(size: ChartSize): { width: number; height: number; legendColumns?: number; maxPeriodLabels: number } {
  return size.narrow ? { width: size.width, height: 260, legendColumns: 3, maxPeriodLabels: 5 } : { width: size.width, height: 360, maxPeriodLabels: 12 };
}
