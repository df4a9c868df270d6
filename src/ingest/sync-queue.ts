// A sync run over several items (companies for SEC, listings for prices): records the run and
// each item's progress, works on a few items at a time (a shared rate limiter keeps the total
// under the source's limit), keeps going when one fails, stops cleanly on Ctrl-C, and can resume
// an interrupted or partly failed run. What one item's sync does is the caller's `work`.
import type { Store } from '../store/database.js';
import { finishRun, startRun } from '../store/runs-repository.js';
import { addPendingItems, isDone, latestRun, listItems, reopenRun, setItemStatus } from '../store/sync-run-items-repository.js';
import { HttpError } from './http/http-error.js';

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

/** The latest run of `kind` if it left items pending or failed; null when it completed. */
export async function findResumableRun(store: Store, kind: string): Promise<{ runId: number; remaining: number; total: number } | null> {
  const run = await latestRun(store.db, kind);
  if (!run) return null;
  const items = await listItems(store.db, run.id);
  const remaining = items.filter((i) => !isDone(i.status)).length;
  return remaining ? { runId: run.id, remaining, total: items.length } : null;
}

export async function runQueue(store: Store, opts: QueueOptions): Promise<QueueSummary> {
  const { db } = store;
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
    todo = [...new Set(opts.items)];
    runId = await startRun(db, opts.kind, opts.detail);
    await addPendingItems(db, runId, todo);
  }

  const total = todo.length + alreadyDone;
  const summary: QueueSummary = { runId, updated: [], unchanged: [], failed: [], pending: [], alreadyDone, interrupted: false };
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
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 2, todo.length)) }, worker));
  summary.pending.push(...todo.slice(next));
  summary.interrupted = !!opts.signal?.aborted && summary.pending.length > 0;

  const counts = `${summary.updated.length} updated, ${summary.unchanged.length} unchanged, ${summary.failed.length} failed`;
  const status = summary.failed.length || summary.interrupted ? 'partial' : 'ok';
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
