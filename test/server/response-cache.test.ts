// Cached answers and HTTP caching (issue #15): GET answers are kept by request and store
// generation, so a sync in another process is seen by the very next request and no answer older
// than a write is ever served; ETags and 304s follow the same generation; a repeated chart is
// answered without computing its series or spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { buildServer } from '../../src/server/build-server.js';
import { DIALECTS, type TestDatabase } from '../helpers/dialects.js';
import { SecFixtureServer } from '../sync/sec-fixture-server.js';
import { fixtureCompanies } from '../sync/fixtures/sec-fixtures.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

/** Counts the selects the store runs (the series engine's reads; not PostgreSQL's generation read, a raw query). */
class SelectCounter implements KyselyPlugin {
  selects = 0;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'SelectQueryNode') this.selects++;
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

const SERIES = '/api/v1/series?metric=capex&companies=AMZN,MSFT&period=fy&from=2019&to=2024';
const CHART = '/api/v1/chart.svg?metric=capex&companies=AMZN,MSFT&period=fy&from=2019&to=2024';

for (const dialect of DIALECTS) {
  describe(dialect.name, () => {
    let database: TestDatabase;
    let store: Store;
    let counter: SelectCounter;
    let app: FastifyInstance;
    beforeAll(async () => {
      database = await dialect.createDatabase();
      store = await openStore(database.target);
      await ensureBundledData(store);
      counter = new SelectCounter();
      app = buildServer({ store: { ...store, db: store.db.withPlugin(counter) }, rateLimit: false });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database?.drop();
    });

    /** What a server with empty caches, on a connection of its own, answers now. */
    async function freshAnswer(url: string): Promise<string> {
      const own = await openStore(database.target);
      const fresh = buildServer({ store: own, rateLimit: false });
      try {
        const r = await fresh.inject(url);
        expect(r.statusCode).toBe(200);
        return r.body;
      } finally {
        await fresh.close();
        await own.close();
      }
    }

    it('answers a repeated series and chart from the cache, computing nothing, with the same bytes', async () => {
      for (const url of [SERIES, CHART]) {
        const first = await app.inject(url);
        expect(first.statusCode).toBe(200);
        const before = counter.selects;
        const again = await app.inject(url);
        expect(counter.selects - before).toBe(0);
        expect(again.body).toBe(first.body);
        expect(again.headers['content-type']).toBe(first.headers['content-type']);
        expect(again.headers['content-disposition']).toBe(first.headers['content-disposition']);
        expect(again.headers.etag).toBe(first.headers.etag);
        // The same request with its parameters in another order is the same request.
        const [path, query] = url.split('?') as [string, string];
        const reordered = await app.inject(`${path}?${query.split('&').reverse().join('&')}`);
        expect(reordered.body).toBe(first.body);
        expect(reordered.headers.etag).toBe(first.headers.etag);
      }
      // A different request is a different answer.
      const other = await app.inject(SERIES.replace('capex', 'revenue'));
      expect(other.headers.etag).not.toBe((await app.inject(SERIES)).headers.etag);
    });

    it('never serves an answer older than a write, by this store or another connection', async () => {
      const writers = [store, await openStore(database.target)];
      try {
        for (const [round, writer] of writers.entries()) {
          const before = await app.inject(SERIES);
          const chartBefore = await app.inject(CHART);
          await writer.db.updateTable('facts').set({ value: sql`value * 2` }).where('ticker', '=', 'AMZN').where('metric', '=', 'capex').execute();
          const after = await app.inject(SERIES);
          expect(after.body, `round ${round}`).not.toBe(before.body);
          expect(after.body).toBe(await freshAnswer(SERIES));
          expect(after.headers.etag).not.toBe(before.headers.etag);
          const chartAfter = await app.inject(CHART);
          expect(chartAfter.body).not.toBe(chartBefore.body);
          expect(chartAfter.body).toBe(await freshAnswer(CHART));
          // The old ETag no longer matches: the new answer comes whole.
          const revalidated = await app.inject({ url: SERIES, headers: { 'if-none-match': before.headers.etag as string } });
          expect(revalidated.statusCode).toBe(200);
          expect(revalidated.body).toBe(after.body);
        }
      } finally {
        await writers[1]!.close();
      }
    });

    it('serves a sync run by another process to the next request', async () => {
      const sec = await SecFixtureServer.start(fixtureCompanies());
      try {
        const companies = await app.inject('/api/v1/companies');
        expect(companies.body).not.toContain('SYNX');
        expect((await app.inject('/api/v1/series?metric=revenue&companies=SYNX&period=fy')).statusCode).toBe(404);
        const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', bin, '--db', database.target, ...args], { cwd: root, env: { ...process.env, ...sec.env() } });
        await cli(['add', 'SYNX']);
        await cli(['sync', 'SYNX']);
        const after = await app.inject('/api/v1/companies');
        expect(after.body).toContain('SYNX');
        expect(after.headers.etag).not.toBe(companies.headers.etag);
        const series = await app.inject('/api/v1/series?metric=revenue&companies=SYNX&period=fy');
        expect(series.statusCode).toBe(200);
        const points = (JSON.parse(series.body) as { series: { points: { value: number | null }[] }[] }).series[0]!.points;
        expect(points.some((p) => p.value !== null)).toBe(true);
        expect(series.body).toBe(await freshAnswer('/api/v1/series?metric=revenue&companies=SYNX&period=fy'));
      } finally {
        await sec.close();
      }
    }, 60_000);

    it('answers 304 to a matching If-None-Match on API, chart and page responses, and tells clients to revalidate', async () => {
      for (const url of [SERIES, '/api/v1/series.csv?metric=capex&companies=AMZN', CHART, '/api/v1/chart.vl.json?preset=seed', '/', '/index.json', '/company/AMZN', '/company/AMZN.csv', '/methodology']) {
        const first = await app.inject(url);
        expect(first.statusCode, url).toBe(200);
        expect(first.headers.etag, url).toMatch(/^"[\w-]+"$/);
        expect(first.headers['cache-control'], url).toBe('public, no-cache');
        const before = counter.selects;
        for (const header of [first.headers.etag as string, `W/${first.headers.etag}`, `"other", ${first.headers.etag}`]) {
          const revalidated = await app.inject({ url, headers: { 'if-none-match': header } });
          expect(revalidated.statusCode, `${url} ${header}`).toBe(304);
          expect(revalidated.body).toBe('');
          expect(revalidated.headers.etag).toBe(first.headers.etag);
        }
        expect(counter.selects - before, url).toBe(0);
        expect((await app.inject({ url, headers: { 'if-none-match': '"something-else"' } })).statusCode).toBe(200);
      }
    });

    it('gives errors no ETag and keeps none of them', async () => {
      const bad = await app.inject('/api/v1/series?metric=no-such-metric');
      expect(bad.statusCode).toBe(400);
      expect(bad.headers.etag).toBeUndefined();
      const missing = await app.inject('/company/NOSUCH');
      expect(missing.statusCode).toBe(404);
      expect(missing.headers.etag).toBeUndefined();
    });
  });
}
