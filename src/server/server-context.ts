// What every handler gets: the open store, the render caches, the admin setting and where
// server errors are written.
import type { Store } from '../store/database.js';
import { ChartCache, type ChartCacheBudget } from './chart-cache.js';
import { MemoCache } from './memo-cache.js';
import { CheckRunner, type CheckRunnerOptions } from './check-runner.js';
import { adminTokenOf } from './admin-auth.js';

/** One server error: the request id the error page shows, what was asked, and the error. */
export interface ErrorEntry {
  requestId: string;
  method: string;
  url: string;
  error: { name: string; message: string; stack?: string };
}

export type ErrorLog = (entry: ErrorEntry) => void;

export interface ServerContext {
  store: Store;
  charts: ChartCache;
  /** Page data built from many engine calls (overview, coverage), kept briefly. */
  memo: MemoCache;
  /** Bearer token for admin endpoints; null keeps the server read-only. */
  adminToken: string | null;
  logError: ErrorLog;
  /** Article checks, run in worker threads with a time budget. */
  checks: CheckRunner;
}

export function createServerContext(store: Store, adminToken: string | null | undefined, chartCache?: ChartCacheBudget, logError: ErrorLog = () => {}, checks: CheckRunnerOptions = {}): ServerContext {
  return { store, charts: new ChartCache(chartCache), memo: new MemoCache(), adminToken: adminTokenOf(adminToken), logError, checks: new CheckRunner(store, checks) };
}
