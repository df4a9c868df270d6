// Requests do bounded work whatever the store holds (issue #19, finding 5): the methodology
// page's coverage reads a page of companies, not every company; measured as store queries and
// rows read per request on SYNTHETIC stores of different sizes, within one run.
import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { openStore, type Store } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { buildServer } from '../../src/server/build-server.js';
import { addSyntheticCompanies, syntheticTicker } from '../helpers/synthetic-companies.js';
import { COVERAGE_PER_PAGE } from '../../src/server/pages/methodology.js';

/** Counts the queries a store runs and the rows they return. */
class StoreReads implements KyselyPlugin {
  queries = 0;
  rows = 0;
  transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
    return args.node;
  }
  async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
    this.queries++;
    this.rows += args.result.rows.length;
    return args.result;
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function storeWith(synthetic: number): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'airace-scale-'));
  dirs.push(dir);
  const store = await openStore(join(dir, 'airace.db'));
  await ensureBundledData(store);
  await addSyntheticCompanies(store, synthetic);
  return store;
}

async function costOf(store: Store, url: string) {
  const reads = new StoreReads();
  const app = buildServer({ store: { ...store, db: store.db.withPlugin(reads) }, rateLimit: false });
  try {
    const res = await app.inject(url);
    return { status: res.statusCode, body: res.body, queries: reads.queries, rows: reads.rows };
  } finally {
    await app.close();
  }
}

describe('the methodology page', () => {
  it('reads as much from a store of 1,500 companies as from one of 60', async () => {
    const small = await storeWith(60);
    const large = await storeWith(1_500);
    try {
      const a = await costOf(small, '/methodology.json');
      const b = await costOf(large, '/methodology.json');
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      // The same page of companies, so the same work: only the companies' count differs.
      expect(b.queries).toBe(a.queries);
      expect(b.rows / a.rows).toBeLessThan(1.1);
      const data = JSON.parse(b.body);
      expect(data.coveragePage).toEqual({ page: 1, pages: Math.ceil(1_505 / COVERAGE_PER_PAGE), perPage: COVERAGE_PER_PAGE, total: 1_505 });
      // Curated companies first, then synthetic filers by ticker.
      const tickers = [...new Set(data.coverage.map((r: { ticker: string }) => r.ticker))];
      expect(tickers.slice(0, 6)).toEqual(['AMZN', 'BABA', 'GOOGL', 'META', 'MSFT', syntheticTicker(1)]);
      expect(tickers).toHaveLength(COVERAGE_PER_PAGE);
      // The engine still gives each company's coverage: four quarters of synthetic capex.
      const capex = data.coverage.find((r: { ticker: string; metric: string }) => r.ticker === syntheticTicker(1) && r.metric === 'capex');
      expect(capex.cells.find((c: { period: string }) => c.period === 'quarter')).toMatchObject({ first: '2024-Q1', last: '2024-Q4', present: 4, total: 4, sourceKinds: ['sec'] });

      const last = await costOf(large, `/methodology.json?page=${data.coveragePage.pages}`);
      expect(last.status).toBe(200);
      expect(JSON.parse(last.body).coverage.at(-1).ticker).toBe(syntheticTicker(1_500));
      const html = await costOf(large, '/methodology?page=2');
      expect(html.body).toContain('Companies 26–50 of 1,505 (page 2 of 61)');
      expect(html.body).toMatch(/<a rel="next" href="\/methodology\?page=3#coverage-heading">/);
      expect(html.body).toContain('href="/methodology.csv?page=2&amp;table=coverage"');
      for (const bad of ['0', 'abc', String(data.coveragePage.pages + 1)]) {
        const res = await costOf(large, `/methodology.json?page=${bad}`);
        expect(res.status).toBe(400);
        expect(JSON.parse(res.body)).toMatchObject({ parameter: 'page', allowed: [expect.stringMatching(/^a page number/)] });
      }
    } finally {
      await small.close();
      await large.close();
    }
  }, 120_000);
});
