import { Kysely, Migrator } from 'kysely';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';
import { sqliteStoreDialect } from './sqlite-store-dialect.js';
import { migrationProvider } from './migrations/index.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  dialect: StoreDialect;
  close(): Promise<void>;
}

type DialectFactory = (target: string) => StoreDialect | null;

/** Dialects by URL scheme; PostgreSQL registers itself here (see postgres-store-dialect.ts). */
const dialectFactories: DialectFactory[] = [];

export function registerDialect(factory: DialectFactory): void {
  dialectFactories.push(factory);
}

export function dialectFor(target: string): StoreDialect {
  for (const f of dialectFactories) {
    const d = f(target);
    if (d) return d;
  }
  if (/^[a-z]+:\/\//i.test(target)) {
    throw new Error(`unsupported database URL: ${target.replace(/\/\/[^@]*@/, '//***@')} (expected a file path or postgres://...)`);
  }
  return sqliteStoreDialect(target);
}

/** Opens the store and migrates it to the latest schema. */
export async function openStore(target: string): Promise<Store> {
  const dialect = dialectFor(target);
  const db = new Kysely<Database>({ dialect: dialect.createKyselyDialect() });
  await migrate(db, dialect);
  return { db, dialect, close: () => db.destroy() };
}

export async function migrate(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
}
