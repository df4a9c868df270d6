// A sync run over several companies: records the run and each company's progress, syncs a few
// companies at a time (the shared rate limiter keeps the total under SEC's limit), keeps going
// when one fails, stops cleanly on Ctrl-C, and can resume an interrupted or partly failed run.
import type { Store } from '../../store/database.js';
import type { Company } from '../../model/company.js';
import { listCompanies, listTrackedTickers } from '../../store/companies-repository.js';
import { finishRun, startRun } from '../../store/runs-repository.js';
import { addPendingItems, isDone, latestRun, listItems, reopenRun, setItemStatus, type RunItem } from '../../store/sync-run-items-repository.js';
import type { RetryInfo, SecClient } from './sec-client.js';
import { SecError } from './sec-error.js';
import { syncCompany } from './sync-company.js';

export const SYNC_RUN_KIND = 'sync';
/** A company that failed this many times in one run is not retried by --resume (a new run tries it again). */
export const MAX_COMPANY_ATTEMPTS = 3;

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
  /** Failed MAX_COMPANY_ATTEMPTS times in this run: left out of the resume. */
  gaveUp: CompanyOutcome[];
  interrupted: boolean;
}

/** Companies of a run a resume would redo: pending, or failed fewer than MAX_COMPANY_ATTEMPTS times. */
function toRetry(i: RunItem): boolean {
  return !isDone(i.status) && !(i.status === 'failed' && i.attempts >= MAX_COMPANY_ATTEMPTS);
}

/** The latest sync run if it left companies to retry; null when it completed (or gave up on the rest). */
export async function findResumableRun(store: Store): Promise<{ runId: number; remaining: number; total: number } | null> {
  const run = await latestRun(store.db, SYNC_RUN_KIND);
  if (!run) return null;
  const items = await listItems(store.db, run.id);
  const remaining = items.filter(toRetry).length;
  return remaining ? { runId: run.id, remaining, total: items.length } : null;
}

export async function runSync(store: Store, opts: SyncRunOptions): Promise<SyncSummary> {
  const { db } = store;
  const companies = await listCompanies(db);
  let runId: number;
  let todo: string[];
  let alreadyDone = 0;
  const gaveUp: CompanyOutcome[] = [];
  if (opts.resumeRunId !== undefined) {
    runId = opts.resumeRunId;
    const items = await listItems(db, runId);
    todo = items.filter(toRetry).map((i) => i.ticker);
    for (const i of items.filter((x) => !isDone(x.status) && !toRetry(x))) {
      gaveUp.push({ ticker: i.ticker, status: 'failed', message: `failed ${i.attempts} times in this run, not retried (\`airace sync ${i.ticker}\` tries it in a new run): ${i.message ?? ''}` });
    }
    alreadyDone = items.length - todo.length - gaveUp.length;
    await reopenRun(db, runId);
  } else {
    todo = opts.tickers?.length ? [...new Set(opts.tickers)] : await listTrackedTickers(db);
    runId = await startRun(db, SYNC_RUN_KIND, opts.tickers?.length ? `tickers: ${todo.join(', ')}` : `all tracked companies (${todo.length})`);
    await addPendingItems(db, runId, todo);
  }

  const byTicker = new Map(companies.map((c) => [c.ticker, c]));
  const total = todo.length + alreadyDone;
  const summary: SyncSummary = { runId, updated: [], unchanged: [], failed: [], pending: [], alreadyDone, gaveUp, interrupted: false };
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
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 2, todo.length)) }, worker));
  } catch (e) {
    // Something beyond one company broke (the store itself): the run ends failed, never left running.
    await finishRun(db, runId, 'failed', `stopped: ${(e as Error).message}`).catch(() => undefined);
    throw e;
  }
  summary.pending.push(...todo.slice(next));
  summary.interrupted = !!opts.signal?.aborted && summary.pending.length > 0;

  const counts = `${summary.updated.length} updated, ${summary.unchanged.length} unchanged, ${summary.failed.length} failed`;
  const succeeded = summary.updated.length + summary.unchanged.length + summary.alreadyDone;
  const status = !summary.failed.length && !summary.interrupted ? 'ok' : succeeded === 0 && !summary.interrupted ? 'failed' : 'partial';
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
