// Runs article checks off the server's event loop, in a pool of worker threads (piscina), each
// with a time budget: a check that takes longer is stopped (its thread ended) and the client gets
// a 503 saying so; a check whose client went away is stopped too. A store that only this process
// can see (an in-memory SQLite database, as in tests) is checked in the process instead, with the
// same budget applied between claims.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { workerFile } from '../config/worker-file.js';
import { numberFromEnv } from '../config/env-number.js';
import { Piscina } from 'piscina';
import type { Store } from '../store/database.js';
import { checkArticle, CheckAbortedError } from '../check/check-article.js';
import { checkWebReportJson } from './check-web-report.js';
import type { CheckInput } from './check-input.js';
import type { CheckOutcome, CheckTask } from './check-worker.js';
import { ApiError } from './api-error.js';

/** How long one check may take before it is stopped (AIRACE_CHECK_TIMEOUT_MS). */
export const DEFAULT_CHECK_BUDGET_MS = 30_000;
/** How far past its budget a check may run (between two claims) before its thread is ended. */
const HARD_STOP_GRACE_MS = 5_000;

export interface CheckRunnerOptions {
  /** Threads in the pool (AIRACE_CHECK_THREADS); default: half the cores, at least one. */
  threads?: number;
  budgetMs?: number;
}

export class CheckRunner {
  private readonly pool: Piscina | null;
  readonly budgetMs: number;

  constructor(
    private readonly store: Store,
    options: CheckRunnerOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? numberFromEnv(process.env, 'AIRACE_CHECK_TIMEOUT_MS', DEFAULT_CHECK_BUDGET_MS, { positive: true });
    const target = store.dialect.location;
    const shared = /^postgres(?:ql)?:\/\//i.test(target) || (target !== ':memory:' && existsSync(target));
    const threads = options.threads ?? numberFromEnv(process.env, 'AIRACE_CHECK_THREADS', Math.max(1, Math.floor(availableParallelism() / 2)), { positive: true, integer: true });
    this.pool = shared ? new Piscina({ ...workerFile('server/check-worker'), minThreads: 0, maxThreads: threads, idleTimeout: 60_000 }) : null;
  }

  /** Whether checks run in worker threads (false: in this process, for a store only it can see). */
  get pooled(): boolean {
    return this.pool !== null;
  }

  /** The web report of one check, as JSON text. Rejects with a 503 ApiError when the budget runs out. */
  async run(input: CheckInput, clientGone: AbortSignal): Promise<string> {
    // The check stops itself between claims when its budget runs out; the thread is ended only if it overruns
    // that by HARD_STOP_GRACE_MS (a long stretch of work with no claim boundary in it).
    const hardStop = AbortSignal.timeout(this.budgetMs + HARD_STOP_GRACE_MS);
    const signal = AbortSignal.any([clientGone, hardStop]);
    const date = input.date ? { date: input.date } : {};
    try {
      if (!this.pool) {
        const report = await checkArticle(this.store.db, input.text, { ...date, signal, budgetMs: this.budgetMs });
        return checkWebReportJson(report);
      }
      const task: CheckTask = { target: this.store.dialect.location, text: input.text, ...date, budgetMs: this.budgetMs };
      const outcome = (await this.pool.run(task, { signal })) as CheckOutcome;
      if ('timedOut' in outcome) throw this.timedOut();
      return outcome.json;
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (clientGone.aborted) throw new CheckCancelled();
      if (hardStop.aborted || (e instanceof CheckAbortedError && e.why === 'timeout')) throw this.timedOut();
      if (e instanceof CheckAbortedError) throw new CheckCancelled();
      throw e;
    }
  }

  private timedOut(): ApiError {
    const s = Math.max(1, Math.round(this.budgetMs / 1000));
    return new ApiError(503, `the check took longer than ${s} s, the limit for one check; check a shorter part of the article`, 'text', [`an article that checks within ${s} s`]);
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

/** The client went away before its check finished: nothing is sent. */
export class CheckCancelled extends Error {
  constructor() {
    super('the check was cancelled: the client went away');
    this.name = 'CheckCancelled';
  }
}
