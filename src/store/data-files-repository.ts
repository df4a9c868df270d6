// Which version (sha256) of each bundled data file the store last loaded, so loading again only
// reloads what changed.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface LoadedDataFile {
  name: string;
  sha256: string;
}

export async function listLoadedDataFiles(db: Executor): Promise<LoadedDataFile[]> {
  return db.selectFrom('data_files').select(['name', 'sha256']).execute();
}

/** Records that `name` was loaded at version `sha256` with `rows` rows. */
export async function recordLoadedDataFile(db: Executor, file: { name: string; sha256: string; rows: number; loadedAt: string }): Promise<void> {
  const row = { name: file.name, sha256: file.sha256, rows: file.rows, loaded_at: file.loadedAt };
  await db
    .insertInto('data_files')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ sha256: row.sha256, rows: row.rows, loaded_at: row.loaded_at }))
    .execute();
}

/** The version (sha256) of `name` the store last loaded, or null if never. */
export async function loadedFileHash(db: Executor, name: string): Promise<string | null> {
  const r = await db.selectFrom('data_files').select('sha256').where('name', '=', name).executeTakeFirst();
  return r?.sha256 ?? null;
}
