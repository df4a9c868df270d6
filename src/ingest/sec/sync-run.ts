// An SEC sync run: every tracked company (or the tickers given) through the shared sync queue
// (../sync-queue.ts: run records, a few companies at a time, failures kept, Ctrl-C, resume),
// each company synced by syncCompany.
import type { Store } from '../../store/database.js';
import { listCompanies, listTrackedTickers } from '../../store/companies-repository.js';
import type { RetryInfo, SecClient } from './sec-client.js';
import { syncCompany } from './sync-company.js';
import { findResumableRun as findResumable, runQueue, type ItemOutcome, type QueueSummary } from '../sync-queue.js';

export const SYNC_RUN_KIND = 'sync';
export { MAX_ITEM_ATTEMPTS as MAX_COMPANY_ATTEMPTS } from '../sync-queue.js';

export type CompanyOutcome = ItemOutcome;

export type SyncEvent =
  | { type: 'start'; runId: number; total: number; resumed: boolean; alreadyDone: number }
  | { type: 'retry'; ticker: string; info: RetryInfo }
  | { type: 'company'; outcome: CompanyOutcome; done: number; total: number };

export interface SyncRunOptions {
  client: SecClient;
  /** Tickers to sync; every tracked company when empty. Ignored when resuming. */
  tickers?: string[];
  /** A run id from findResumableRun: redo its pending and failed companies only. */
  resumeRunId?: number;
  force?: boolean;
  /** Companies in flight at once (default 2). */
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (e: SyncEvent) => void;
}

export type SyncSummary = QueueSummary;

/** The latest sync run if it left companies pending or failed; null when it completed. */
export function findResumableRun(store: Store): Promise<{ runId: number; remaining: number; total: number } | null> {
  return findResumable(store, SYNC_RUN_KIND);
}

export async function runSync(store: Store, opts: SyncRunOptions): Promise<SyncSummary> {
  const byTicker = new Map((await listCompanies(store.db)).map((c) => [c.ticker, c]));
  const given = opts.tickers?.length ? [...new Set(opts.tickers)] : null;
  const items = opts.resumeRunId !== undefined ? [] : (given ?? (await listTrackedTickers(store.db)));
  return runQueue(store, {
    kind: SYNC_RUN_KIND,
    items,
    detail: given ? `tickers: ${items.join(', ')}` : `all tracked companies (${items.length})`,
    resumeRunId: opts.resumeRunId,
    concurrency: opts.concurrency,
    signal: opts.signal,
    onEvent: (e) => opts.onEvent?.(e.type === 'item' ? { ...e, type: 'company' } : e),
    work: async (ticker, runId) => {
      const company = byTicker.get(ticker);
      if (!company) throw new Error(`${ticker} is no longer in the store`);
      const r = await syncCompany(
        { store, client: opts.client, runId, force: opts.force, signal: opts.signal, onRetry: (info) => opts.onEvent?.({ type: 'retry', ticker, info }) },
        company,
      );
      if (r.status === 'unchanged') return { ticker, status: 'unchanged', message: 'not modified since the last sync' };
      const metrics = Object.entries(r.byMetric).map(([m, n]) => `${m} ${n}`).join(', ');
      return { ticker, status: 'updated', facts: r.facts, message: `${r.facts} facts in ${r.currency}${metrics ? ` (${metrics})` : ''}` };
    },
  });
}
