// Section 2: throughput and latency of the series and chart endpoints under autocannon, against
// the ceiling of the same server answering a precomputed body of the same bytes. The server runs
// in a child process; autocannon runs here. Both share this machine's cores.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import autocannon from 'autocannon';
import type { BenchOptions } from '../bench-options.js';
import { benchScript } from '../child-process.js';
import { emptySection, type Row, type SectionResult } from '../report.js';
import { fmt, pct } from '../stats.js';
import type { QueryDb } from './query-db.js';
import { CEILING_CHART_URL, CEILING_OVERVIEW_URL, CEILING_SERIES_URL, CHART_URL, OVERVIEW_URL, SERIES_URL, type ServerReady } from './query-urls.js';

export const SERIES_CEILING_TARGET = 0.5;
export const CHART_CEILING_TARGET = 0.5;
/** An uncached series request, in-process, on the query database (issue #15). */
export const UNCACHED_SERIES_TARGET_MS = 2;
export const P99_TARGET_MS = 25;
export const P99_CONNECTIONS = 16;
const WARMUP_S = 1;

interface Load {
  /** Median of the one-second request counts. */
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

async function load(url: string, connections: number, duration: number): Promise<Load> {
  const r = await autocannon({ url, connections, duration, pipelining: 1, timeout: 30 });
  return { rps: r.requests.p50, p50: r.latency.p50, p99: r.latency.p99, failures: r.errors + r.timeouts + r.non2xx };
}

/**
 * Waits until the server has worked off what the last run left queued. Autocannon stops sending
 * when its time is up, but the server still runs every request it has accepted (64 slow series
 * requests are seconds of work), and the next run must not start behind them. The ceiling route
 * answers at once when the event loop is free.
 */
async function drain(base: string, maxMs = 120_000): Promise<void> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const t0 = Date.now();
    await fetch(base + CEILING_SERIES_URL).then((r) => r.arrayBuffer());
    if (Date.now() - t0 < 20) return;
  }
  throw new Error(`the benchmark server was still busy ${maxMs / 1000} s after a run`);
}

function startServer(dbPath: string): Promise<{ child: ChildProcess; ready: ServerReady }> {
  return new Promise((resolve, reject) => {
    const child = fork(benchScript('query/server-child'), [dbPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve({ child, ready: m as ServerReady }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the benchmark server exited (${code}) before listening`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const ms = (x: number) => `${fmt(x, 1)} ms`;
/** Autocannon's latencies are whole milliseconds: 0 means under one. */
const latency = (x: number) => (x === 0 ? '<1 ms' : `${fmt(x, 0)} ms`);
const describe = (l: Load) => `${fmt(l.rps, 0)} req/s · p50 ${latency(l.p50)} · p99 ${latency(l.p99)}${l.failures ? ` · ${l.failures} failed` : ''}`;

export async function queryBench(o: BenchOptions, qdb: QueryDb, log: (s: string) => void): Promise<SectionResult> {
  const out = emptySection();
  const section = 'Queries';
  log(`query server on ${fmt(qdb.facts, 0)} facts (${fmt(qdb.companies, 0)} companies)…`);
  const { child, ready } = await startServer(qdb.path);
  const base = `http://127.0.0.1:${ready.port}`;
  const uncachedBase = `http://127.0.0.1:${ready.uncachedPort}`;
  // `key` names the result; `url` is absolute (the uncached rows go to the second server).
  const pairs = [
    { key: 'series', name: 'GET /api/v1/series (seed query, JSON), cached', url: base + SERIES_URL, ceiling: CEILING_SERIES_URL, bytes: ready.seriesBytes },
    { key: 'chart', name: 'GET /api/v1/chart.svg?preset=seed, cached', url: base + CHART_URL, ceiling: CEILING_CHART_URL, bytes: ready.chartBytes },
    { key: 'overview', name: 'GET / (overview page), cached', url: base + OVERVIEW_URL, ceiling: CEILING_OVERVIEW_URL, bytes: ready.overviewBytes },
    { key: 'overview-uncached', name: 'GET / (overview page), uncached', url: uncachedBase + OVERVIEW_URL, ceiling: CEILING_OVERVIEW_URL, bytes: ready.overviewBytes },
  ];
  const results = new Map<string, Map<number, { load: Load; ceiling: Load }>>();
  try {
    for (const p of pairs) {
      for (const u of [p.url, base + p.ceiling]) {
        await load(u, 16, WARMUP_S);
        await drain(base);
      }
    }
    for (const c of o.connections) {
      for (const p of pairs) {
        log(`  ${c} connection${c === 1 ? '' : 's'}: ${p.name} and its ceiling, ${o.durationS} s each…`);
        const ceiling = await load(base + p.ceiling, c, o.durationS);
        await drain(base);
        const measured = await load(p.url, c, o.durationS);
        await drain(base);
        if (!results.has(p.key)) results.set(p.key, new Map());
        results.get(p.key)!.set(c, { load: measured, ceiling });
      }
    }
  } finally {
    await stopServer(child);
  }

  for (const p of pairs) {
    for (const [c, { load: l, ceiling }] of results.get(p.key)!) {
      const row: Row = {
        section,
        name: `${p.name}, ${c} connection${c === 1 ? '' : 's'}`,
        result: describe(l),
        limit: `ceiling (same ${fmt(p.bytes / 1024)} KB body, precomputed): ${describe(ceiling)}`,
        ratio: l.rps / ceiling.rps,
      };
      out.rows.push(row);
    }
  }
  out.limits.push(
    { section, name: 'Ceiling', result: 'per row', how: `the same Fastify app in the same child process, on a route added by the benchmark that sends the measured endpoint's body, precomputed (${fmt(ready.seriesBytes / 1024)} KB JSON, ${fmt(ready.chartBytes / 1024)} KB SVG, ${fmt(ready.overviewBytes / 1024)} KB HTML): HTTP, routing, hooks and the network path, without airace's work. Requests/s are the median of ${o.durationS} one-second samples of autocannon (${o.durationS} s per run, after a ${WARMUP_S} s warm-up per URL); latencies are over all requests of the run. "Cached" rows ask the server as it runs (answers kept by request and store generation); "uncached" rows ask a second server on the same store, in the same process, built with its answer cache and page memo off.` },
    { section, name: 'listCompanies() on this database', result: `${ms(ready.listCompaniesMs)} (${fmt(ready.companies, 0)} companies)`, how: `median of 20 in the server process before the load, sampled in turn with the next ones: the cost of reading the whole companies table, which an uncached series request does ${fmt(ready.companyScansPerRequest, 0)} time(s) (counted by a Kysely plugin on a second app).` },
    { section, name: 'getSeries for the seed query, in-process', result: ms(ready.seriesMs), how: 'median of 20 in the server process: the series engine alone.' },
    { section, name: 'Store generation read', result: ms(ready.generationMs), how: 'median of 20: what every cached request pays to know the store has not changed (SQLite: PRAGMA data_version on the connection, plus its own write count).' },
    { section, name: 'One cached series request in-process (app.inject)', result: ms(ready.injectCachedSeriesMs), how: 'median of 20, no network, no concurrency: generation read, request key, cache lookup, hooks.' },
    { section, name: 'One uncached chart.svg request in-process', result: ms(ready.injectChartMs), how: 'median of 20 on the uncached server: series, spec and its hash; the SVG itself from the render cache.' },
    { section, name: 'One uncached overview page in-process', result: ms(ready.injectOverviewMs), how: 'median of 5 on the uncached server: every engine call of the page, then the HTML.' },
  );
  out.rows.push({
    section,
    name: 'One uncached series request in-process (app.inject)',
    result: ms(ready.injectSeriesMs),
    limit: `target ${ms(UNCACHED_SERIES_TARGET_MS)}`,
    ratio: UNCACHED_SERIES_TARGET_MS / ready.injectSeriesMs,
  });

  const ratiosOf = (key: string) => [...results.get(key)!].map(([c, r]) => ({ c, ratio: r.load.rps / r.ceiling.rps }));
  const series = results.get('series')!;
  const seriesRatios = ratiosOf('series');
  const chartRatios = ratiosOf('chart');
  const best = Math.max(...[...series.values()].map((r) => r.ceiling.rps));
  const budgetMs = 1000 / (SERIES_CEILING_TARGET * best);
  const sharedCores = `Autocannon shares the ${os.availableParallelism()} cores with the server, so every ratio is measured with the load generator competing for the same CPU.`;
  const cachedCost = `A cached request costs ${ms(ready.injectCachedSeriesMs)} in-process (app.inject, median of 20), of which ${ms(ready.generationMs)} reads the store generation; the rest is Fastify's routing, the request key and ETag (a SHA-1 of the key), the cache lookup and the hooks every response runs (a request written as one already answered is answered before its query is validated). ${pct(SERIES_CEILING_TARGET)} of the ceiling (${fmt(best, 0)} req/s at best) leaves ${ms(budgetMs)} per request.`;
  out.targets.push({
    name: `Series ≥ ${pct(SERIES_CEILING_TARGET)} of the ceiling (cached)`,
    met: seriesRatios.filter((r) => r.c <= 16).every((r) => r.ratio >= SERIES_CEILING_TARGET),
    measured: seriesRatios.map((r) => `${pct(r.ratio)} at ${r.c} conn.`).join(', '),
    limitedBy: `${cachedCost} ${sharedCores}`,
  });
  const at16 = series.get(P99_CONNECTIONS);
  out.targets.push({
    name: `Series p99 < ${P99_TARGET_MS} ms at ${P99_CONNECTIONS} connections`,
    met: at16 ? at16.load.p99 < P99_TARGET_MS : null,
    measured: at16 ? `p99 ${latency(at16.load.p99)} (p50 ${latency(at16.load.p50)}; the ceiling's p99 ${latency(at16.ceiling.p99)})` : `not measured (--connections has no ${P99_CONNECTIONS})`,
    limitedBy: `one event loop serves the ${P99_CONNECTIONS} connections in turn: ${P99_CONNECTIONS} × ${ms(ready.injectCachedSeriesMs)} = ${ms(P99_CONNECTIONS * ready.injectCachedSeriesMs)} before autocannon takes its share of the cores and the garbage collector its pauses. ${sharedCores}`,
  });
  out.targets.push({
    name: `chart.svg ≥ ${pct(CHART_CEILING_TARGET)} of the ceiling (cached)`,
    met: chartRatios.filter((r) => r.c <= 16).every((r) => r.ratio >= CHART_CEILING_TARGET),
    measured: chartRatios.map((r) => `${pct(r.ratio)} at ${r.c} conn.`).join(', '),
    limitedBy: `a cached chart is answered as a cached series is (no series, spec or hash; ${ms(ready.injectChartMs)} uncached), so the same per-request cost applies. ${sharedCores}`,
  });
  out.targets.push({
    name: `An uncached series request ≤ ${ms(UNCACHED_SERIES_TARGET_MS)} in-process`,
    met: ready.injectSeriesMs <= UNCACHED_SERIES_TARGET_MS,
    measured: ms(ready.injectSeriesMs),
    limitedBy:
      `It runs ${fmt(ready.queriesPerRequest, 0)} SQL queries (${fmt(ready.factsQueriesPerRequest, 0)} of them on facts) taking ${ms(ready.sqlMsPerRequest)} of it (compile, run, rows; median of 20); getSeries alone is ${ms(ready.seriesMs)}, the rest (query parsing and company lookup, Fastify, JSON) ${ms(Math.max(0, ready.injectSeriesMs - ready.seriesMs))}. ` +
      `${ready.companyScansPerRequest > 0 ? `${fmt(ready.companyScansPerRequest, 0)} of the queries read the whole companies table (${ms(ready.listCompaniesMs)} a read). ` : 'None reads the whole companies table. '}` +
      `SQLite's plan for the facts query: ${ready.figures.plan.join('; ')} (an index range per company and metric: no index can read fewer rows). It returns ${fmt(ready.figures.rows, 0)} rows (the requested companies' facts for the metric and its FX rates, every version, ${fmt(ready.figures.columns, 0)} columns: the figure, its period and what chooses between versions, without the provenance), which the same query run bare (better-sqlite3, prepared once, rows as arrays) reads in ${ms(ready.figures.ms)}: finding them in the index takes ${ms(ready.figures.idsMs)} (their ids alone), fetching each from the table ${ms(Math.max(0, ready.figures.fetchedMs - ready.figures.idsMs))} more (their ids and one column: all a covering index could spare), and the rest is reading their columns into values. ` +
      `${ready.provenance ? `The provenance of the ${fmt(ready.provenance.rows, 0)} facts the answer cites is read by id afterwards (${ready.provenance.plan.join('; ')}): ${ms(ready.provenance.ms)} bare. ` : ''}` +
      `Of getSeries' ${ms(ready.seriesMs)}, ${ms(ready.seriesSqlMs)} is its SQL and ${ms(Math.max(0, ready.seriesMs - ready.seriesSqlMs))} the engine's JavaScript (period resolution, year-to-date derivation, restatements, sources, one point object per company and period). ` +
      `A cached request's own cost (${ms(ready.injectCachedSeriesMs)}: routing, hooks, generation read) plus the bare reads of the rows is ${ms(ready.injectCachedSeriesMs + ready.figures.ms + (ready.provenance?.ms ?? 0))} before any computing. Cached, the same request takes ${ms(ready.injectCachedSeriesMs)}.`,
  });
  const overview = results.get('overview')!;
  const overviewUncached = results.get('overview-uncached')!;
  out.notes.push(
    `Overview page (issue #15 asks for figures, no target): cached ${[...overview].map(([c, r]) => `${c} conn. ${fmt(r.load.rps, 0)} req/s, p99 ${latency(r.load.p99)}`).join('; ')}; uncached ${[...overviewUncached].map(([c, r]) => `${c} conn. ${fmt(r.load.rps, 0)} req/s, p99 ${latency(r.load.p99)}`).join('; ')} (one uncached page: ${ms(ready.injectOverviewMs)} in-process, against ${ms(ready.injectSeriesMs)} for one uncached series request; the page computes its three charts' series, the leaderboard's four series, the guidance histories and the pledge, then its HTML). The company list a page resolves names against is read once per store generation (src/series/company-directory.ts), so only the first page after a write pays the ${ms(ready.listCompaniesMs)} of reading it.`,
    `Every answer is kept by its normalised request and the store generation (src/server/response-cache.ts); a write anywhere (this process or another on the same database) changes the generation, and the next request computes again. A repeated chart is answered without computing its series, building its spec or hashing it.`,
    `Server and load generator share the machine's cores; the server is one Node process (one event loop). Autocannon counts only requests that finish within the run, so when connections × the in-process cost of a request exceeds the run's ${o.durationS} s, the latencies shown are those of the first requests served. Between runs the benchmark waits until the server has finished the requests the last run left queued.`,
  );
  return out;
}
