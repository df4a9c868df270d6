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

/** A model as the API and `--format json` give it. */
export interface ModelJson {
  id: string;
  name: string;
  organizations: string[];
  /** Who it counts for: a tracked company (with its ticker) or a lab as itself. */
  actors: { name: string; ticker: string | null }[];
  countries: string[];
  countryGroup: string;
  publicationDate: string | null;
  domains: string[];
  parameters: number | null;
  /** Epoch's estimate; null means no public estimate (never zero). */
  trainingComputeFlop: number | null;
  trainingCostUsd: number | null;
  costBasis: string | null;
  hardware: string | null;
  hardwareQuantity: number | null;
  confidence: string | null;
  accessibility: string | null;
  openWeights: boolean | null;
  links: string[];
  dataset: string | null;
  snapshot: string | null;
  /** Where the row is in Epoch's table as retrieved. */
  source: { table: string; retrieved: string; line: number } | null;
}

export function modelJson(m: CatalogModel, catalog: ModelCatalog): ModelJson {
  return {
    id: m.id,
    name: m.displayName,
    organizations: m.organizations,
    actors: m.actors,
    countries: m.countries,
    countryGroup: m.countryGroup,
    publicationDate: m.publicationDate,
    domains: m.domains,
    parameters: m.parameters,
    trainingComputeFlop: m.trainingComputeFlop,
    trainingCostUsd: m.trainingCostUsd,
    costBasis: m.costBasis,
    hardware: m.hardware,
    hardwareQuantity: m.hardwareQuantity,
    confidence: m.confidence,
    accessibility: m.accessibility,
    openWeights: m.openWeights,
    links: m.links,
    dataset: m.dataset,
    snapshot: m.snapshot,
    source: catalog.load ? { table: catalog.load.source, retrieved: catalog.load.retrieved, line: m.line } : null,
  };
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
