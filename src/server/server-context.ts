// What every handler gets: the open store, the render caches and the admin setting.
import type { Store } from '../store/database.js';
import { ChartCache, type ChartCacheBudget } from './chart-cache.js';
import { MemoCache } from './memo-cache.js';
import { adminTokenOf } from './admin-auth.js';

export interface ServerContext {
  store: Store;
  charts: ChartCache;
  /** Page data built from many engine calls (overview, coverage), kept briefly. */
  memo: MemoCache;
  /** Bearer token for admin endpoints; null keeps the server read-only. */
  adminToken: string | null;
}

export function createServerContext(store: Store, adminToken: string | null | undefined, chartCache?: ChartCacheBudget): ServerContext {
  return { store, charts: new ChartCache(chartCache), memo: new MemoCache(), adminToken: adminTokenOf(adminToken) };
}
