// The store generation: a token that changes whenever the store's contents may have changed, by
// this process or another one sharing the database, so caches of answers computed from the store
// (series, charts, pages) are keyed by it and never serve an answer older than the last write.
//
// SQLite: `PRAGMA data_version` (changed by other connections' commits) plus this connection's
// own writes, counted as its statements run (sqlite-statement-cache.ts). PostgreSQL: one row,
// `store_generation`, that a statement trigger on every table bumps in the writing transaction
// (once per transaction), so it commits with the data and several servers sharing the database
// see each other's writes. A table added by a later migration gets the trigger with
// `trackGeneration`.
import { sql, type Kysely } from 'kysely';
import type { StoreScope } from './store-scope.js';

/** The current generation token of the store (opaque; compare for equality only). */
export function storeGeneration(store: StoreScope): Promise<string> {
  return store.dialect.generation(store.db as Kysely<any>);
}

/** Each open store's root handle, with how to read its generation (openStore registers it). */
const generationByHandle = new WeakMap<object, () => Promise<string>>();

export function registerStoreHandle(store: StoreScope): void {
  generationByHandle.set(store.db, () => storeGeneration(store));
}

/**
 * How to read the generation of the store behind `db`, when `db` is a store's root handle;
 * undefined for a transaction or a handle derived with plugins, whose reads must not be shared.
 * Lets the series layer keep what it read of the store until the store changes.
 */
export function generationOfHandle(db: object): (() => Promise<string>) | undefined {
  return generationByHandle.get(db);
}

export const GENERATION_TABLE = 'store_generation';
const BUMP_FUNCTION = 'airace_bump_store_generation';

/** PostgreSQL: the generation row and the trigger function that bumps it (migration 0009). */
export async function createGenerationRow(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable(GENERATION_TABLE)
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto(GENERATION_TABLE).values({ id: 1, generation: 1 }).execute();
  // One bump per transaction: a transaction-local setting remembers that this one has bumped
  // (a bulk load runs thousands of statements in one). It is rolled back with a savepoint, as
  // the update is. TG_TABLE_SCHEMA keeps two stores in two schemas of one database apart.
  await sql`
    create or replace function ${sql.id(BUMP_FUNCTION)}() returns trigger language plpgsql as $$
    begin
      if current_setting('airace.generation_bumped', true) is distinct from (tg_table_schema || ':' || txid_current()) then
        execute format('update %I.store_generation set generation = generation + 1 where id = 1', tg_table_schema);
        perform set_config('airace.generation_bumped', tg_table_schema || ':' || txid_current(), true);
      end if;
      return null;
    end $$`.execute(db);
}

/** PostgreSQL: every insert, update, delete or truncate on `table` bumps the generation. */
export async function trackGeneration(db: Kysely<any>, table: string): Promise<void> {
  await sql`create trigger ${sql.id(`${table}_bumps_generation`)} after insert or update or delete or truncate on ${sql.id(table)}
    for each statement execute function ${sql.id(BUMP_FUNCTION)}()`.execute(db);
}

/** PostgreSQL: the generation as committed (read committed: the latest commit before this statement). */
export async function readGenerationRow(db: Kysely<any>): Promise<string> {
  const r = await sql<{ generation: string | number }>`select generation from store_generation where id = 1`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error('the store has no generation row (store_generation); is migration 0009 applied?');
  return String(row.generation);
}
