// Kysely table types: the store's single source of truth for column names.
import type { Generated, Insertable, Selectable } from 'kysely';

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

export interface Database {
  companies: CompaniesTable;
  facts: FactsTable;
  runs: RunsTable;
  data_files: DataFilesTable;
}

export type CompanyRow = Selectable<CompaniesTable>;
export type FactRow = Selectable<FactsTable>;
export type NewFactRow = Insertable<FactsTable>;
