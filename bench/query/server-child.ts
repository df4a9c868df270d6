// Child: the airace server on the query database, plus ceiling routes that answer with the
// bodies of the measured endpoints, precomputed. The ceiling goes through the same Fastify app,
// hooks (security headers) and network path; only airace's work is missing. Arg: db path.
// Tells the parent over IPC when it listens; runs until killed.
import type { FastifyInstance, FastifyReply } from 'fastify';
import Sqlite from 'better-sqlite3';
import { SelectQueryNode, TableNode, type CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { openStore } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { listCompanies } from '../../src/store/companies-repository.js';
import { buildServer } from '../../src/server/build-server.js';
import { getSeries } from '../../src/series/engine.js';
import { chartPreset } from '../../src/chart/presets.js';
import { childMain } from '../child-process.js';
import { interleavedMedians, median, msSince } from '../stats.js';
import { storeGeneration } from '../../src/store/store-generation.js';
import { CEILING_CHART_URL, CEILING_OVERVIEW_URL, CEILING_SERIES_URL, CHART_URL, OVERVIEW_URL, SERIES_URL, type BareQuery, type ServerReady } from './query-urls.js';

interface Precomputed {
  body: string;
  type: string;
}

/**
 * Counts the queries run through it, and among them the reads of the whole companies table (a
 * select from companies with no where clause), so that a missed target can say what a request
 * does rather than assume it.
 */
class QueryCounter implements KyselyPlugin {
  queries = 0;
  companyScans = 0;
  /** Time from a query's transformQuery to its transformResult: compile, run, rows. */
  sqlMs = 0;
  /** The selects from facts of the last call of `per`'s function, in order, for EXPLAIN QUERY PLAN and a bare run. */
  factsSelects: { node: RootOperationNode; queryId: PluginTransformQueryArgs['queryId'] }[] = [];
  private current: { node: RootOperationNode; queryId: PluginTransformQueryArgs['queryId'] }[] = [];
  private readonly started = new WeakMap<object, bigint>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const n = args.node;
    this.queries++;
    if (SelectQueryNode.is(n) && n.from?.froms.some((f) => TableNode.is(f) && f.table.identifier.name === 'facts')) this.current.push({ node: n, queryId: args.queryId });
    this.started.set(args.queryId, process.hrtime.bigint());
    if (SelectQueryNode.is(n) && !n.where && n.from?.froms.some((f) => TableNode.is(f) && f.table.identifier.name === 'companies')) this.companyScans++;
    return n;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const t0 = this.started.get(args.queryId);
    if (t0 !== undefined) this.sqlMs += msSince(t0);
    return args.result;
  }
  /** Queries and company-table reads per call of `fn` (the same on every call), and its SQL time, the median of `n` calls. */
  async per(n: number, fn: () => Promise<unknown>): Promise<{ queries: number; companyScans: number; sqlMs: number }> {
    const sql: number[] = [];
    for (let i = 0; i < n; i++) {
      this.queries = this.companyScans = this.sqlMs = 0;
      this.current = [];
      await fn();
      this.factsSelects = this.current;
      sql.push(this.sqlMs);
    }
    return { queries: this.queries, companyScans: this.companyScans, sqlMs: median(sql) };
  }
}

async function listen(server: FastifyInstance): Promise<number> {
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the benchmark server has no TCP port');
  return address.port;
}

/** SQLite's plan for one of the series engine's facts queries, and that query run bare, on a connection of its own. */
async function bareQuery(dbPath: string, q: CompiledQuery): Promise<BareQuery> {
  const db = new Sqlite(dbPath, { readonly: true });
  try {
    const parameters = q.parameters as unknown[];
    const plan = (db.prepare(`explain query plan ${q.sql}`).all(...parameters) as { detail: string }[]).map((r) => r.detail);
    const stmt = db.prepare(q.sql).raw(true);
    // The same rows' ids alone come from the index; with one more column SQLite also fetches each row from the table.
    const ids = db.prepare(q.sql.replace(/^select .*? from /i, 'select "id" from ')).raw(true);
    const fetched = db.prepare(q.sql.replace(/^select .*? from /i, 'select "id", "period_end" from ')).raw(true);
    const rows = stmt.all(...parameters).length;
    const [ms, idsMs, fetchedMs] = await interleavedMedians(20, 10, [async () => stmt.all(...parameters), async () => ids.all(...parameters), async () => fetched.all(...parameters)]);
    return { plan, rows, columns: stmt.columns().length, ms: ms!, idsMs: idsMs!, fetchedMs: fetchedMs! };
  } finally {
    db.close();
  }
}

childMain(async () => {
  const [dbPath] = process.argv.slice(2);
  const store = await openStore(dbPath!);
  await ensureBundledData(store);
  const app = buildServer({ store, rateLimit: false, logger: false });
  // The same server with no answer cache and no page memo: what a request costs when it computes.
  const uncached = buildServer({ store, rateLimit: false, logger: false, responseCache: false });
  const pre: Record<string, Precomputed> = {};
  const ceiling = (url: string, of: string) =>
    app.get(url, async (_request, reply: FastifyReply) => reply.type(pre[of]!.type).send(pre[of]!.body));
  ceiling(CEILING_SERIES_URL, SERIES_URL);
  ceiling(CEILING_CHART_URL, CHART_URL);
  ceiling(CEILING_OVERVIEW_URL, OVERVIEW_URL);
  await app.ready();
  for (const url of [SERIES_URL, CHART_URL, OVERVIEW_URL]) {
    const r = await app.inject(url);
    if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}: ${r.body.slice(0, 300)}`);
    pre[url] = { body: r.body, type: String(r.headers['content-type']) };
  }
  const companies = (await listCompanies(store.db)).length;
  const seedRequest = chartPreset('seed').request;
  const [listCompaniesMs, seriesMs, injectSeriesMs, injectCachedSeriesMs, injectChartMs, generationMs] = await interleavedMedians(20, 10, [
    () => listCompanies(store.db),
    () => getSeries(store.db, seedRequest),
    () => uncached.inject(SERIES_URL),
    () => app.inject(SERIES_URL),
    () => uncached.inject(CHART_URL),
    () => storeGeneration(store),
  ]);
  const [injectOverviewMs] = await interleavedMedians(5, 2, [() => uncached.inject(OVERVIEW_URL)]);
  // The same requests through a second app on a counting view of the store (not the one under load).
  const counter = new QueryCounter();
  const counted = { ...store, db: store.db.withPlugin(counter) };
  const diagnostic = buildServer({ store: counted, rateLimit: false, logger: false, responseCache: false });
  await counter.per(5, () => diagnostic.inject(SERIES_URL));
  const perRequest = await counter.per(20, () => diagnostic.inject(SERIES_URL));
  const factsQueriesPerRequest = counter.factsSelects.length;
  await counter.per(5, () => getSeries(counted.db, seedRequest));
  const perSeries = await counter.per(20, () => getSeries(counted.db, seedRequest));
  // The engine reads the facts' figures, then the provenance of the facts its answer cites (src/series/citations.ts).
  const [figuresSelect, provenanceSelect] = counter.factsSelects;
  const compile = (s: (typeof counter.factsSelects)[number]) => counted.db.getExecutor().compileQuery(s.node, s.queryId);
  const figures = await bareQuery(dbPath!, compile(figuresSelect!));
  const provenance = provenanceSelect ? await bareQuery(dbPath!, compile(provenanceSelect)) : null;
  await diagnostic.close();
  const port = await listen(app);
  const uncachedPort = await listen(uncached);
  const ready: ServerReady = {
    type: 'ready',
    port,
    uncachedPort,
    seriesBytes: Buffer.byteLength(pre[SERIES_URL]!.body),
    chartBytes: Buffer.byteLength(pre[CHART_URL]!.body),
    overviewBytes: Buffer.byteLength(pre[OVERVIEW_URL]!.body),
    companies,
    listCompaniesMs,
    seriesMs,
    injectSeriesMs,
    injectCachedSeriesMs,
    injectChartMs,
    injectOverviewMs,
    generationMs,
    figures,
    provenance,
    seriesSqlMs: perSeries.sqlMs,
    queriesPerRequest: perRequest.queries,
    factsQueriesPerRequest,
    companyScansPerRequest: perRequest.companyScans,
    sqlMsPerRequest: perRequest.sqlMs,
    companyScansPerSeries: perSeries.companyScans,
  };
  process.send!(ready);
  const stop = () => {
    void Promise.all([app.close(), uncached.close()]).then(() => store.close()).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
});
