// What every handler gets: the open store, the render caches and the admin setting.
import type { Store } from '../store/database.js';
import { storeGeneration } from '../store/store-generation.js';
import { ResponseCache, type ResponseCacheBudget } from './response-cache.js';
import { ChartCache, type ChartCacheBudget } from './chart-cache.js';
import { MemoCache } from './memo-cache.js';
import { CheckRunner, type CheckRunnerOptions } from './check-runner.js';
import { PngRenderer, type PngRendererOptions } from './png-renderer.js';
import { adminTokenOf } from './admin-auth.js';

export interface ServerContext {
  store: Store;
  charts: ChartCache;
  /** Page data built from many engine calls (overview, coverage), kept until the store changes. */
  memo: MemoCache;
  /** Whole GET answers by request, kept until the store changes; ETags and 304s. */
  responses: ResponseCache;
  /** Bearer token for admin endpoints; null keeps the server read-only. */
  adminToken: string | null;
  /** Article checks, run in worker threads with a time budget. */
  checks: CheckRunner;
  /** PNG rasterisation, in worker threads with a time budget (the chart cache calls it). */
  pngs: PngRenderer;
}

export function createServerContext(
  store: Store,
  adminToken: string | null | undefined,
  chartCache?: ChartCacheBudget,
  checks: CheckRunnerOptions = {},
  responseCache?: ResponseCacheBudget | false,
  renders: PngRendererOptions = {},
): ServerContext {
  const generation = () => storeGeneration(store);
  const pngs = new PngRenderer(renders);
  return {
    store,
    charts: new ChartCache(chartCache, (svg, scale) => pngs.render(svg, scale)),
    pngs,
    // `false`: answers and page data are computed for every request (benchmarks measure that).
    memo: new MemoCache(generation, responseCache === false ? 0 : undefined),
    responses: new ResponseCache(generation, responseCache === false ? { bytes: 0 } : responseCache),
    adminToken: adminTokenOf(adminToken),
    checks: new CheckRunner(store, checks),
  };
}
