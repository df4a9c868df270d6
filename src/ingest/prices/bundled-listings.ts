// Loads data/listings.csv into the store when it changed (content hash, as the other bundled
// files), in one transaction. The file is checked against the companies.csv beside it; only the
// listings of companies the store holds are loaded (a store loaded from another data folder with
// `init --data-dir` may hold other companies). The CLI's store calls it; it reads small files.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Store } from '../../store/database.js';
import { listCompanies } from '../../store/companies-repository.js';
import { upsertListing } from '../../store/listings-repository.js';
import { loadedFileHash, recordLoadedDataFile } from '../../store/data-files-repository.js';
import { bundledDataDir } from '../../config/paths.js';
import { readListingsCsv } from './listings-csv.js';
import { readCompaniesCsv } from '../companies-csv.js';

export const LISTINGS_FILE = 'listings.csv';

export async function ensureListings(store: Store, opts: { dataDir?: string } = {}): Promise<{ loaded: boolean; listings: number }> {
  const dir = opts.dataDir ?? bundledDataDir();
  const show = (name: string) => (opts.dataDir ? join(dir, name) : `data/${name}`);
  const reviewed = readCompaniesCsv(join(dir, 'companies.csv'), show('companies.csv')).rows.map((r) => r.value.ticker);
  const file = readListingsCsv(join(dir, LISTINGS_FILE), show(LISTINGS_FILE), new Set(reviewed));
  const stored = new Set((await listCompanies(store.db)).map((c) => c.ticker));
  const rows = file.rows.filter((r) => stored.has(r.value.ticker));
  // The file and which of its companies the store holds: a company loaded later loads its listings.
  const key = createHash('sha256').update(`${file.sha256}:${[...new Set(rows.map((r) => r.value.ticker))].sort().join(',')}`).digest('hex');
  if ((await loadedFileHash(store.db, LISTINGS_FILE)) === key) return { loaded: false, listings: rows.length };
  await store.db.transaction().execute(async (trx) => {
    for (const { value } of rows) await upsertListing(trx, value);
    await recordLoadedDataFile(trx, { name: LISTINGS_FILE, sha256: key, rows: rows.length, loadedAt: new Date().toISOString() });
  });
  return { loaded: true, listings: rows.length };
}
