// A sync run over several companies: records the run and each company's progress, syncs a few
// companies at a time (the shared rate limiter keeps the total under SEC's limit), keeps going
// when one fails, stops cleanly on Ctrl-C, and can resume an interrupted or partly failed run.
import type { Store } from '../../store/database.js';
import type { Company } from '../../model/company.js';
import { listCompanies, listTrackedTickers } from '../../store/companies-repository.js';
import { finishRun, startRun } from '../../store/runs-repository.js';
import { addPendingItems, isDone, latestRun, listItems, reopenRun, setItemStatus } from '../../store/sync-run-items-repository.js';
import type { RetryInfo, SecClient } from './sec-client.js';
import { SecError } from './sec-error.js';
import { syncCompany } from './sync-company.js';

export const SYNC_RUN_KIND = 'sync';

export interface CompanyOutcome {
  ticker: string;
  status: 'updated' | 'unchanged' | 'failed';
  facts?: number;
  /** Why it failed, or what was stored. */
  message?: string;
}

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

export interface SyncSummary {
  runId: number;
  updated: CompanyOutcome[];
  unchanged: CompanyOutcome[];
  failed: CompanyOutcome[];
  /** Companies not reached because the run was interrupted. */
  pending: string[];
  /** Done in an earlier attempt of a resumed run. */
  alreadyDone: number;
  interrupted: boolean;
}

/** The latest sync run if it left companies pending or failed; null when it completed. */
export async function findResumableRun(store: Store): Promise<{ runId: number; remaining: number; total: number } | null> {
  const run = await latestRun(store.db, SYNC_RUN_KIND);
  if (!run) return null;
  const items = await listItems(store.db, run.id);
  const remaining = items.filter((i) => !isDone(i.status)).length;
  return remaining ? { runId: run.id, remaining, total: items.length } : null;
}

export async function runSync(store: Store, opts: SyncRunOptions): Promise<SyncSummary> {
  const { db } = store;
  const companies = await listCompanies(db);
  let runId: number;
  let todo: string[];
  let alreadyDone = 0;
  if (opts.resumeRunId !== undefined) {
    runId = opts.resumeRunId;
    const items = await listItems(db, runId);
    todo = items.filter((i) => !isDone(i.status)).map((i) => i.ticker);
    alreadyDone = items.length - todo.length;
    await reopenRun(db, runId);
  } else {
    todo = opts.tickers?.length ? [...new Set(opts.tickers)] : await listTrackedTickers(db);
    runId = await startRun(db, SYNC_RUN_KIND, opts.tickers?.length ? `tickers: ${todo.join(', ')}` : `all tracked companies (${todo.length})`);
    await addPendingItems(db, runId, todo);
  }

  const byTicker = new Map(companies.map((c) => [c.ticker, c]));
  const total = todo.length + alreadyDone;
  const summary: SyncSummary = { runId, updated: [], unchanged: [], failed: [], pending: [], alreadyDone, interrupted: false };
  opts.onEvent?.({ type: 'start', runId, total, resumed: opts.resumeRunId !== undefined, alreadyDone });

  let next = 0;
  let done = alreadyDone;
  const worker = async () => {
    while (next < todo.length) {
      if (opts.signal?.aborted) return;
      const ticker = todo[next++]!;
      const outcome = await syncOne(store, opts, runId, byTicker.get(ticker), ticker);
      if (!outcome) {
        summary.pending.push(ticker);
        continue;
      }
      summary[outcome.status].push(outcome);
      opts.onEvent?.({ type: 'company', outcome, done: ++done, total });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 2, todo.length)) }, worker));
  summary.pending.push(...todo.slice(next));
  summary.interrupted = !!opts.signal?.aborted && summary.pending.length > 0;

  const counts = `${summary.updated.length} updated, ${summary.unchanged.length} unchanged, ${summary.failed.length} failed`;
  const status = summary.failed.length || summary.interrupted ? 'partial' : 'ok';
  await finishRun(db, runId, status, summary.interrupted ? `interrupted: ${counts}, ${summary.pending.length} pending` : counts);
  return summary;
}

/** Syncs one company; a failure is recorded and reported, never thrown. null = interrupted. */
async function syncOne(store: Store, opts: SyncRunOptions, runId: number, company: Company | undefined, ticker: string): Promise<CompanyOutcome | null> {
  try {
    if (!company) throw new Error(`${ticker} is no longer in the store`);
    const r = await syncCompany(
      { store, client: opts.client, runId, force: opts.force, signal: opts.signal, onRetry: (info) => opts.onEvent?.({ type: 'retry', ticker, info }) },
      company,
    );
    if (r.status === 'unchanged') return { ticker, status: 'unchanged', message: 'not modified since the last sync' };
    const metrics = Object.entries(r.byMetric).map(([m, n]) => `${m} ${n}`).join(', ');
    return { ticker, status: 'updated', facts: r.facts, message: `${r.facts} facts in ${r.currency}${metrics ? ` (${metrics})` : ''}` };
  } catch (e) {
    if (e instanceof SecError && e.kind === 'interrupted') return null;
    const message = (e as Error).message;
    await setItemStatus(store.db, runId, ticker, 'failed', null, message);
    return { ticker, status: 'failed', message };
  }
}
