// The web dashboard and JSON/CSV API as one Fastify instance. Read-only unless an admin token
// is given; the CLI's `serve` command and the benchmark both start from here, and tests use
// `inject()` on it without opening a port.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { randomFillSync } from 'node:crypto';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlib } from 'node:zlib';
import type { Store } from '../store/database.js';
import { packageRoot } from '../config/paths.js';
import './route-config.js';
import { createServerContext, type ErrorLog } from './server-context.js';
import type { CheckRunnerOptions } from './check-runner.js';
import type { PngRendererOptions } from './png-renderer.js';
import type { ChartCacheBudget } from './chart-cache.js';
import { cachedRoute, type ResponseCacheBudget } from './response-cache.js';
import { securityHeaders } from './security-headers.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { CHECK_RATE_LIMIT, routes } from './routes.js';
import { serializerCompiler, validatorCompiler } from './schema-compilers.js';
import { apiReferenceOptions } from './api-reference.js';
import { API_TAGS } from './api-tags.js';

export interface BuildServerOptions {
  store: Store;
  /** Enables POST /api/v1/admin/* for requests bearing this token. Unset: read-only. */
  adminToken?: string | null;
  /** Requests per minute per client IP; `false` turns limiting off (benchmarks). Default {@link DEFAULT_RATE_LIMIT}. */
  rateLimit?: number | false;
  /** Fastify's request log (off by default; `airace serve` turns it on). */
  logger?: boolean;
  /** Where server errors (500s) are written, with their request id; standard error by default, even with the request log off. */
  errorLog?: ErrorLog;
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

/** Generous: a page load is a handful of requests (page, CSS, script, fonts, one chart per figure). */
export const DEFAULT_RATE_LIMIT = 600;

/** Nothing the server accepts has a large body (the admin reload has none), except an article to check, whose routes set their own limit. */
const BODY_LIMIT = 16 * 1024;

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Random bytes drawn at once for many request ids: one call into the system's generator per 1,024 requests, not one per request. */
const ID_BYTES = 4;
const idPool = Buffer.alloc(ID_BYTES * 1024);
let idOffset = idPool.length;

/** Short and unguessable, so a user can quote it and nobody can walk the log by counting. */
export function newRequestId(): string {
  if (idOffset === idPool.length) {
    randomFillSync(idPool);
    idOffset = 0;
  }
  const id = `r-${idPool.toString('hex', idOffset, idOffset + ID_BYTES)}`;
  idOffset += ID_BYTES;
  return id;
}

const zodTransform = createJsonSchemaTransform({ skipList: [] });

/**
 * The zod transform, plus request bodies that come in several types (an article as JSON, text or
 * a form): a route lists them as `bodyContent`, each with its own zod schema.
 */
const openApiTransform: typeof zodTransform = (document) => {
  const { bodyContent, ...schema } = (document.schema ?? {}) as Record<string, unknown> & { bodyContent?: Record<string, z.ZodType> };
  const out = zodTransform({ ...document, schema } as Parameters<typeof zodTransform>[0]);
  if (!bodyContent) return out;
  const content = Object.fromEntries(Object.entries(bodyContent).map(([type, s]) => [type, { schema: z.toJSONSchema(s, { io: 'input', target: 'openapi-3.0' }) }]));
  return { ...out, schema: { ...out.schema, body: { content } } } as ReturnType<typeof zodTransform>;
};

const stderrLog: ErrorLog = (entry) => process.stderr.write(`${JSON.stringify({ level: 'error', time: new Date().toISOString(), ...entry })}\n`);

export function buildServer(options: BuildServerOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    genReqId: newRequestId,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  });
  const ctx = createServerContext({ ...options, errorLog: options.errorLog ?? stderrLog });
  app.addHook('onClose', async () => {
    await Promise.all([ctx.checks.close(), ctx.pngs.close()]);
  });
  app.decorateRequest('airaceFormat', null);
  app.decorate('airace', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'airace API',
        version: version(),
        description:
          'Read-only JSON and CSV over the airace series engine: capex, revenue and cash flow from filings and cited statements, every value with its sources. ' +
          'Query parameters are named like the CLI flags; keywords are read in any case, lists are comma-separated or repeated. ' +
          'Errors are `{error, parameter, allowed}`; a 500 carries the `requestId` the server log records.',
      },
      tags: [...API_TAGS],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: openApiTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.register(swaggerUi, apiReferenceOptions());
  // Pages, data and SVG compress well; PNG and fonts already are compressed or small.
  app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } });
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
