// Errors leave the server in the format of the route that failed: an HTML page for pages,
// `{error, parameter, allowed}` JSON for the API. A bug (a 500) is written to the error log with
// the request id, and the page or JSON shows that id, so a report can be matched to the log.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { toApiError } from './to-api-error.js';
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
  const requestId = status >= 500 ? request.id : undefined;
  if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(errorPage(status, error, request.url.split('?')[0]!, requestId).value);
  const body = error ? error.toJSON() : { error: fallback, parameter: null, allowed: [] };
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(requestId ? { ...body, requestId } : body));
}

/** Writes a server error to the log the server was given, with what the client asked. */
export function logServerError(request: FastifyRequest, error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  request.server.airace.logError({ requestId: request.id, method: request.method, url: request.url, error: { name: e.name, message: e.message, stack: e.stack } });
  request.log.error({ err: e, reqId: request.id }, 'server error');
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  // The client of a cancelled check is gone: there is no one to answer.
  if (error instanceof CheckCancelled) return reply.code(499).send();
  let apiError = toApiError(error, 'companies', (request.query ?? {}) as RawQuery);
  // Say what the limit is: it differs by route (an article to check may be larger than the rest).
  if (apiError?.statusCode === 503) reply.header('retry-after', '60');
  if (apiError?.statusCode === 413) apiError = new ApiError(413, `request body too large: this route accepts at most ${Math.round(request.routeOptions.bodyLimit / 1024)} KB`);
  if (!apiError) {
    logServerError(request, error);
    return send(request, reply, 500, null, 'internal server error');
  }
  return send(request, reply, apiError.statusCode, apiError, apiError.message);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0]!;
  return send(request, reply, 404, new ApiError(404, `not found: ${path}`), `not found: ${path}`);
}
