// Named settings that outlive one command, db first. Values are plain text.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The data folder `airace init --data-dir` chose; absent means the bundled data/. */
export const DATA_DIR_SETTING = 'data_dir';

export async function getSetting(db: Executor, name: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(db: Executor, name: string, value: string | null): Promise<void> {
  if (value === null) {
    await db.deleteFrom('settings').where('name', '=', name).execute();
    return;
  }
  const updated_at = new Date().toISOString();
  await db
    .insertInto('settings')
    .values({ name, value, updated_at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at }))
    .execute();
}
