// The models side in brief, for the race page and company pages: how many models, the frontier
// to date by country group (or for one company), and the compute chart. The chart's spec is
// kept beside the summary (not in it), so the pages' JSON twins carry the figures, not a drawing.
import type { Kysely } from 'kysely';
import type { TopLevelSpec } from 'vega-lite';
import type { Database } from '../store/schema.js';
import type { ModelSeriesResult } from '../model/model-series.js';
import { modelCatalog } from '../series/model-catalog.js';
import { getModelSeries } from '../series/model-series.js';
import { CHART_SIZES, computeChartSpec, computeSize, defaultFrom } from './models-chart.js';
import { DEFAULT_HIGHLIGHT } from '../chart/specs/compute-over-time.js';
import { modelJson, type ModelJson } from './model-rows.js';

export interface ModelsSummary {
  loaded: boolean;
  credit: string;
  dataAsOf: string | null;
  retrieved: string | null;
  /** The Epoch table's URL, or the file imported. */
  source: string | null;
  /** Models in the years shown, and how many have no compute estimate. */
  models: number;
  withoutEstimate: number;
  from: string | null;
  frontier: ModelSeriesResult;
  /** The newest models (for a company: its own). */
  newest: ModelJson[];
}

const specs = new WeakMap<ModelsSummary, { wide: TopLevelSpec; narrow: TopLevelSpec }>();

/** The compute chart of a summary made by modelsSummary, wide or phone-sized (null when no data is loaded). */
export function summaryChart(s: ModelsSummary, size: 'wide' | 'narrow' = 'wide'): TopLevelSpec | null {
  return specs.get(s)?.[size] ?? null;
}

/** For the race (no orgs: by country group) or one company (orgs: its ticker, by company). */
export async function modelsSummary(db: Kysely<Database>, { orgs, newest = 8, highlight }: { orgs?: string[]; newest?: number; highlight?: string[] } = {}): Promise<ModelsSummary> {
  const from = await defaultFrom(db, {});
  const [catalog, frontier] = await Promise.all([
    modelCatalog(db, { from, orgs }),
    getModelSeries(db, { metric: 'frontier_compute', period: 'cy', from, orgs, by: orgs?.length ? 'company' : 'country' }),
  ]);
  const summary: ModelsSummary = {
    loaded: catalog.load !== null,
    credit: catalog.credit,
    dataAsOf: catalog.dataAsOf,
    retrieved: catalog.load?.retrieved ?? null,
    source: catalog.load?.source ?? null,
    models: catalog.models.length,
    withoutEstimate: catalog.models.filter((m) => m.trainingComputeFlop === null).length,
    from: from ?? null,
    frontier,
    newest: [...catalog.models].sort((a, b) => (b.publicationDate ?? '').localeCompare(a.publicationDate ?? '')).slice(0, newest).map((m) => modelJson(m, catalog)),
  };
  if (catalog.load) {
    const chosen = highlight ?? DEFAULT_HIGHLIGHT;
    specs.set(summary, { wide: computeChartSpec(catalog, { highlight: chosen, ...computeSize(CHART_SIZES.wide) }), narrow: computeChartSpec(catalog, { highlight: chosen, ...computeSize(CHART_SIZES.narrow) }) });
  }
  return summary;
}
