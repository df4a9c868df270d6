// Content hashes of the bundled data files already loaded, so a load is skipped when nothing changed.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export async function loadedFileHash(db: Executor, name: string): Promise<string | null> {
  const r = await db.selectFrom('data_files').select('sha256').where('name', '=', name).executeTakeFirst();
  return r?.sha256 ?? null;
}

export async function recordLoadedFile(db: Executor, name: string, sha256: string, rows: number): Promise<void> {
  const row = { name, sha256, rows, loaded_at: new Date().toISOString() };
  await db.insertInto('data_files').values(row).onConflict((oc) => oc.column('name').doUpdateSet({ sha256, rows, loaded_at: row.loaded_at })).execute();
}
