// The store dialects tests run against, chosen by the environment the way Kysely's tests choose
// theirs: AIRACE_TEST_DIALECTS=sqlite,postgres with AIRACE_TEST_PG_URL=postgres://... Unset, only
// SQLite runs, so `npm test` needs no PostgreSQL; the PostgreSQL suites are then declared skipped,
// with the reason, so the run says what it did not test (test/helpers/skip-reporter.ts).
// A test file declares its suites once for every dialect:
//   forEachDialect('title', (dialect) => { const store = bundledStoreFor(dialect); ... })
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { createScratchSchema } from './postgres-scratch-schema.js';
import { needs, type Requirement } from './requirements.js';

export type DialectName = 'sqlite' | 'postgres';

/** An empty database that can be opened more than once (several stores = several connections). */
export interface TestDatabase {
  target: string;
  /** Deletes it; close every store opened on it first. */
  drop(): Promise<void>;
}

export interface TestDialect {
  name: DialectName;
  /** A fresh, empty database: a temporary SQLite file, or a new schema in the PostgreSQL test database. */
  createDatabase(): Promise<TestDatabase>;
  /** A migrated, empty store of its own; closing it also drops its database. */
  openFreshStore(): Promise<Store>;
}

const sqlite: TestDialect = {
  name: 'sqlite',
  async createDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'airace-store-'));
    return { target: join(dir, 'airace.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  // In memory, as the tests ran before PostgreSQL: nothing to drop.
  openFreshStore: () => openStore(':memory:'),
};

function postgres(url: string | undefined): TestDialect {
  const target = () => {
    if (!url) throw new Error('AIRACE_TEST_DIALECTS includes postgres: set AIRACE_TEST_PG_URL=postgres://user:password@host/database');
    return url;
  };
  return {
    name: 'postgres',
    async createDatabase() {
      // A schema per test database (see postgres-scratch-schema.ts).
      return createScratchSchema(target(), 'airace_test');
    },
    async openFreshStore() {
      const database = await this.createDatabase();
      const store = await openStore(database.target);
      return {
        ...store,
        close: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  };
}

function dialectNamesFromEnv(env: NodeJS.ProcessEnv): DialectName[] {
  const names = (env.AIRACE_TEST_DIALECTS || 'sqlite').split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (name !== 'sqlite' && name !== 'postgres') throw new Error(`AIRACE_TEST_DIALECTS: unknown dialect ${name} (expected sqlite, postgres)`);
  if (names.includes('postgres') && !env.AIRACE_TEST_PG_URL) throw new Error('AIRACE_TEST_DIALECTS includes postgres: set AIRACE_TEST_PG_URL=postgres://user:password@host/database');
  return names as DialectName[];
}

const CONFIGURED = dialectNamesFromEnv(process.env);
const ALL: readonly TestDialect[] = [sqlite, postgres(process.env.AIRACE_TEST_PG_URL)];

/** The dialects this run tests, in the order AIRACE_TEST_DIALECTS lists them. */
export const DIALECTS: readonly TestDialect[] = CONFIGURED.map((name) => ALL.find((d) => d.name === name)!);

/**
 * Declares `body` in a suite of its own for each dialect: `title (sqlite)`, `title (postgres)`.
 * A dialect this run does not test is declared too, skipped with the reason, so it is reported;
 * so is every dialect's suite when one of `requirements` is missing.
 */
export function forEachDialect(title: string, body: (dialect: TestDialect) => void): void;
export function forEachDialect(title: string, requirements: Requirement[], body: (dialect: TestDialect) => void): void;
export function forEachDialect(title: string, ...args: [(dialect: TestDialect) => void] | [Requirement[], (dialect: TestDialect) => void]): void {
  const [requirements, body] = args.length === 1 ? [[], args[0]] : args;
  for (const dialect of [...DIALECTS, ...ALL.filter((d) => !DIALECTS.includes(d))]) {
    const dialectNeeds: Requirement[] = DIALECTS.includes(dialect) ? [] : ['postgres'];
    describe(`${title} (${dialect.name})`, needs(...dialectNeeds, ...requirements), () => body(dialect));
  }
}

/** A migrated, empty store on a fresh database of `dialect`; closing it drops the database. */
export function openTestStore(dialect: TestDialect): Promise<Store> {
  return dialect.openFreshStore();
}

/**
 * For a describe block: a store opened before its tests by `open` (a fresh one by default) and
 * closed after them. Returns what reads it inside a test or hook.
 */
export function storeFor(dialect: TestDialect, open: (dialect: TestDialect) => Promise<Store> = openTestStore): () => Store {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await open(dialect);
  });
  afterAll(async () => {
    await store?.close();
  });
  return () => {
    if (!store) throw new Error(`the ${dialect.name} store is read before its beforeAll opened it`);
    return store;
  };
}
