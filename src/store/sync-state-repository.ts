// HTTP validators (ETag / Last-Modified) per URL, so a re-sync can ask "changed since?" and
// a 304 costs one small request. Written in the same transaction as the facts they describe:
// validators never claim data the store does not hold.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export async function getValidators(db: Executor, url: string): Promise<Validators | null> {
  const r = await db.selectFrom('sync_state').select(['etag', 'last_modified']).where('url', '=', url).executeTakeFirst();
  if (!r || (r.etag === null && r.last_modified === null)) return null;
  return { etag: r.etag, lastModified: r.last_modified };
}

/** Records a fetch: `changed` (a 200) replaces the validators; a 304 only bumps checked_at. */
export async function recordFetch(db: Executor, url: string, ticker: string | null, v: Validators | null, changed: boolean): Promise<void> {
  const now = new Date().toISOString();
  if (!changed) {
    await db.updateTable('sync_state').set({ checked_at: now }).where('url', '=', url).execute();
    return;
  }
  const row = { url, ticker, etag: v?.etag ?? null, last_modified: v?.lastModified ?? null, checked_at: now, changed_at: now };
  const { url: _url, ...rest } = row;
  await db.insertInto('sync_state').values(row).onConflict((oc) => oc.column('url').doUpdateSet(rest)).execute();
}

/** Forgets the validators of a company's URLs, so its next sync downloads everything. */
export async function forgetValidators(db: Executor, ticker: string): Promise<void> {
  await db.deleteFrom('sync_state').where('ticker', '=', ticker).execute();
}
