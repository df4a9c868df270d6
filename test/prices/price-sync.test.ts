// Price sync against the fixture server on every test dialect: what is stored equals what was
// served, with the fetch and its retrieval time; unchanged responses cost nothing; retries; a
// re-adjusted history replaces the old one; and every bad response stores nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { DIALECTS } from '../helpers/dialects.js';
import { PriceFixtureServer } from './price-fixture-server.js';
import { babaCsv, hkCsv, listingsStore, priceTestClient, BABA_SYNTHETIC } from './price-test-kit.js';
import { syntheticPrices, toPriceCsv } from './synthetic-prices.js';
import { runPriceSync, findResumablePriceRun } from '../../src/ingest/prices/price-sync-run.js';
import { listingsToSync } from '../../src/ingest/prices/listings-to-sync.js';
import { currentPriceFetch, listPriceFetches, selectPrices } from '../../src/store/prices-repository.js';
import { listItems } from '../../src/store/sync-run-items-repository.js';
import { getPriceChanges } from '../../src/series/price-series.js';
import { upsertCompany } from '../../src/store/companies-repository.js';

for (const dialect of DIALECTS) {
  describe(dialect.name, () => {
    let server: PriceFixtureServer;
    let store: Store;

    beforeAll(async () => {
      server = await PriceFixtureServer.start({ 'baba.us': babaCsv(), '9988.hk': hkCsv() });
      store = await listingsStore(dialect);
    });
    afterAll(async () => {
      await store?.close();
      await server?.close();
    });
    beforeEach(() => {
      server.clearFaults();
      server.conditional = false;
      server.publish('baba.us', babaCsv());
      server.publish('9988.hk', hkCsv());
    });

    const sync = async (queries: string[], opts: { force?: boolean; env?: Record<string, string> } = {}) => {
      const { client, sleeps } = priceTestClient(server, opts.env);
      const summary = await runPriceSync(store, { client, listings: await listingsToSync(store, queries), force: opts.force });
      return { summary, sleeps };
    };
    const stored = async (listing: string) => ({ prices: await selectPrices(store.db, listing), fetch: await currentPriceFetch(store.db, listing) });

    it('stores every close as served, per listing, with the fetch that brought it', async () => {
      const before = Date.now();
      const { summary } = await sync(['BABA']);
      expect(summary.failed).toEqual([]);
      // A company means all its listings: the NYSE ADR and the Hong Kong shares.
      expect(summary.updated.map((u) => u.ticker).sort()).toEqual(['9988.HK', 'BABA']);
      const served = syntheticPrices(BABA_SYNTHETIC);
      const { prices, fetch } = await stored('BABA');
      expect(prices).toEqual(served);
      expect(fetch).toMatchObject({ listing: 'BABA', status: 'updated', rows: served.length, firstDate: '2024-01-02', lastDate: '2025-06-30', revised: 0 });
      expect(fetch!.url).toBe(`${server.baseUrl}?s=baba.us&i=d`);
      expect(Date.parse(fetch!.retrievedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect((await stored('9988.HK')).prices.at(-1)).toMatchObject({ date: '2025-06-30', close: 118 });
      // The series reads them: +70% for the ADR year to date on 2025-03-01 (a Saturday: Friday's close).
      const change = await getPriceChanges(store.db, { companies: ['BABA'], window: { kind: 'ytd', asOf: '2025-03-01' }, primaryOnly: true });
      expect(change.listings).toHaveLength(1);
      expect(change.listings[0]).toMatchObject({ listing: 'BABA', currency: 'USD', base: { date: '2024-12-31', close: 80 }, end: { date: '2025-02-28', close: 136 } });
      expect(change.listings[0]!.change).toBeCloseTo(70, 10);
      expect(change.dataAsOf.newestPeriodEnd).toBe('2025-02-28');
    });

    it('records an unchanged response as a fetch and keeps the prices (same bytes, no validators)', async () => {
      await sync(['BABA']);
      const before = await stored('BABA');
      const { summary } = await sync(['BABA']);
      expect(summary.unchanged.map((u) => u.ticker).sort()).toEqual(['9988.HK', 'BABA']);
      const after = await stored('BABA');
      expect(after).toEqual(before);
      const fetches = await listPriceFetches(store.db, ['BABA'], 2);
      expect(fetches[0]).toMatchObject({ status: 'unchanged', rows: before.prices.length });
      expect(fetches[0]!.retrievedAt >= fetches[1]!.retrievedAt).toBe(true);
      // --force downloads and stores again.
      const forced = await sync(['BABA'], { force: true });
      expect(forced.summary.updated.map((u) => u.ticker)).toContain('BABA');
    });

    it('asks conditionally when the source sends validators, and a 304 changes nothing', async () => {
      server.conditional = true;
      await sync(['9988.HK'], { force: true });
      const before = await stored('9988.HK');
      const { summary } = await sync(['9988.HK']);
      expect(summary.unchanged.map((u) => u.ticker)).toEqual(['9988.HK']);
      const last = server.requestsFor('9988.hk').at(-1)!;
      expect(last.headers['if-none-match']).toMatch(/^"/);
      expect(last.status).toBe(304);
      expect(await stored('9988.HK')).toEqual(before);
    });

    it('retries a 503 and a reset connection with backoff, then stores', async () => {
      server.fault('baba.us', { kind: 'status', status: 503 });
      server.fault('baba.us', { kind: 'reset' });
      const { summary, sleeps } = await sync(['BABA'], { force: true });
      expect(summary.failed).toEqual([]);
      expect(sleeps.length).toBeGreaterThanOrEqual(2);
      expect(server.requestsFor('baba.us').slice(-3).map((r) => r.status)).toEqual([503, 0, 200]);
    });

    it('replaces the whole history when the source re-adjusts it (a 2-for-1 split), and counts the revised closes', async () => {
      await sync(['BABA'], { force: true });
      const served = syntheticPrices(BABA_SYNTHETIC);
      // After a split the source divides every earlier close: the whole file changes.
      const split = served.map((r) => (r.date < '2025-04-01' ? { ...r, open: r.open / 2, high: r.high / 2, low: r.low / 2, close: r.close / 2 } : r));
      server.publish('baba.us', toPriceCsv(split));
      const { summary } = await sync(['BABA']);
      const before = served.filter((r) => r.date < '2025-04-01').length;
      expect(summary.updated.find((u) => u.ticker === 'BABA')!.message).toContain(`${before} earlier closes revised by the source`);
      const { prices, fetch } = await stored('BABA');
      expect(fetch!.revised).toBe(before);
      expect(prices.find((p) => p.date === '2025-02-28')!.close).toBe(68);
      // Changes over the split stay what a holder saw: the adjusted closes agree with each other.
      const change = await getPriceChanges(store.db, { companies: ['BABA'], window: { kind: 'ytd', asOf: '2025-03-01' }, primaryOnly: true });
      expect(change.listings[0]!.change).toBeCloseTo(70, 10);
    });

    const badResponses: [string, Parameters<PriceFixtureServer['fault']>[1], RegExp][] = [
      ['an unknown symbol ("No data")', { kind: 'body', body: 'No data', type: 'text/plain' }, /^baba\.us: line 1: unknown symbol/],
      ['an HTML error page instead of CSV', { kind: 'body', body: '<!DOCTYPE html><html><head><title>Service temporarily unavailable</title></head></html>', type: 'text/html' }, /^baba\.us: line 1: an HTML page instead of CSV \("Service temporarily unavailable"\)/],
      ['a truncated file', { kind: 'body', body: 'Date,Open,High,Low,Close,Volume\n2025-01-02,1,2,0.5,1.5,100\n2025-01-03,1,2' }, /^baba\.us: line 3: the file ends inside a row/],
      ['a date out of order', { kind: 'body', body: 'Date,Open,High,Low,Close,Volume\n2025-01-03,1,2,0.5,1.5,100\n2025-01-02,1,2,0.5,1.5,100\n' }, /^baba\.us: line 3: date 2025-01-02 is out of order/],
      ['a negative price', { kind: 'body', body: 'Date,Open,High,Low,Close,Volume\n2025-01-02,1,2,0.5,1.5,100\n2025-01-03,1,2,0.5,-1.5,100\n' }, /^baba\.us: line 3: negative close price -1.5/],
    ];
    for (const [what, fault, message] of badResponses) {
      it(`stores nothing from ${what}, keeps the prices it had, and fails that listing alone`, async () => {
        await sync(['BABA'], { force: true });
        const before = await stored('BABA');
        const fetchesBefore = await listPriceFetches(store.db, ['BABA'], 100);
        server.fault('baba.us', fault);
        const { summary } = await sync(['BABA'], { force: true });
        expect(summary.failed.map((f) => f.ticker)).toEqual(['BABA']);
        expect(summary.failed[0]!.message).toMatch(message);
        expect(summary.updated.map((u) => u.ticker)).toEqual(['9988.HK']);
        expect(await stored('BABA')).toEqual(before);
        expect(await listPriceFetches(store.db, ['BABA'], 100)).toEqual(fetchesBefore);
        const items = await listItems(store.db, summary.runId);
        expect(items.find((i) => i.ticker === 'BABA')).toMatchObject({ status: 'failed', message: expect.stringMatching(message) });
      });
    }

    it('a connection cut short (Content-Length) is retried, and a failure that lasts is resumable', async () => {
      await sync(['BABA'], { force: true });
      // New prices are out, but every download of them is cut short.
      server.publish('baba.us', toPriceCsv(syntheticPrices({ ...BABA_SYNTHETIC, seed: 99 })));
      server.fault('baba.us', { kind: 'truncate' }, 10);
      const first = await sync(['BABA']);
      expect(first.summary.failed[0]!.message).toMatch(/truncated response from .*s=baba\.us.*gave up after 4 attempts/);
      const resumable = await findResumablePriceRun(store);
      expect(resumable).toMatchObject({ runId: first.summary.runId, remaining: 1, total: 2 });
      server.clearFaults();
      const { client } = priceTestClient(server);
      const resumed = await runPriceSync(store, { client, resumeRunId: resumable!.runId });
      expect(resumed.alreadyDone).toBe(1);
      expect(resumed.updated.map((u) => u.ticker)).toEqual(['BABA']);
      expect((await stored('BABA')).prices).toEqual(syntheticPrices({ ...BABA_SYNTHETIC, seed: 99 }));
      expect(await findResumablePriceRun(store)).toBeNull();
    });

    it('infers a US listing for an SEC filer without a reviewed one, and refuses what it cannot price', async () => {
      await upsertCompany(store.db, { ticker: 'BRK.B', name: 'Berkshire (test)', kind: 'company', cik: 1067983, country: 'US', fiscalYearEndMonth: 12, currency: 'USD', colour: '#123456', aliases: [], members: [] }, 'sec');
      const [l] = await listingsToSync(store, ['BRK.B']);
      expect(l).toMatchObject({ id: 'BRK.B', symbol: 'brk-b.us', currency: 'USD', sourceKind: 'inferred' });
      await expect(listingsToSync(store, ['GROUP4'])).rejects.toThrow(/invalid ticker: GROUP4 \(a group; sync its members/);
      await expect(listingsToSync(store, ['NOPE'])).rejects.toThrow(/unknown listing: NOPE \(valid: .*9988\.HK/);
      // A listing id or the source symbol means just that listing.
      expect((await listingsToSync(store, ['9988.hk'])).map((x) => x.id)).toEqual(['9988.HK']);
    });
  });
}
