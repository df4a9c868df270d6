// Kysely table types: the store's single source of truth for column names.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface CompaniesTable {
  ticker: string;
  name: string;
  kind: string;
  cik: number | null;
  country: string;
  fiscal_year_end_month: number;
  currency: string;
  colour: string;
  /** JSON array of strings. */
  aliases: string;
  /** JSON array of member tickers (groups). */
  members: string;
  source_kind: string;
  /** 1 when `airace sync` with no tickers should refresh it. */
  tracked: number;
}

export interface FactsTable {
  id: Generated<number>;
  ticker: string;
  metric: string;
  concept: string | null;
  value: number;
  unit: string;
  period_start: string | null;
  period_end: string;
  basis: string;
  confidence: string;
  preferred: number;
  source_kind: string;
  source_url: string;
  form: string | null;
  accession: string | null;
  filed: string | null;
  fy: number | null;
  fp: string | null;
  frame: string | null;
  note: string | null;
  run_id: number | null;
  /** Where the value was read, when not in the document of record (`source_url`). */
  read_at_url: string | null;
  /** xbrl | filing | mapped | secondary (VERIFICATION_LEVELS). */
  verified: string;
  /** On a version a correction replaced: the correction's reason. */
  superseded_by: string | null;
}

/** One row per load or sync run, so every fact can say which run brought it. */
export interface RunsTable {
  id: Generated<number>;
  kind: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  detail: string | null;
}

/** Content hashes of bundled data files already loaded, for an idempotent `init`. */
export interface DataFilesTable {
  name: string;
  sha256: string;
  rows: number;
  loaded_at: string;
}

/** HTTP validators of the last successful fetch of a URL, for conditional requests (sync). */
export interface SyncStateTable {
  url: string;
  ticker: string | null;
  etag: string | null;
  last_modified: string | null;
  checked_at: string;
  /** When the content last changed (a 200 rather than a 304). */
  changed_at: string | null;
}

/** Per-company progress of a sync run: pending, updated, unchanged or failed. */
export interface SyncRunItemsTable {
  run_id: number;
  ticker: string;
  status: string;
  facts: number | null;
  message: string | null;
  updated_at: string;
  /** Times the company failed in this run (migration 0007). */
  attempts: ColumnType<number, number | undefined, number>;
}

/** The race timeline (data/events.csv). Amounts in currency units; null when none is stated. */
export interface EventsTable {
  id: string;
  date: string;
  kind: string;
  title: string;
  amount: number | null;
  currency: string | null;
  source_url: string;
  note: string | null;
  source_kind: string;
  read_at_url: string | null;
  verified: string;
}

/** Choices that outlive one command (the data folder `init --data-dir` loaded). */
export interface SettingsTable {
  name: string;
  value: string;
  updated_at: string;
}

/** Companies an event names, in file order; plain names, linked to companies when reading. */
export interface EventCompaniesTable {
  event_id: string;
  position: number;
  name: string;
}

/** One retrieval of an Epoch AI models table (a sync or an import); every one is kept. */
export interface ModelLoadsTable {
  id: Generated<number>;
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  retrieved: string;
  /** Last day the content was confirmed current (a 304, or the same bytes again). */
  confirmed: string;
  source: string;
  source_kind: string;
  sha256: string;
  format: string;
  /** JSON array of Epoch table names (notable, large_scale, all). */
  datasets: string;
  rows: number;
  /** JSON array of the source column names read. */
  columns: string;
  loaded_at: string;
  run_id: number | null;
}

/** A model as one load recorded it; text exactly as in the source. */
export interface ModelsTable {
  load_id: number;
  /** Row number within the load (0-based, file order). */
  position: number;
  line: number;
  name: string;
  organization: string | null;
  country: string | null;
  publication_date: string | null;
  domain: string | null;
  parameters: number | null;
  training_compute_flop: number | null;
  training_cost_usd: number | null;
  cost_basis: string | null;
  hardware: string | null;
  hardware_quantity: number | null;
  confidence: string | null;
  accessibility: string | null;
  /** 1, 0, or null when unknown. */
  open_weights: number | null;
  link: string | null;
  dataset: string | null;
  snapshot: string | null;
}

/** A listing a company's shares trade as (data/listings.csv, or inferred for an SEC filer). */
export interface ListingsTable {
  id: string;
  ticker: string;
  /** The price source's symbol: baba.us, 9988.hk. */
  symbol: string;
  exchange: string;
  country: string;
  currency: string;
  kind: string;
  is_primary: number;
  /** JSON array of words that name this listing in a sentence ("Hong Kong-listed"). */
  words: string;
  note: string | null;
  source_kind: string;
}

/** Every download of a listing's daily prices, kept: when, from where, what it held. */
export interface PriceFetchesTable {
  id: Generated<number>;
  listing: string;
  url: string;
  retrieved_at: string;
  /** `updated` (the prices were replaced by this response) or `unchanged`. */
  status: string;
  rows: number;
  first_date: string | null;
  last_date: string | null;
  sha256: string | null;
  /** Closes that differ from the previous fetch's for the same date (the source re-adjusted history). */
  revised: number;
  run_id: number | null;
}

/** Daily prices per listing, in the listing's currency, as the source adjusted them. */
export interface PricesTable {
  listing: string;
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  volume: number | null;
  fetch_id: number;
}

export interface Database {
  companies: CompaniesTable;
  facts: FactsTable;
  runs: RunsTable;
  data_files: DataFilesTable;
  sync_state: SyncStateTable;
  sync_run_items: SyncRunItemsTable;
  events: EventsTable;
  event_companies: EventCompaniesTable;
  settings: SettingsTable;
  model_loads: ModelLoadsTable;
  models: ModelsTable;
  listings: ListingsTable;
  price_fetches: PriceFetchesTable;
  prices: PricesTable;
}

export type CompanyRow = Selectable<CompaniesTable>;
export type FactRow = Selectable<FactsTable>;
export type NewFactRow = Insertable<FactsTable>;
export type EventRow = Selectable<EventsTable>;
export type ModelRow = Selectable<ModelsTable>;
export type ModelLoadRow = Selectable<ModelLoadsTable>;
