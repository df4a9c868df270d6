// The shapes the models side hands to views (tables, charts, API, claim checker): a catalogue
// of models with who made them, and series over periods. A missing estimate is missing, with
// its reason and a count of what was left out, never zero.
import type { CountryGroup } from './country-group.js';
import type { AiModelInput, ModelDataset, ModelLoad } from './ai-model.js';

/** Where a value about a model comes from: Epoch's row, named so it can be found again. */
export interface ModelSourceRef {
  /** The model's name for display (stray whitespace collapsed). */
  model: string;
  organization: string | null;
  publicationDate: string | null;
  /** The quantity the value uses (FLOP, parameters, USD), when it is one. */
  value: number | null;
  /** Epoch's confidence in the estimate. */
  confidence: string | null;
  /** The model's primary source link, as Epoch gives it. */
  url: string | null;
  dataset: ModelDataset | null;
  /** The Epoch table the row was read from (URL or imported file), when it was retrieved, and the line. */
  table: string;
  retrieved: string;
  line: number;
}

export interface CatalogActor {
  /** A tracked company's name (Alphabet) or the lab's (OpenAI). */
  name: string;
  ticker: string | null;
}

/**
 * A model as views get it: Epoch's row (text cells split into lists, links picked out of the
 * link cell) with who made it and its country group.
 */
export interface CatalogModel extends Omit<AiModelInput, 'organization' | 'country' | 'domain' | 'link'> {
  /** `${loadId}:${position}`: stable within a load. */
  id: string;
  /** `name` is exactly as Epoch wrote it (for matching back); displayName is what to show. */
  displayName: string;
  organizations: string[];
  actors: CatalogActor[];
  countries: string[];
  countryGroup: CountryGroup;
  domains: string[];
  /** Every http(s) link in Epoch's link cell. */
  links: string[];
}

export interface ModelCatalog {
  /** The retrieval read; null when no models data is loaded. */
  load: ModelLoad | null;
  models: CatalogModel[];
  /** The CC BY 4.0 credit to show with anything drawn from these rows. */
  credit: string;
  /** How current the data is: the day the retrieval was last confirmed, or its snapshot month. */
  dataAsOf: string | null;
}

export const MODEL_METRICS = ['models_released', 'frontier_compute', 'max_compute', 'median_compute', 'open_weights_share'] as const;
export type ModelMetric = (typeof MODEL_METRICS)[number];

export const MODEL_GROUPINGS = ['country', 'company', 'organization', 'all'] as const;
/** country: US / China / Other; company: tracked companies and labs as themselves; organization: Epoch's names. */
export type ModelGrouping = (typeof MODEL_GROUPINGS)[number];

export const MODEL_PERIODS = ['cy', 'quarter'] as const;
export type ModelPeriod = (typeof MODEL_PERIODS)[number];

export const MODEL_MISSING_REASONS = ['no-models', 'no-estimate', 'no-accessibility'] as const;
export type ModelMissingReason = (typeof MODEL_MISSING_REASONS)[number];

export interface ModelSeriesPoint {
  /** 2024, or 2024-Q3. */
  label: string;
  start: string;
  end: string;
  value: number | null;
  missing: { reason: ModelMissingReason; detail: string } | null;
  /** Models of the group released in the period (joint models count for each participant). */
  models: number;
  /** Of those, how many the value could use: with a compute estimate, or with a known accessibility. */
  counted: number;
  /** The rows that decide the value: the frontier or largest model, the middle ones, or every model counted. */
  sources: ModelSourceRef[];
}

export interface ModelSeries {
  key: string;
  label: string;
  colour: string;
  /** The tracked company's ticker, when the series is one. */
  ticker: string | null;
  points: ModelSeriesPoint[];
}

export interface ModelSeriesResult {
  metric: ModelMetric;
  /** FLOP, models or percent. */
  unit: 'FLOP' | 'models' | 'percent';
  period: ModelPeriod;
  by: ModelGrouping;
  definition: string;
  /** False when no models data is loaded: series is empty and `notice` says how to load it. */
  loaded: boolean;
  notice: string | null;
  dataAsOf: string | null;
  /** The newest publication date in the table: a period after it is partial. */
  coverageEnd: string | null;
  credit: string;
  /** The retrieval the values come from. */
  load: Pick<ModelLoad, 'id' | 'retrieved' | 'confirmed' | 'source' | 'datasets' | 'format'> | null;
  series: ModelSeries[];
  /** What was left out, said plainly ("41 of 120 models have no public compute estimate"). */
  notes: string[];
}
