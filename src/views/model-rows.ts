// Models as flat rows and JSON objects: the one shape behind `airace models list`, the
// /api/v1/models(.csv) endpoints and the models page's twins, so every surface says the same.
import type { CatalogModel, ModelCatalog } from '../model/model-series.js';

export const MODEL_COLUMNS = [
  'model', 'organization', 'actors', 'tickers', 'country', 'country_group', 'publication_date', 'domain', 'parameters',
  'training_compute_flop', 'training_cost_usd', 'cost_basis', 'training_hardware', 'hardware_quantity', 'confidence',
  'accessibility', 'open_weights', 'link', 'dataset', 'snapshot', 'source_table', 'retrieved', 'source_line',
] as const;

export function modelRows(catalog: ModelCatalog, models: CatalogModel[] = catalog.models): (string | number | null)[][] {
  const load = catalog.load;
  return models.map((m) => [
    m.displayName,
    m.organizations.join(', ') || null,
    m.actors.map((a) => a.name).join('; ') || null,
    m.actors.flatMap((a) => (a.ticker ? [a.ticker] : [])).join(';') || null,
    m.countries.join(', ') || null,
    m.countryGroup,
    m.publicationDate,
    m.domains.join(', ') || null,
    m.parameters,
    m.trainingComputeFlop,
    m.trainingCostUsd,
    m.costBasis,
    m.hardware,
    m.hardwareQuantity,
    m.confidence,
    m.accessibility,
    m.openWeights === null ? null : m.openWeights ? 'yes' : 'no',
    m.links[0] ?? null,
    m.dataset,
    m.snapshot,
    load?.source ?? null,
    load?.retrieved ?? null,
    m.line,
  ]);
}

/** A model as the API and `--format json` give it: the catalogue's model, named for display, with where its row is. */
export interface ModelJson extends Omit<CatalogModel, 'displayName' | 'line'> {
  /** Where the row is in Epoch's table as retrieved. */
  source: { table: string; retrieved: string; line: number } | null;
}

export function modelJson(m: CatalogModel, catalog: ModelCatalog): ModelJson {
  const { displayName, line, ...rest } = m;
  return { ...rest, name: displayName, source: catalog.load ? { table: catalog.load.source, retrieved: catalog.load.retrieved, line } : null };
}

/** The JSON of a model listing: the models, the retrieval, the credit and what is missing. */
export function modelListJson(catalog: ModelCatalog, models: CatalogModel[] = catalog.models, notice: string | null = null) {
  return {
    loaded: catalog.load !== null,
    notice,
    dataAsOf: catalog.dataAsOf,
    credit: catalog.credit,
    load: catalog.load,
    count: models.length,
    withoutComputeEstimate: models.filter((m) => m.trainingComputeFlop === null).length,
    models: models.map((m) => modelJson(m, catalog)),
  };
}
