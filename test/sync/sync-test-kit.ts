// Shared set-up for the sync tests: the fixture server, a client wired to it with fast retries
// and a recorded (near-instant) sleep, and stores of each test dialect (a temp file on SQLite, a
// schema of its own on PostgreSQL; see ../helpers/dialects.ts), dropped when closed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBundledData } from '../helpers/bundled-store.js';
import { openStore, type Store } from '../../src/store/database.js';
import type { TestDatabase, TestDialect } from '../helpers/dialects.js';
import { upsertCompany } from '../../src/store/companies-repository.js';
import { readCompaniesCsv } from '../../src/ingest/companies-csv.js';
import { bundledDataDir } from '../../src/config/paths.js';
import { secConfigFromEnv, type SecConfig } from '../../src/ingest/sec/sec-config.js';
import { SecClient } from '../../src/ingest/sec/sec-client.js';
import { RateLimiter } from '../../src/ingest/http/rate-limiter.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { SecFixtureServer } from './sec-fixture-server.js';
import type { FixtureCompany } from './fixtures/sec-fixtures.js';
import { HttpError } from '../../src/ingest/http/http-error.js';

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

/** Opens `database`; closing the store also drops the database (so close every other store on it first). */
export async function openOwnedStore(database: TestDatabase): Promise<Store> {
  let store: Store;
  try {
    store = await openStore(database.target);
  } catch (e) {
    await database.drop();
    throw e;
  }
  return {
    ...store,
    close: async () => {
      try {
        await store.close();
      } finally {
        await database.drop();
      }
    },
  };
}

/** A migrated, empty store on a fresh database of `dialect` (a file on SQLite); closing it drops the database. */
export async function freshStore(dialect: TestDialect): Promise<Store> {
  return openOwnedStore(await dialect.createDatabase());
}

/** A fresh store holding only the bundled companies (no bundled facts): SEC data alone. Closing it drops it. */
export async function companiesOnlyStore(dialect: TestDialect): Promise<Store> {
  const store = await freshStore(dialect);
  try {
    const companies = readCompaniesCsv(join(bundledDataDir(), 'companies.csv'), 'data/companies.csv');
    for (const { value } of companies.rows) await upsertCompany(store.db, value, 'bundled');
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** Another store on an existing database (the CLI's, say) with the bundled data loaded, as the CLI would have it. */
export async function bundledStoreAt(target: string): Promise<Store> {
  return withBundledData(await openStore(target));
}

/** Everything stored for a company, in a comparable form (ids included: nothing may be rewritten). */
export async function snapshot(store: Store, ticker: string) {
  const facts = await listFacts(store.db, { tickers: [ticker] });
  const company = await store.db.selectFrom('companies').selectAll().where('ticker', '=', ticker).executeTakeFirst();
  return { company, facts };
}

/** For a describe block: the fixture server with `companies` and a fresh database of `dialect`, both gone after its tests. */
export function serverAndDatabase(dialect: TestDialect, companies: FixtureCompany[]): { server(): SecFixtureServer; database(): TestDatabase } {
  let server: SecFixtureServer;
  let database: TestDatabase;
  beforeAll(async () => {
    server = await SecFixtureServer.start(companies);
    database = await dialect.createDatabase();
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });
  return { server: () => server, database: () => database };
}

/** The HttpError a request ends with (the test fails if it succeeds). */
export async function failure(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    return e as HttpError;
  }
  throw new Error('expected the request to fail');
}
