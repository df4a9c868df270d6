// What every command needs: an open, migrated store with the bundled data loaded.
import { openStore, storeErrorOf, type Store } from '../store/database.js';
import { ReadOnlyStoreError } from '../model/errors.js';
import { ensureBundledData } from '../ingest/bundled-data.js';
import { resolveDbTarget } from '../config/paths.js';
import { ensureListings } from '../ingest/prices/bundled-listings.js';

export interface GlobalOptions {
  db?: string;
}

/**
 * Opens the database (creating it on first use) and loads the bundled data if it changed. A
 * read-only database is read as it is: it says so when its bundled data is out of date.
 */
export async function openReadyStore(opts: GlobalOptions, log: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<Store> {
  const target = resolveDbTarget(opts.db);
  const store = await openStore(target);
  try {
    const r = await ensureBundledData(store);
    if (r.loaded) log(`airace: loaded ${r.facts} facts for ${r.companies} companies from ${r.dataDir ?? "the bundled data/"} into ${store.dialect.location}`);
    // A read-only store can receive no prices either, so without its listings it just has none.
    await ensureListings(store).catch((e: unknown) => {
      if (!(storeErrorOf(e, store.dialect, 'loading data/listings.csv') instanceof ReadOnlyStoreError)) throw e;
    });
  } catch (e) {
    const known = storeErrorOf(e, store.dialect, 'loading the changed bundled data');
    if (known instanceof ReadOnlyStoreError) {
      log(`airace: the bundled data changed since ${store.dialect.location} was loaded, but it is read-only (${known.reason}); reading it as it is`);
      return store;
    }
    await store.close();
    throw known ?? e;
  }
  return store;
}

/** Runs `fn` with a ready store and always closes it; a refused write names the database. */
export async function withStore<T>(opts: GlobalOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openReadyStore(opts);
  try {
    return await fn(store);
  } catch (e) {
    throw storeErrorOf(e, store.dialect, 'this command') ?? e;
  } finally {
    await store.close();
  }
}
