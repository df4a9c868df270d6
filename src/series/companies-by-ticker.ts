// Companies read by exact ticker, kept per store generation: every series request looks its
// companies up by ticker (an indexed query, about as costly as the rest of the request's
// routing), and between two writes the answer to the same lookup cannot change. Kept per store
// handle until the store generation (store-generation.ts) changes, as company-directory.ts keeps
// the whole list; a transaction or a plugin-wrapped handle reads afresh.
import type { Kysely } from 'kysely';
import type { Company } from '../model/company.js';
import type { Database } from '../store/schema.js';
import { companiesByTicker } from '../store/companies-repository.js';
import { generationOfHandle } from '../store/store-generation.js';

/** Distinct ticker lists kept per generation: a bound on what arbitrary queries can make it hold. */
const LOOKUPS_KEPT = 1024;

const kept = new WeakMap<object, { generation: string; lookups: Map<string, Promise<Company[]>> }>();

/** companiesByTicker, the same rows in the same order, read once per store generation and ticker list. */
export async function storedCompaniesByTicker(db: Kysely<Database>, tickers: string[]): Promise<Company[]> {
  if (!tickers.length) return [];
  const generationOf = generationOfHandle(db);
  if (!generationOf) return companiesByTicker(db, tickers);
  // Read before the companies: a write committing meanwhile can only label new rows with the old generation.
  const generation = await generationOf();
  let entry = kept.get(db);
  if (entry?.generation !== generation) {
    entry = { generation, lookups: new Map() };
    kept.set(db, entry);
  }
  const key = tickers.join('\0');
  let lookup = entry.lookups.get(key);
  if (!lookup) {
    if (entry.lookups.size >= LOOKUPS_KEPT) entry.lookups.clear();
    const lookups = entry.lookups;
    lookup = companiesByTicker(db, tickers);
    lookups.set(key, lookup);
    lookup.catch(() => {
      if (lookups.get(key) === lookup) lookups.delete(key);
    });
  }
  // The caller's own array: it may add to it.
  return [...(await lookup)];
}
