// The promise to PostgreSQL users: the same data gives the same answers. Every metric, period and
// option the engine offers, as JSON, must be byte-identical to what the default SQLite store gives.
import { expect, it, beforeAll } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { getSeries, type SeriesRequest } from '../../src/series/engine.js';
import { METRIC_IDS } from '../../src/series/metrics.js';
import { PERIODS } from '../../src/model/series.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { listCompanies } from '../../src/store/companies-repository.js';
import { forEachDialect } from '../helpers/dialects.js';
import { bundledStoreFor } from '../helpers/bundled-store.js';

// Everyone at once (groups, mixed currencies converted to USD) and Alibaba alone (in CNY).
const TICKER_SETS = [['AMZN', 'MSFT', 'GOOGL', 'META', 'GROUP4', 'BABA'], ['BABA']];

const REQUESTS: SeriesRequest[] = METRIC_IDS.flatMap((metric) =>
  PERIODS.flatMap((period) =>
    TICKER_SETS.flatMap((tickers) => [
      { metric, period, tickers },
      { metric, period, tickers, currency: 'USD', asFirstReported: true },
      { metric, period, tickers, basis: 'guidance' as const, from: period === 'quarter' || period === 'ttm' ? '2024-Q1' : '2022' },
    ]),
  ),
);

/** Everything one store answers, as the JSON the API would send; errors are answers too. */
async function answers(store: Store): Promise<string[]> {
  const out = [JSON.stringify(await listCompanies(store.db)), JSON.stringify(await listFacts(store.db))];
  for (const req of REQUESTS) {
    out.push(await getSeries(store.db, req).then(JSON.stringify, (e: Error) => `error: ${e.message}`));
  }
  return out;
}

let reference: string[];
beforeAll(async () => {
  const sqlite = await openStore(':memory:');
  await ensureBundledData(sqlite);
  reference = await answers(sqlite);
  await sqlite.close();
});

forEachDialect('series parity', (dialect) => {
  const store = bundledStoreFor(dialect);

  it('answers every series request with the same bytes as SQLite', async () => {
    const mine = await answers(store());
    expect(mine).toHaveLength(REQUESTS.length + 2);
    // Most requests must succeed, or the comparison would prove little.
    expect(mine.filter((a) => !a.startsWith('error:')).length).toBeGreaterThan(REQUESTS.length / 2);
    for (let i = 0; i < mine.length; i++) {
      const what = i < 2 ? ['companies', 'facts'][i] : JSON.stringify(REQUESTS[i - 2]);
      expect(mine[i], what).toBe(reference[i]);
    }
  });
});
