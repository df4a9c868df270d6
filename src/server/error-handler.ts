// Errors leave the server in the format of the route that failed: an HTML page for pages,
// `{error, parameter, allowed}` JSON for the API. Unknown errors are logged and reported as
// a 500 without internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, toApiError } from './api-error.js';
import { errorPage } from './pages/error-page.js';
import { CheckCancelled } from './check-runner.js';
import type { RawQuery } from './series-query.js';

function wantsHtml(request: FastifyRequest): boolean {
  if (request.airaceFormat) return request.airaceFormat === 'html';
  const format = request.routeOptions.config?.format;
  if (format === 'html' || format === 'suffix') return true;
  if (format) return false;
  // No route matched: browsers get a page, everything under /api/ and other clients get JSON.
  return !request.url.startsWith('/api/') && /text\/html/.test(request.headers.accept ?? '');
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, error: ApiError | null, fallback: string) {
  reply.code(status);
  if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(errorPage(status, error, request.url.split('?')[0]!).value);
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(error ? error.toJSON() : { error: fallback, parameter: null, allowed: [] }));
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  // The client of a cancelled check is gone: there is no one to answer.
  if (error instanceof CheckCancelled) return reply.code(499).send();
  let apiError = toApiError(error, 'companies', (request.query ?? {}) as RawQuery);
  // Say what the limit is: it differs by route (an article to check may be larger than the rest).
  if (apiError?.statusCode === 503) reply.header('retry-after', '60');
  if (apiError?.statusCode === 413) apiError = new ApiError(413, `request body too large: this route accepts at most ${Math.round(request.routeOptions.bodyLimit / 1024)} KB`);
  if (!apiError) {
    request.log.error(error);
    return send(request, reply, 500, null, 'internal server error');
  }
  return send(request, reply, apiError.statusCode, apiError, apiError.message);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0]!;
  return send(request, reply, 404, new ApiError(404, `not found: ${path}`), `not found: ${path}`);
}
