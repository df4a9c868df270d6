// Per-company progress of a sync run. Each company's final status is written in the same
// transaction as its facts, so "updated" in this table always means the facts are there.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export const ITEM_STATUSES = ['pending', 'updated', 'unchanged', 'failed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface RunItem {
  runId: number;
  ticker: string;
  status: ItemStatus;
  facts: number | null;
  message: string | null;
  /** Times it failed in this run. */
  attempts: number;
}

/** Statuses that need no more work when a run is resumed. */
export function isDone(status: ItemStatus): boolean {
  return status === 'updated' || status === 'unchanged';
}

export async function addPendingItems(db: Executor, runId: number, tickers: string[]): Promise<void> {
  const now = new Date().toISOString();
  for (let i = 0; i < tickers.length; i += 500) {
    const rows = tickers.slice(i, i + 500).map((ticker) => ({ run_id: runId, ticker, status: 'pending', facts: null, message: null, updated_at: now }));
    await db.insertInto('sync_run_items').values(rows).onConflict((oc) => oc.columns(['run_id', 'ticker']).doNothing()).execute();
  }
}

/** Records a company's status in a run; a failure also counts one more attempt. */
export async function setItemStatus(db: Executor, runId: number, ticker: string, status: ItemStatus, facts: number | null = null, message: string | null = null): Promise<void> {
  const failed = status === 'failed' ? 1 : 0;
  const row = { run_id: runId, ticker, status, facts, message, updated_at: new Date().toISOString(), attempts: failed };
  await db
    .insertInto('sync_run_items')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['run_id', 'ticker']).doUpdateSet({ status, facts, message, updated_at: row.updated_at, attempts: sql<number>`sync_run_items.attempts + ${failed}` }),
    )
    .execute();
}

export async function listItems(db: Executor, runId: number): Promise<RunItem[]> {
  const rows = await db.selectFrom('sync_run_items').selectAll().where('run_id', '=', runId).orderBy('ticker').execute();
  return rows.map((r) => ({ runId: Number(r.run_id), ticker: r.ticker, status: r.status as ItemStatus, facts: r.facts === null ? null : Number(r.facts), message: r.message, attempts: Number(r.attempts) }));
}

/** The newest run of a kind (sync, bulk) with its id, status and detail. */
export async function latestRun(db: Executor, kind: string): Promise<{ id: number; status: string; detail: string | null } | null> {
  const r = await db.selectFrom('runs').select(['id', 'status', 'detail']).where('kind', '=', kind).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? { id: Number(r.id), status: r.status, detail: r.detail } : null;
}

/** Marks a run as running again (resume). */
export async function reopenRun(db: Executor, runId: number): Promise<void> {
  await db.updateTable('runs').set({ status: 'running', finished_at: null }).where('id', '=', runId).execute();
}
