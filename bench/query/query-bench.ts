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
import { CEILING_CHART_URL, CEILING_SERIES_URL, CHART_URL, SERIES_URL, type ServerReady } from './query-urls.js';

export const SERIES_CEILING_TARGET = 0.5;
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
  const pairs = [
    { name: 'GET /api/v1/series (seed query, JSON)', url: SERIES_URL, ceiling: CEILING_SERIES_URL, bytes: ready.seriesBytes },
    { name: 'GET /api/v1/chart.svg?preset=seed', url: CHART_URL, ceiling: CEILING_CHART_URL, bytes: ready.chartBytes },
  ];
  const results = new Map<string, Map<number, { load: Load; ceiling: Load }>>();
  try {
    for (const p of pairs) {
      for (const u of [p.url, p.ceiling]) {
        await load(base + u, 16, WARMUP_S);
        await drain(base);
      }
    }
    for (const c of o.connections) {
      for (const p of pairs) {
        log(`  ${c} connection${c === 1 ? '' : 's'}: ${p.url} and its ceiling, ${o.durationS} s each…`);
        const ceiling = await load(base + p.ceiling, c, o.durationS);
        await drain(base);
        const measured = await load(base + p.url, c, o.durationS);
        await drain(base);
        if (!results.has(p.url)) results.set(p.url, new Map());
        results.get(p.url)!.set(c, { load: measured, ceiling });
      }
    }
  } finally {
    await stopServer(child);
  }

  for (const p of pairs) {
    for (const [c, { load: l, ceiling }] of results.get(p.url)!) {
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
    { section, name: 'Ceiling', result: 'per row', how: `the same Fastify app in the same child process, on a route added by the benchmark that sends the measured endpoint's body, precomputed (${fmt(ready.seriesBytes / 1024)} KB JSON, ${fmt(ready.chartBytes / 1024)} KB SVG): HTTP, routing, hooks and the network path, without airace's work. Requests/s are the median of ${o.durationS} one-second samples of autocannon (${o.durationS} s per run, after a ${WARMUP_S} s warm-up per URL); latencies are over all requests of the run.` },
    { section, name: 'listCompanies() on this database', result: `${ms(ready.listCompaniesMs)} (${fmt(ready.companies, 0)} companies)`, how: `median of 20 in the server process before the load, sampled in turn with the next two: the cost of reading the whole companies table, which a series request does ${fmt(ready.companyScansPerRequest, 0)} time(s) (counted by a Kysely plugin on a second app).` },
    { section, name: 'getSeries for the seed query, in-process', result: ms(ready.seriesMs), how: 'median of 20 in the server process: the series engine alone.' },
    { section, name: 'One series request in-process (app.inject)', result: ms(ready.injectSeriesMs), how: 'median of 20, no network, no concurrency: the floor of the series latency on this database.' },
  );

  const series = results.get(SERIES_URL)!;
  const ratios = [...series].map(([c, r]) => ({ c, ratio: r.load.rps / r.ceiling.rps }));
  const best = Math.max(...[...series.values()].map((r) => r.ceiling.rps));
  const L = ready.listCompaniesMs;
  const scans = ready.companyScansPerRequest;
  const budgetMs = 1000 / (SERIES_CEILING_TARGET * best);
  const cost =
    `One series request costs ${ms(ready.injectSeriesMs)} of one core in the server process with no concurrency at all (app.inject, median of 20) and runs ${fmt(ready.queriesPerRequest, 0)} SQL queries, which take ${ms(ready.sqlMsPerRequest)} of it (compile, run, rows; mean of 20): ` +
    `getSeries ${ms(ready.seriesMs)}, the rest (query parsing and company lookup, Fastify, JSON) ${ms(Math.max(0, ready.injectSeriesMs - ready.seriesMs))}. ` +
    (scans > 0
      ? `${fmt(scans, 0)} of those queries read the whole companies table (${fmt(ready.companies, 0)} companies, ${ms(L)} a read${ready.companyScansPerSeries > 0 ? `, ${fmt(ready.companyScansPerSeries, 0)} of them in getSeries` : ''}): ${ms(scans * L)} a request that grows with every company a sync adds; looking up only the requested companies removes it. `
      : `None of them reads the whole companies table (${fmt(ready.companies, 0)} companies: ${ms(L)} a read), and the facts lookup uses the facts_by_ticker_metric index${ready.sqlMsPerRequest < ready.injectSeriesMs / 2 ? ', so most of the time is the engine\'s and the server\'s JavaScript, not the store' : ''}. `) +
    `The ceiling serves ${fmt(best, 0)} req/s at best, so ${pct(SERIES_CEILING_TARGET)} of it leaves ${ms(budgetMs)} per request, about ${fmt(ready.injectSeriesMs / budgetMs, 0)} times less than a request costs now. ` +
    `No index closes that gap; caching does, in src/server and src/series, which the benchmark does not change: keep the series result by query, dropped on the admin reload and when the store changes (SQLite's PRAGMA data_version, or a short TTL as MemoCache has), as ChartCache already does for rendered SVG.`;
  out.targets.push({
    name: `Series ≥ ${pct(SERIES_CEILING_TARGET)} of the ceiling`,
    met: ratios.every((r) => r.ratio >= SERIES_CEILING_TARGET),
    measured: ratios.map((r) => `${pct(r.ratio)} at ${r.c} conn.`).join(', '),
    limitedBy: `${cost} Autocannon shares the ${os.availableParallelism()} cores with the server, which holds the ceiling down too, so the true ratio is lower still.`,
  });
  const at16 = series.get(P99_CONNECTIONS);
  out.targets.push({
    name: `Series p99 < ${P99_TARGET_MS} ms at ${P99_CONNECTIONS} connections`,
    met: at16 ? at16.load.p99 < P99_TARGET_MS : null,
    measured: at16 ? `p99 ${latency(at16.load.p99)} (p50 ${latency(at16.load.p50)})` : `not measured (--connections has no ${P99_CONNECTIONS})`,
    limitedBy: `one event loop serves the ${P99_CONNECTIONS} connections in turn, so a request waits for up to ${P99_CONNECTIONS - 1} others: ${P99_CONNECTIONS} × ${ms(ready.injectSeriesMs)} = ${ms(P99_CONNECTIONS * ready.injectSeriesMs)}, before autocannon takes its share of the cores and the garbage collector its pauses. Under ${P99_TARGET_MS} ms needs a request under about ${ms(P99_TARGET_MS / P99_CONNECTIONS)}: the same caching as above.`,
  });
  out.notes.push(
    `The chart endpoint renders each distinct spec once (ChartCache, by spec hash); under load every request still computes the series, builds the spec and hashes it, then serves the cached SVG.`,
    `Server and load generator share the machine's cores; the server is one Node process (one event loop). Autocannon counts only requests that finish within the run, so when connections × the in-process cost of a request exceeds the run's ${o.durationS} s, the latencies shown are those of the first requests served. Between runs the benchmark waits until the server has finished the requests the last run left queued.`,
  );
  return out;
}
