// Shared set-up for the sync tests: the fixture server, a client wired to it with fast retries
// and a recorded (near-instant) sleep, and stores in temp files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { upsertCompany } from '../../src/store/companies-repository.js';
import { readCompaniesCsv } from '../../src/ingest/companies-csv.js';
import { bundledDataDir } from '../../src/config/paths.js';
import { secConfigFromEnv, type SecConfig } from '../../src/ingest/sec/sec-config.js';
import { SecClient } from '../../src/ingest/sec/sec-client.js';
import { RateLimiter } from '../../src/ingest/sec/rate-limiter.js';
import { listFacts } from '../../src/store/facts-repository.js';
import type { SecFixtureServer } from './sec-fixture-server.js';

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'airace-sync-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestClient {
  client: SecClient;
  /** Every delay the client asked for (backoff or Retry-After), in ms. */
  sleeps: number[];
}

export function testClient(server: SecFixtureServer, overrides: Partial<SecConfig> = {}): TestClient {
  const sleeps: number[] = [];
  const config = { ...secConfigFromEnv(server.env()), ...overrides };
  const client = new SecClient(config, {
    // A private limiter: these tests are about behaviour, not SEC's budget.
    limiter: new RateLimiter(1000),
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((r) => setTimeout(r, Math.min(ms, 2)));
    },
  });
  return { client, sleeps };
}

/** A store in a temp file holding only the bundled companies (no bundled facts): SEC data alone. */
export async function companiesOnlyStore(dir: string): Promise<Store> {
  const store = await openStore(join(dir, 'sec-only.db'));
  const companies = readCompaniesCsv(join(bundledDataDir(), 'companies.csv'), 'data/companies.csv');
  for (const { value } of companies.rows) await upsertCompany(store.db, value, 'bundled');
  return store;
}

/** A store in a temp file with the bundled data loaded, as the CLI would have it. */
export async function bundledFileStore(dir: string, name = 'bundled.db'): Promise<Store> {
  const store = await openStore(join(dir, name));
  await ensureBundledData(store);
  return store;
}

/** Everything stored for a company, in a comparable form (ids included: nothing may be rewritten). */
export async function snapshot(store: Store, ticker: string) {
  const facts = await listFacts(store.db, { tickers: [ticker] });
  const company = await store.db.selectFrom('companies').selectAll().where('ticker', '=', ticker).executeTakeFirst();
  return { company, facts };
}
