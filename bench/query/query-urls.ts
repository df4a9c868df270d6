// What the query benchmark asks: the seed article's question (capex of the big four, fiscal
// 2022–2025) as series JSON and as the seed chart's SVG. Both hit real (bundled) companies.
export const SERIES_URL = '/api/v1/series?metric=capex&companies=AMZN,MSFT,GOOGL,META&period=fy&from=2022&to=2025';
export const CHART_URL = '/api/v1/chart.svg?preset=seed';
/** The overview page (HTML), the dashboard's front page. */
export const OVERVIEW_URL = '/';
/** Routes added only in the benchmark's server: the same app answering with a precomputed body. */
export const CEILING_SERIES_URL = '/bench/ceiling/series';
export const CEILING_CHART_URL = '/bench/ceiling/chart.svg';
export const CEILING_OVERVIEW_URL = '/bench/ceiling/overview';

/** One facts query of the series engine, as server-child.ts measures it bare. */
export interface BareQuery {
  plan: string[];
  rows: number;
  columns: number;
  /** Median ms run bare: better-sqlite3, prepared once, rows as arrays (no object per row). */
  ms: number;
  /** The same rows' ids alone (found in the index, no table read). */
  idsMs: number;
  /** Their ids and one more column (each row also fetched from the table: what a covering index would spare). */
  fetchedMs: number;
}

export interface ServerReady {
  type: 'ready';
  port: number;
  /** A second server on the same store with its answer cache and page memo off: every request computes. */
  uncachedPort: number;
  seriesBytes: number;
  chartBytes: number;
  overviewBytes: number;
  companies: number;
  /** Median ms of one listCompanies() on this store, in the server process (before load). */
  listCompaniesMs: number;
  /** Median ms of getSeries for the same question (it calls listCompanies once itself). */
  seriesMs: number;
  /** Median ms of one uncached series request through app.inject (no network), before load. */
  injectSeriesMs: number;
  /** The same, answered from the cache. */
  injectCachedSeriesMs: number;
  /** Median ms of one uncached chart.svg request (series, spec and hash; the SVG from the render cache). */
  injectChartMs: number;
  /** Median ms of one uncached overview page. */
  injectOverviewMs: number;
  /** Median ms of reading the store generation (every request reads it once). */
  generationMs: number;
  /** The series engine's read of the facts' figures: SQLite's plan, rows, columns, and the query run bare. */
  figures: BareQuery;
  /** Its read of the provenance of the facts the answer cites (null if it cites none). */
  provenance: BareQuery | null;
  /** Mean ms getSeries alone spends in its SQL queries (Kysely compile, SQLite, rows). */
  seriesSqlMs: number;
  /** SQL queries one series request runs, and how many of them read the whole companies table. */
  queriesPerRequest: number;
  /** Of them, the selects from facts. */
  factsQueriesPerRequest: number;
  companyScansPerRequest: number;
  /** Mean ms a series request spends in its SQL queries (Kysely compile, SQLite, rows). */
  sqlMsPerRequest: number;
  /** Whole-table company reads inside getSeries alone. */
  companyScansPerSeries: number;
}
