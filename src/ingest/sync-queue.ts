// A sync run over several items (companies for SEC, listings for prices): records the run and
// each item's progress, works on a few items at a time (a shared rate limiter keeps the total
// under the source's limit), keeps going when one fails, stops cleanly on Ctrl-C, and can resume
// an interrupted or partly failed run. What one item's sync does is the caller's `work`.
import type { Store } from '../store/database.js';
import { finishRun, startRun } from '../store/runs-repository.js';
import { addPendingItems, isDone, latestRun, listItems, reopenRun, setItemStatus, type RunItem } from '../store/sync-run-items-repository.js';
import { HttpError } from './http/http-error.js';

/** An item that failed this many times in one run is not retried by --resume (a new run tries it again). */
export const MAX_ITEM_ATTEMPTS = 3;

export interface ItemOutcome {
  /** The item's key: a ticker, a listing. */
  ticker: string;
  status: 'updated' | 'unchanged' | 'failed';
  /** Rows stored (facts, prices). */
  facts?: number;
  /** Why it failed, or what was stored. */
  message?: string;
}

export type QueueEvent =
  | { type: 'start'; runId: number; total: number; resumed: boolean; alreadyDone: number }
  | { type: 'item'; outcome: ItemOutcome; done: number; total: number };

export interface QueueSummary {
  runId: number;
  updated: ItemOutcome[];
  unchanged: ItemOutcome[];
  failed: ItemOutcome[];
  /** Items not reached because the run was interrupted. */
  pending: string[];
  /** Done in an earlier attempt of a resumed run. */
  alreadyDone: number;
  /** Failed MAX_ITEM_ATTEMPTS times in this run: left out of the resume. */
  gaveUp: ItemOutcome[];
  interrupted: boolean;
}

export interface QueueOptions {
  /** The run's kind in the runs table (`sync`, `prices`): resuming finds the latest of its kind. */
  kind: string;
  /** Items to work on, and the run's description; ignored when resuming. */
  items: string[];
  detail: string;
  /** A run id from findResumableRun: redo its pending and failed items only. */
  resumeRunId?: number;
  /** Items in flight at once (default 2). */
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (e: QueueEvent) => void;
  /**
   * Syncs one item and returns what it stored; it writes the item's final status itself, in the
   * transaction that stores its data. A throw fails the item (recorded here); an `interrupted`
   * HttpError leaves it pending.
   */
  work: (item: string, runId: number) => Promise<Omit<ItemOutcome, 'status'> & { status: 'updated' | 'unchanged' }>;
}

/** Items of a run a resume redoes: pending, or failed fewer than MAX_ITEM_ATTEMPTS times. */
function toRetry(i: RunItem): boolean {
  return !isDone(i.status) && !(i.status === 'failed' && i.attempts >= MAX_ITEM_ATTEMPTS);
}

/** The latest run of `kind` if it left items to retry; null when it completed (or gave up on the rest). */
export async function findResumableRun(store: Store, kind: string): Promise<{ runId: number; remaining: number; total: number } | null> {
  const run = await latestRun(store.db, kind);
  if (!run) return null;
  const items = await listItems(store.db, run.id);
  const remaining = items.filter(toRetry).length;
  return remaining ? { runId: run.id, remaining, total: items.length } : null;
}

export async function runQueue(store: Store, opts: QueueOptions): Promise<QueueSummary> {
  const { db } = store;
  let runId: number;
  let todo: string[];
  let alreadyDone = 0;
  const gaveUp: ItemOutcome[] = [];
  if (opts.resumeRunId !== undefined) {
    runId = opts.resumeRunId;
    const items = await listItems(db, runId);
    todo = items.filter(toRetry).map((i) => i.ticker);
    for (const i of items.filter((x) => !isDone(x.status) && !toRetry(x))) {
      gaveUp.push({ ticker: i.ticker, status: 'failed', message: `failed ${i.attempts} times in this run, not retried (a new run tries it again): ${i.message ?? ''}` });
    }
    alreadyDone = items.length - todo.length - gaveUp.length;
    await reopenRun(db, runId);
  } else {
    todo = [...new Set(opts.items)];
    runId = await startRun(db, opts.kind, opts.detail);
    await addPendingItems(db, runId, todo);
  }

  const total = todo.length + alreadyDone;
  const summary: QueueSummary = { runId, updated: [], unchanged: [], failed: [], pending: [], alreadyDone, gaveUp, interrupted: false };
  opts.onEvent?.({ type: 'start', runId, total, resumed: opts.resumeRunId !== undefined, alreadyDone });

  let next = 0;
  let done = alreadyDone;
  const worker = async () => {
    while (next < todo.length) {
      if (opts.signal?.aborted) return;
      const item = todo[next++]!;
      const outcome = await workOne(store, opts, runId, item);
      if (!outcome) {
        summary.pending.push(item);
        continue;
      }
      summary[outcome.status].push(outcome);
      opts.onEvent?.({ type: 'item', outcome, done: ++done, total });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 2, todo.length)) }, worker));
  } catch (e) {
    // Something beyond one item broke (the store itself): the run ends failed, never left running.
    await finishRun(db, runId, 'failed', `stopped: ${(e as Error).message}`).catch(() => undefined);
    throw e;
  }
  summary.pending.push(...todo.slice(next));
  summary.interrupted = !!opts.signal?.aborted && summary.pending.length > 0;

  const counts = `${summary.updated.length} updated, ${summary.unchanged.length} unchanged, ${summary.failed.length} failed`;
  // Failed when nothing in the run succeeded; partial when some did.
  const succeeded = summary.updated.length + summary.unchanged.length + summary.alreadyDone;
  const status = !summary.failed.length && !summary.interrupted ? 'ok' : succeeded === 0 && !summary.interrupted ? 'failed' : 'partial';
  await finishRun(db, runId, status, summary.interrupted ? `interrupted: ${counts}, ${summary.pending.length} pending` : counts);
  return summary;
}

/** One item; a failure is recorded and reported, never thrown. null = interrupted. */
async function workOne(store: Store, opts: QueueOptions, runId: number, item: string): Promise<ItemOutcome | null> {
  try {
    return await opts.work(item, runId);
  } catch (e) {
    if (e instanceof HttpError && e.kind === 'interrupted') return null;
    const message = (e as Error).message;
    await setItemStatus(store.db, runId, item, 'failed', null, message);
    return { ticker: item, status: 'failed', message };
  }
}
