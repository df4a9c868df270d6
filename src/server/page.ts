// A page is data plus three views of it (Datasette's habit): the handler builds the data
// once, then answers with HTML, the `.json` twin (the data object itself) or a `.csv` twin
// (one of the page's tables, `?table=` picks which).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { toCsv } from '../views/csv.js';
import type { DataAsOf } from '../model/series.js';
import { clientGone } from './client-gone.js';
import { ApiError } from './api-error.js';
import { toApiError } from './to-api-error.js';
import { originOf } from './request-origin.js';
import type { SafeHtml } from './html.js';
import type { Format } from './route-config.js';
import type { RawQuery } from './series-query.js';
import type { ServerContext } from './server-context.js';

export interface CsvTable {
  /** Used in `?table=` and in the file name. */
  name: string;
  columns: readonly string[];
  rows: unknown[][];
}

export interface PageRequest {
  params: Record<string, string>;
  query: RawQuery;
  /** Path without the query and without a `.json`/`.csv` suffix. */
  path: string;
  /** The query string as received (without `?`), for twin links. */
  search: string;
  /** `http://host:port`, for embed snippets that must work on other sites. */
  origin: string;
  /** The parsed request body of a POST (the article on /check); undefined for GET. */
  body?: unknown;
  /** Aborted when the client goes away before the answer is sent (long work, such as a check, stops then). */
  signal?: AbortSignal;
}

export interface Page<D> {
  /** The page's query string (its `.json`/`.csv` twins take the same). */
  query: z.ZodObject;
  load(ctx: ServerContext, req: PageRequest): Promise<D>;
  render(data: D, ctx: ServerContext, req: PageRequest): Promise<SafeHtml>;
  tables(data: D): CsvTable[];
  /** An HTML view of a bad request that keeps the user's input (the explore form). */
  renderError?(error: ApiError, ctx: ServerContext, req: PageRequest): Promise<SafeHtml>;
  /** Which parameter names a company, for 404s (`ticker` on company pages). */
  companyParameter?: string;
}

/** The `.json` / `.csv` twin of a page path: `/` has `/index.json`. */
export function twinHref(path: string, format: 'json' | 'csv', search = '', table?: string): string {
  const base = path === '/' ? '/index' : path.replace(/\/$/, '');
  const params = new URLSearchParams(search);
  if (table) params.set('table', table);
  else params.delete('table');
  const qs = params.toString().replace(/%2C/g, ',');
  return `${base}.${format}${qs ? `?${qs}` : ''}`;
}

const SUFFIX = /\.(json|csv)$/;

/** A page's data says how current it is in `dataAsOf` (every page with figures has one). */
function dataAsOfOf(data: unknown): DataAsOf | undefined {
  const d = (data as { dataAsOf?: DataAsOf } | null)?.dataAsOf;
  return d && typeof d === 'object' ? d : undefined;
}

function searchOf(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i + 1);
}

/**
 * A route handler for one page. `format` is fixed for `/explore.json`-style routes; `suffix`
 * reads it from the end of the last path parameter (`/company/AMZN.csv`).
 */
export function pageHandler<D>(ctx: ServerContext, page: Page<D>, format: Format | 'suffix') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const params = { ...(request.params as Record<string, string>) };
    let served: Format = format === 'suffix' ? 'html' : format;
    let path = request.url.split('?')[0]!;
    if (format === 'suffix') {
      const last = Object.keys(params).pop();
      const m = last ? SUFFIX.exec(params[last]!) : null;
      if (m && last) {
        served = m[1] as Format;
        params[last] = params[last]!.slice(0, -m[0].length);
      }
    }
    path = path.replace(SUFFIX, '');
    if (path === '/index') path = '/';
    request.airaceFormat = served;
    const req: PageRequest = { params, query: (request.query ?? {}) as RawQuery, path, search: searchOf(request.url), origin: originOf(request), body: request.body ?? undefined, signal: clientGone(reply) };

    let data: D;
    try {
      if (request.validationError) throw request.validationError;
      data = await page.load(ctx, req);
    } catch (e) {
      const error = toApiError(e, page.companyParameter, req.query);
      if (served === 'html' && error && page.renderError) {
        return reply.code(error.statusCode).type('text/html; charset=utf-8').send((await page.renderError(error, ctx, req)).value);
      }
      throw error ?? e;
    }

    if (served === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(data));
    if (served === 'csv') {
      const tables = page.tables(data);
      const wanted = req.query.table;
      const table = wanted === undefined || wanted === '' ? tables[0] : tables.find((t) => t.name === wanted);
      if (!table) throw new ApiError(400, `invalid table: ${String(wanted)}`, 'table', tables.map((t) => t.name));
      const file = `${path === '/' ? 'index' : path.split('/').filter(Boolean).join('-')}-${table.name}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.replace(/[^\w.-]/g, '_')}"`)
        .send(toCsv(table.columns, table.rows, dataAsOfOf(data)));
    }
    // A POST's twin needs the same body, which a link cannot carry.
    if (request.method === 'GET') {
      // Header values must be ASCII: anything else in the path or query goes percent-encoded.
      const twin = twinHref(path, 'json', req.search).replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
      reply.header('link', `<${twin}>; rel="alternate"; type="application/json"`);
    }
    return reply.type('text/html; charset=utf-8').send((await page.render(data, ctx, req)).value);
  };
}
