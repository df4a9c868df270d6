// The web dashboard and JSON/CSV API as one Fastify instance. Read-only unless an admin token
// is given; the CLI's `serve` command and the benchmark both start from here, and tests use
// `inject()` on it without opening a port.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import rateLimit from '@fastify/rate-limit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/database.js';
import { packageRoot } from '../config/paths.js';
import './route-config.js';
import { createServerContext } from './server-context.js';
import type { CheckRunnerOptions } from './check-runner.js';
import type { PngRendererOptions } from './png-renderer.js';
import type { ChartCacheBudget } from './chart-cache.js';
import { cachedRoute, type ResponseCacheBudget } from './response-cache.js';
import { securityHeaders } from './security-headers.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { CHECK_RATE_LIMIT, routes } from './routes.js';

export interface BuildServerOptions {
  store: Store;
  /** Enables POST /api/v1/admin/* for requests bearing this token. Unset: read-only. */
  adminToken?: string | null;
  /** Requests per minute per client IP; `false` turns limiting off (benchmarks). Default {@link DEFAULT_RATE_LIMIT}. */
  rateLimit?: number | false;
  logger?: boolean;
  /** Threads and time budget of the check pool (defaults: AIRACE_CHECK_THREADS, AIRACE_CHECK_TIMEOUT_MS). */
  checks?: CheckRunnerOptions;
  /** Threads and time budget of the PNG pool (defaults: AIRACE_RENDER_THREADS, AIRACE_RENDER_TIMEOUT_MS). */
  renders?: PngRendererOptions;
  /** Bytes of rendered charts kept in memory. Default {@link DEFAULT_CHART_CACHE_BUDGET}. */
  chartCache?: ChartCacheBudget;
  /**
   * Bytes of whole GET answers kept in memory (default 64 MiB); `false` keeps no answers and no
   * page data, so every request computes (the benchmark's uncached figures).
   */
  responseCache?: ResponseCacheBudget | false;
}

/** Generous: a page load is about eight requests (page, CSS, scripts, fonts). */
export const DEFAULT_RATE_LIMIT = 600;

/** Nothing the server accepts has a large body (the admin reload has none), except an article to check, whose routes set their own limit. */
const BODY_LIMIT = 16 * 1024;

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export function buildServer(options: BuildServerOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true } });
  const ctx = createServerContext(options.store, options.adminToken, options.chartCache, options.checks, options.responseCache, options.renders);
  app.addHook('onClose', async () => {
    await Promise.all([ctx.checks.close(), ctx.pngs.close()]);
  });
  app.decorateRequest('airaceFormat', null);

  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'airace API',
        version: version(),
        description:
          'Read-only JSON and CSV over the airace series engine: capex, revenue and cash flow from filings and cited statements, with sources. Query parameters are named like the CLI flags. Errors are `{error, parameter, allowed}`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (limit !== false && limit > 0) app.register(rateLimit, { max: limit, timeWindow: '1 minute' });

  // The /check form posts its article urlencoded (no JavaScript needed); repeated fields keep the last value.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addHook('onSend', securityHeaders);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Routes go in a child plugin so that swagger and the rate limiter, registered above, see them.
  app.register(async (instance) => {
    const limited = limit !== false && limit > 0;
    const checkLimiter = limited ? instance.createRateLimit({ max: Math.min(limit, CHECK_RATE_LIMIT), timeWindow: '1 minute' }) : undefined;
    for (const route of routes(ctx, { rateLimit: limited ? limit : false, ...(checkLimiter ? { checkLimiter } : {}) })) instance.route(cachedRoute(route, ctx.responses));
  });
  return app;
}
