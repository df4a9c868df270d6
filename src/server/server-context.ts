// What every handler gets: the open store, the render caches, the admin setting and where
// server errors are written.
import type { Store } from '../store/database.js';
import { storeGeneration } from '../store/store-generation.js';
import { ResponseCache, type ResponseCacheBudget } from './response-cache.js';
import { ChartCache, type ChartCacheBudget } from './chart-cache.js';
import { MemoCache } from './memo-cache.js';
import { CheckRunner, type CheckRunnerOptions } from './check-runner.js';
import { PngRenderer, type PngRendererOptions } from './png-renderer.js';
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
  /** Page data built from many engine calls (overview, coverage), kept until the store changes. */
  memo: MemoCache;
  /** Whole GET answers by request, kept until the store changes; ETags and 304s. */
  responses: ResponseCache;
  /** Bearer token for admin endpoints; null keeps the server read-only. */
  adminToken: string | null;
  logError: ErrorLog;
  /** Article checks, run in worker threads with a time budget. */
  checks: CheckRunner;
  /** PNG rasterisation, in worker threads with a time budget (the chart cache calls it). */
  pngs: PngRenderer;
}

/** What the server is built with (see BuildServerOptions for each field's meaning and default). */
export interface ServerContextOptions {
  store: Store;
  adminToken?: string | null;
  chartCache?: ChartCacheBudget;
  errorLog?: ErrorLog;
  checks?: CheckRunnerOptions;
  /** `false`: answers and page data are computed for every request (benchmarks measure that). */
  responseCache?: ResponseCacheBudget | false;
  renders?: PngRendererOptions;
}

export function createServerContext(options: ServerContextOptions): ServerContext {
  const { store, responseCache } = options;
  const generation = () => storeGeneration(store);
  const pngs = new PngRenderer(options.renders ?? {});
  return {
    store,
    charts: new ChartCache(options.chartCache, (svg, scale) => pngs.render(svg, scale)),
    pngs,
    memo: new MemoCache(generation, responseCache === false ? 0 : undefined),
    responses: new ResponseCache(generation, responseCache === false ? { bytes: 0 } : responseCache),
    adminToken: adminTokenOf(options.adminToken),
    logError: options.errorLog ?? (() => {}),
    checks: new CheckRunner(store, options.checks ?? {}),
  };
}
