// Several reads that must agree with each other (a company's row, then its facts) see one
// committed state, even while a sync commits between them. PostgreSQL: a read-only REPEATABLE READ
// transaction. SQLite: every transaction reads one WAL snapshot (Kysely's SQLite driver begins a
// plain transaction whatever isolation level is asked for; SQLite's is serializable anyway).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { StoreScope } from './database.js';

/** Runs `fn`'s reads against one snapshot; joins the caller's transaction if there is one. */
export async function withReadSnapshot<T>(store: StoreScope, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (store.db.isTransaction) return fn(store.db);
  return store.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
}
