// A worker thread of the check pool (src/server/check-runner.ts): checks one article against the
// store the server uses, opened once per thread, and hands back the web report as JSON text (a
// string crosses threads cheaply). A check is CPU work; here it cannot hold up the server's event
// loop, and the pool ends the thread when the check runs out of time or its client goes away.
import { openStore, type Store } from '../store/database.js';
import { CheckAbortedError, checkArticle } from '../check/check-article.js';
import { checkWebReportJson } from './check-web-report.js';

export interface CheckTask {
  /** The store to read: a SQLite file or a postgres:// URL. */
  target: string;
  text: string;
  date?: string;
  /** The check's time budget, counted from when this thread starts on it (a thread's start-up is not the check's fault). */
  budgetMs: number;
}

/** The web report as JSON text, or the news that the budget ran out (the thread stays, warm, for the next check). */
export type CheckOutcome = { json: string } | { timedOut: true };

let store: Promise<Store> | null = null;
let opened: string | null = null;

export default async function checkTask(task: CheckTask): Promise<CheckOutcome> {
  if (!store || opened !== task.target) {
    store = openStore(task.target);
    opened = task.target;
  }
  const db = (await store).db;
  try {
    const report = await checkArticle(db, task.text, { ...(task.date ? { date: task.date } : {}), budgetMs: task.budgetMs });
    return { json: checkWebReportJson(report) };
  } catch (e) {
    if (e instanceof CheckAbortedError) return { timedOut: true };
    throw e;
  }
}
