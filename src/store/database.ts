import { Kysely, Migrator } from 'kysely';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';
import { sqliteStoreDialect } from './sqlite-store-dialect.js';
import { postgresStoreDialectFor } from './postgres-store-dialect.js';
import { migrationProvider } from './migrations/index.js';
import { registerStoreHandle } from './store-generation.js';
import { CorruptStoreError, ReadOnlyStoreError } from '../model/errors.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  dialect: StoreDialect;
  close(): Promise<void>;
}

// Where queries go (a Store, or one inside a transaction): its own module, which store-generation.ts
// and the repositories import without importing this one.
export type { StoreScope, TransactionScope } from './store-scope.js';

type DialectFactory = (target: string) => StoreDialect | null;

/** Dialects by URL scheme; PostgreSQL registers itself here (see postgres-store-dialect.ts). */
const dialectFactories: DialectFactory[] = [];

export function registerDialect(factory: DialectFactory): void {
  dialectFactories.push(factory);
}

// postgres:// and postgresql:// URLs (--db, AIRACE_DB or DATABASE_URL). `pg` itself loads only
// when such a URL is opened, so SQLite users never pay for it.
registerDialect(postgresStoreDialectFor);

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

export interface OpenStoreOptions {
  /** Apply pending migrations (the default). `airace doctor` looks without changing anything. */
  migrate?: boolean;
}

/** Opens the store and migrates it to the latest schema. */
export async function openStore(target: string, { migrate: migrating = true }: OpenStoreOptions = {}): Promise<Store> {
  const dialect = dialectFor(target);
  let db: Kysely<Database> | undefined;
  try {
    db = new Kysely<Database>({ dialect: dialect.createKyselyDialect(), plugins: [...dialect.kyselyPlugins] });
    if (migrating) await migrate(db, dialect);
  } catch (e) {
    await db?.destroy();
    throw storeErrorOf(e, dialect, 'migrating it to this version’s schema') ?? new Error(`cannot open the database at ${dialect.location}: ${errorMessage(e)}`, { cause: e });
  }
  const opened = db;
  const store: Store = { db: opened, dialect, close: () => opened.destroy() };
  registerStoreHandle(store);
  return store;
}

/**
 * The store's own error for a driver error that means "cannot write here" or "the file is
 * damaged", naming the database; null for anything else. `action` says what needed to write.
 */
export function storeErrorOf(e: unknown, dialect: StoreDialect, action: string): Error | null {
  if (e instanceof ReadOnlyStoreError || e instanceof CorruptStoreError) return e;
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  const message = e instanceof Error ? e.message : String(e);
  // SQLite: SQLITE_READONLY and its extended codes; PostgreSQL: read_only_sql_transaction (a
  // read-only role or a standby).
  if (code.startsWith('SQLITE_READONLY') || code === '25006') return new ReadOnlyStoreError(dialect.location, dialect.readOnlyReason ?? `it refused a write: ${message}`, action);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_')) return new CorruptStoreError(dialect.location, [message]);
  return null;
}

/** Migrations this version knows, split by whether the store has them; `unknown` are newer than this airace. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
  unknown: string[];
}

export async function migrationStatus(db: Kysely<any>, dialect: StoreDialect): Promise<MigrationStatus> {
  const migrationTableSchema = await dialect.migrationSchema(db);
  const known = await new Migrator({ db, provider: migrationProvider(dialect), migrationTableSchema }).getMigrations();
  const names = new Set(known.map((m) => m.name));
  const table = migrationTableSchema ? db.withSchema(migrationTableSchema) : db;
  const recorded = known.some((m) => m.executedAt) ? (await table.selectFrom('kysely_migration').select('name').execute()).map((r) => String(r.name)) : [];
  return {
    applied: known.filter((m) => m.executedAt).map((m) => m.name),
    pending: known.filter((m) => !m.executedAt).map((m) => m.name),
    unknown: recorded.filter((n) => !names.has(n)),
  };
}

export async function migrate(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  // On PostgreSQL, Kysely looks for its migration tables in every schema unless told which one.
  const migrationTableSchema = await dialect.migrationSchema(db);
  // Migrations are numbered per branch and may land out of order (0006 after 0007): a store that
  // already ran a later one still gets an earlier newcomer, instead of refusing to open.
  const migrator = (on: Kysely<any>) => new Migrator({ db: on, provider: migrationProvider(dialect), migrationTableSchema, allowUnorderedMigrations: true });
  // Most opens find nothing to do: look before taking the lock (on SQLite it holds off writers).
  const pending = (await migrator(db).getMigrations()).filter((m) => !m.executedAt);
  if (!pending.length) return;
  if (dialect.readOnlyReason) throw new ReadOnlyStoreError(dialect.location, dialect.readOnlyReason, `migrating it to this version’s schema (${pending.map((m) => m.name).join(', ')})`);
  await dialect.withMigrationLock(db, async (conn) => {
    const { error, results } = await migrator(conn).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
    }
  });
}

/** Node reports a refused connection to a host with two addresses as an AggregateError without a message. */
function errorMessage(e: unknown): string {
  const err = e as Error & { code?: string; errors?: Error[] };
  return err.message || err.errors?.[0]?.message || err.code || String(e);
}
