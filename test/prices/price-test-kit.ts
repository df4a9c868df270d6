// Shared set-up for the price tests: a client wired to the fixture server with a private rate
// limiter and near-instant backoff, and a store with the bundled companies and listings.
import type { Store } from '../../src/store/database.js';
import { PriceClient } from '../../src/ingest/prices/price-client.js';
import { priceSourceConfigFromEnv } from '../../src/ingest/prices/price-source-config.js';
import { RateLimiter } from '../../src/ingest/http/rate-limiter.js';
import { ensureListings } from '../../src/ingest/prices/bundled-listings.js';
import { bundledStore } from '../helpers/bundled-store.js';
import type { TestDialect } from '../helpers/dialects.js';
import { syntheticPrices, toPriceCsv, type SyntheticPricesOptions } from './synthetic-prices.js';
import { PriceFixtureServer } from './price-fixture-server.js';
import { listingsToSync } from '../../src/ingest/prices/listings-to-sync.js';
import { runPriceSync } from '../../src/ingest/prices/price-sync-run.js';
import { testServer, type TestServer } from '../server/test-server.js';

export function priceTestClient(server: PriceFixtureServer, env: Record<string, string> = {}): { client: PriceClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = new PriceClient(priceSourceConfigFromEnv(server.env(env)), {
    limiter: new RateLimiter(1000),
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((r) => setTimeout(r, Math.min(ms, 2)));
    },
  });
  return { client, sleeps };
}

/** The bundled data and data/listings.csv, as the CLI has them. Closing it drops it. */
export async function listingsStore(dialect: TestDialect): Promise<Store> {
  const store = await bundledStore(dialect);
  try {
    await ensureListings(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/**
 * SYNTHETIC BABA ADR closes for 2024-2025: 80.00 at the end of 2024, 136.00 on Fri 2025-02-28
 * (+70% year to date), a +14% session on 2025-02-21 (120.00 → 136.80).
 */
export const BABA_SYNTHETIC: SyntheticPricesOptions = {
  from: '2024-01-02',
  to: '2025-06-30',
  anchors: { '2024-01-02': 72, '2024-12-31': 80, '2025-02-20': 120, '2025-02-21': 136.8, '2025-02-28': 136, '2025-06-30': 120 },
  seed: 3,
};

/** SYNTHETIC 9988.HK closes: 75.00 HKD at the end of 2024, 130.00 on 2025-02-28, 3% down on 2025-03-03. */
export const HK_SYNTHETIC: SyntheticPricesOptions = {
  from: '2024-01-02',
  to: '2025-06-30',
  anchors: { '2024-01-02': 70, '2024-12-31': 75, '2025-02-28': 130, '2025-03-03': 126.1, '2025-06-30': 118 },
  seed: 4,
};

export const babaCsv = () => toPriceCsv(syntheticPrices(BABA_SYNTHETIC));
export const hkCsv = () => toPriceCsv(syntheticPrices(HK_SYNTHETIC));

/** A loopback source serving Alibaba's two listings' SYNTHETIC closes; close it after. */
export const alibabaPriceSource = () => PriceFixtureServer.start({ 'baba.us': babaCsv(), '9988.hk': hkCsv() });

/** Syncs Alibaba's two listings into `store` from `source`, as `airace prices sync BABA` does. */
export async function syncAlibabaPrices(store: Store, source: PriceFixtureServer): Promise<void> {
  await ensureListings(store);
  const summary = await runPriceSync(store, { client: priceTestClient(source).client, listings: await listingsToSync(store, ['BABA']) });
  if (summary.failed.length) throw new Error(`price sync failed: ${summary.failed.map((f) => f.message).join('; ')}`);
}

/** A dashboard server whose store synced Alibaba's two listings from a loopback source; close both. */
export async function serverWithPrices(): Promise<{ server: TestServer; source: PriceFixtureServer }> {
  const source = await alibabaPriceSource();
  const server = await testServer();
  await syncAlibabaPrices(server.store, source);
  return { server, source };
}
