// /api/v1/prices and its siblings on a server whose store synced SYNTHETIC prices from a
// loopback source: every response parses with the schema the OpenAPI document is built from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/test-server.js';
import { listingsSchema, movesSchema, priceChangeSchema, sharePriceSchema } from '../../src/server/api/price-schemas.js';
import type { PriceFixtureServer } from './price-fixture-server.js';
import { serverWithPrices } from './price-test-kit.js';

let server: TestServer;
let source: PriceFixtureServer;

beforeAll(async () => {
  ({ server, source } = await serverWithPrices());
});
afterAll(async () => {
  await server?.close();
  await source?.close();
});

const get = (url: string) => server.app.inject(url);

describe('/api/v1/prices', () => {
  it('serves closes per listing in their own currency, rebased on request', async () => {
    const res = await get('/api/v1/prices?companies=BABA&from=2025-01-01&to=2025-03-31&rebase=2025-01-01');
    expect(res.statusCode).toBe(200);
    const body = sharePriceSchema.parse(res.json());
    expect(body.listings.map((l) => [l.listing, l.currency])).toEqual([
      ['BABA', 'USD'],
      ['9988.HK', 'HKD'],
    ]);
    const adr = body.listings[0]!;
    expect(adr.base).toEqual({ asked: '2025-01-01', date: '2024-12-31', close: 80 });
    expect(adr.points.find((p) => p.date === '2025-02-28')!.index).toBeCloseTo(170, 6);
    expect(adr.source!.url).toBe(`${source.baseUrl}?s=baba.us&i=d`);
    expect(body.dataAsOf.newestPeriodEnd).toBe('2025-03-31');

    const csv = await get('/api/v1/prices.csv?companies=9988.HK&from=2025-02-28&to=2025-02-28');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n').slice(0, 2)).toEqual(['listing,ticker,name,exchange,currency,date,close,index,source_url,retrieved_at', expect.stringMatching(/^9988\.HK,BABA,Alibaba,HKEX,HKD,2025-02-28,130,,http/)]);
  });

  it('lists companies without prices with the command that loads them', async () => {
    const body = sharePriceSchema.parse((await get('/api/v1/prices?companies=MSFT')).json());
    expect(body.listings[0]).toMatchObject({ listing: 'MSFT', points: [], missing: { reason: 'no-price-data', hint: 'airace prices sync MSFT' } });
  });

  it('computes changes over each window, and 400s a bad one naming the parameter', async () => {
    const ytd = priceChangeSchema.parse((await get('/api/v1/prices/change?companies=BABA&primary=true&window=ytd&as-of=2025-03-01')).json());
    expect(ytd.listings).toHaveLength(1);
    expect(ytd.listings[0]!.change).toBeCloseTo(70, 6);
    expect(ytd.window).toMatchObject({ kind: 'ytd', asOf: '2025-03-01', label: 'year to 2025-03-01' });
    const day = priceChangeSchema.parse((await get('/api/v1/prices/change?companies=9988.HK&window=day&as-of=2025-03-03')).json());
    expect(day.listings[0]!.change).toBeCloseTo(-3, 6);
    const bad = await get('/api/v1/prices/change?window=fortnight');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ parameter: 'window', allowed: ['ytd', 'days', 'day', 'between'] });
    expect((await get('/api/v1/prices/change?window=days')).json()).toMatchObject({ parameter: 'days' });
    expect((await get('/api/v1/prices?companies=NOSUCH')).statusCode).toBe(404);
  });

  it('lists the largest daily moves and the listings', async () => {
    const moves = movesSchema.parse((await get('/api/v1/prices/moves?companies=BABA&from=2025-02-01&to=2025-02-28')).json()).moves;
    expect(moves.find((m) => m.date === '2025-02-21')).toMatchObject({ listing: 'BABA', previousClose: 120, close: 136.8, rank: expect.any(Number) });
    const listings = listingsSchema.parse((await get('/api/v1/prices/listings')).json()).listings;
    expect(listings.find((l) => l.listing === '9988.HK')).toMatchObject({ ticker: 'BABA', currency: 'HKD', primary: false, days: expect.any(Number), sourceKind: 'bundled' });
  });

  it('documents every price route with its response schema in the OpenAPI document', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/prices', '/api/v1/prices/change', '/api/v1/prices/moves', '/api/v1/prices/listings']) {
      const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
      expect(schema.type, path).toBe('object');
      expect(Object.keys(schema.properties).length, path).toBeGreaterThan(0);
    }
    expect(doc.paths['/api/v1/prices/change'].get.responses['400']).toBeDefined();
  });
});
