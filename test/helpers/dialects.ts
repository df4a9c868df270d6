// The store dialects tests run against, chosen by the environment the way Kysely's tests choose
// theirs: AIRACE_TEST_DIALECTS=sqlite,postgres with AIRACE_TEST_PG_URL=postgres://... Unset, only
// SQLite runs, so `npm test` needs no PostgreSQL. Each test file loops:
//   for (const dialect of DIALECTS) describe(dialect.name, () => { ... })
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/database.js';
import { createScratchSchema } from '../../src/store/postgres-scratch-schema.js';

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

function postgres(url: string): TestDialect {
  return {
    name: 'postgres',
    async createDatabase() {
      // A schema per test database (see postgres-scratch-schema.ts).
      return createScratchSchema(url, 'airace_test');
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

function dialectsFromEnv(env: NodeJS.ProcessEnv): TestDialect[] {
  const names = (env.AIRACE_TEST_DIALECTS || 'sqlite').split(',').map((s) => s.trim()).filter(Boolean);
  return names.map((name) => {
    if (name === 'sqlite') return sqlite;
    if (name === 'postgres') {
      const url = env.AIRACE_TEST_PG_URL;
      if (!url) throw new Error('AIRACE_TEST_DIALECTS includes postgres: set AIRACE_TEST_PG_URL=postgres://user:password@host/database');
      return postgres(url);
    }
    throw new Error(`AIRACE_TEST_DIALECTS: unknown dialect ${name} (expected sqlite, postgres)`);
  });
}

export const DIALECTS: readonly TestDialect[] = dialectsFromEnv(process.env);

/** A migrated, empty store on a fresh database of `dialect`; closing it drops the database. */
export function openTestStore(dialect: TestDialect): Promise<Store> {
  return dialect.openFreshStore();
}
