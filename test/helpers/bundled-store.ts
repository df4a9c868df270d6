// A fresh in-memory store with the bundled data loaded, for tests.
import { openStore, type Store } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';

export async function bundledStore(): Promise<Store> {
  const store = await openStore(':memory:');
  await ensureBundledData(store);
  return store;
}
