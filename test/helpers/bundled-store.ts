// A fresh store with the bundled data loaded, for tests: in memory on SQLite (the default), or
// in a schema of its own on PostgreSQL (see dialects.ts). Closing it drops that schema.
import type { Store } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { DIALECTS, openTestStore, storeFor, type TestDialect } from './dialects.js';

export async function bundledStore(dialect: TestDialect = DIALECTS[0]!): Promise<Store> {
  return withBundledData(await openTestStore(dialect));
}

/** Loads the bundled data into an open store, closing the store if that fails. */
export async function withBundledData(store: Store): Promise<Store> {
  try {
    await ensureBundledData(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** For a describe block: a store of `dialect` with the bundled data, open for its tests. */
export function bundledStoreFor(dialect: TestDialect): () => Store {
  return storeFor(dialect, bundledStore);
}
