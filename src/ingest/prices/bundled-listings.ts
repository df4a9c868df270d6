// Loads data/listings.csv into the store when it changed (content hash, as the other bundled
// files), in one transaction. Price commands and the CLI's store call it; it reads one small file.
import { join } from 'node:path';
import type { Store } from '../../store/database.js';
import { listCompanies } from '../../store/companies-repository.js';
import { upsertListing } from '../../store/listings-repository.js';
import { loadedFileHash, recordLoadedFile } from '../../store/data-files-repository.js';
import { bundledDataDir } from '../../config/paths.js';
import { readListingsCsv } from './listings-csv.js';

export const LISTINGS_FILE = 'listings.csv';

export async function ensureListings(store: Store, opts: { dataDir?: string } = {}): Promise<{ loaded: boolean; listings: number }> {
  const dir = opts.dataDir ?? bundledDataDir();
  const companies = await listCompanies(store.db);
  const file = readListingsCsv(join(dir, LISTINGS_FILE), opts.dataDir ? join(dir, LISTINGS_FILE) : `data/${LISTINGS_FILE}`, new Set(companies.map((c) => c.ticker)));
  if ((await loadedFileHash(store.db, LISTINGS_FILE)) === file.sha256) return { loaded: false, listings: file.rows.length };
  await store.db.transaction().execute(async (trx) => {
    for (const { value } of file.rows) await upsertListing(trx, value);
    await recordLoadedFile(trx, LISTINGS_FILE, file.sha256, file.rows.length);
  });
  return { loaded: true, listings: file.rows.length };
}
