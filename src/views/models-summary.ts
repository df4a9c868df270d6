// The models side in brief, for the race page and company pages: how many models and the
// frontier to date by country group (or for one company). The compute chart beside it is drawn
// by /api/v1/models/chart.svg for the width of its frame, as every chart is.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { ModelSeriesResult } from '../model/model-series.js';
import { modelCatalog } from '../series/model-catalog.js';
import { getModelSeries } from '../series/model-series.js';
import { chartSizeFor, chartWords, computeChartSpec, computeSize, defaultFrom, type ModelsChartWords } from './models-chart.js';
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
  /** The compute chart's title and alt text; null when no models data is loaded. */
  chart: ModelsChartWords | null;
}

/** For the race (no orgs: by country group) or one company (orgs: its ticker, by company). */
export async function modelsSummary(db: Kysely<Database>, { orgs, newest = 8 }: { orgs?: string[]; newest?: number } = {}): Promise<ModelsSummary> {
  const from = await defaultFrom(db, {});
  const [catalog, frontier] = await Promise.all([
    modelCatalog(db, { from, orgs }),
    getModelSeries(db, { metric: 'frontier_compute', period: 'cy', from, orgs, by: orgs?.length ? 'company' : 'country' }),
  ]);
  return {
    loaded: catalog.load !== null,
    credit: catalog.credit,
    dataAsOf: catalog.dataAsOf,
    retrieved: catalog.load?.retrieved ?? null,
    source: catalog.load?.source ?? null,
    models: catalog.models.length,
    withoutEstimate: catalog.models.filter((m) => m.trainingComputeFlop === null).length,
    from: from ?? null,
    frontier,
    chart: catalog.load ? chartWords(computeChartSpec(catalog, computeSize(chartSizeFor(undefined, 'compute')))) : null,
    newest: [...catalog.models].sort((a, b) => (b.publicationDate ?? '').localeCompare(a.publicationDate ?? '')).slice(0, newest).map((m) => modelJson(m, catalog)),
  };
}
