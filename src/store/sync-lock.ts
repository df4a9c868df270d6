// One sync at a time per store and name, across processes and machines: PostgreSQL advisory
// locks, or a lock row on SQLite. A second sync waits (onWait says for whom) and then runs,
// finding the first one's work done; its per-company replaces can then never interleave.
import type { Store } from './database.js';
import type { LockOptions } from './store-dialect.js';

export async function withSyncLock<T>(store: Store, name: string, fn: () => Promise<T>, options?: LockOptions): Promise<T> {
  return store.dialect.withLock(store.db, `sync:${name}`, fn, options);
}
