// Every URL the server answers, in one flat table (Datasette's `_routes()` habit). Pages come
// with their `.json` and `.csv` twins, served by the same handler from the same data.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { ApiError } from './api-error.js';
import type { Format } from './route-config.js';
import { pageHandler, type Page } from './page.js';
import type { ServerContext } from './server-context.js';
import { ASSETS, hashedUrl, staticAssetHandler } from './static-assets.js';
import { requireAdmin } from './admin-auth.js';
import type { ApiTag } from './api-tags.js';
import { z } from 'zod';
import { CHECK_BODY_LIMIT, QUERIES } from './query-parameters.js';
import { CHECK_BODY, CheckReportSchema, CompanySchema, DataAsOfSchema, ERROR_RESPONSES, EventSchema, FactSchema, MetricSchema, SeriesResultSchema, fileResponse } from './api-schemas.js';
import { overviewPage } from './pages/overview.js';
import { companyPage } from './pages/company.js';
import { explorePage } from './pages/explore.js';
import { methodologyPage } from './pages/methodology.js';
import { embedPage } from './pages/embed.js';
import { checkPage } from './pages/check.js';
import { companiesHandler, metricsHandler } from './api/reference-endpoints.js';
import { seriesHandler } from './api/series-endpoint.js';
import { factsHandler } from './api/facts-endpoint.js';
import { chartHandler } from './api/chart-endpoint.js';
import { adminReloadHandler } from './api/admin-reload.js';
import { eventsHandler } from './api/events-endpoint.js';
import { checkHandler } from './api/check-endpoint.js';
import { listingsHandler, priceChangeHandler, priceMovesHandler, sharePricesHandler } from './api/prices-endpoint.js';
import { priceChartHandler } from './api/price-chart-endpoint.js';
import { listingsSchema, movesSchema, priceChangeSchema, sharePriceSchema } from './api/price-schemas.js';
import { modelsPage } from './pages/models.js';
import { modelLoadsHandler, modelSeriesHandler, modelsChartHandler, modelsListHandler } from './api/models-endpoints.js';
import { ModelListSchema, ModelLoadsSchema, ModelSeriesSchema } from './api/models-schemas.js';
import { MODEL_QUERIES } from './models-query.js';
import { apiIndex, ApiIndexSchema, type ApiIndex } from './api-index.js';


/** The index of the API, built once from the route table on its first request. */
function apiIndexHandler(table: () => readonly RouteOptions[]) {
  let index: ApiIndex | undefined;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (/text\/html/.test(request.headers.accept ?? '')) return reply.redirect('/api', 302);
    index ??= apiIndex(table());
    return reply.send(index);
  };
}

/** Checks per minute per client IP: a long article keeps the server busy for seconds. */
export const CHECK_RATE_LIMIT = 30;
/** Answers 429, with when to retry, once a client has used its checks for the minute (across all check routes). */
function checkLimit(limiter: CheckLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const r = await limiter(request);
    // `isAllowed` means "on the allow list"; the count decides through `isExceeded`.
    if (r.isAllowed || !r.isExceeded) return;
    reply.header('retry-after', String(r.ttlInSeconds));
    throw new ApiError(429, `too many checks: at most ${r.max} a minute per client, across every check route; retry in ${r.ttlInSeconds} s`);
  };
}

export interface RouteSettings {
  /** The server's requests per minute per client, or false when limiting is off. */
  rateLimit: number | false;
  /** The one limiter every check route shares (a count per client across them all), when limiting is on. */
  checkLimiter?: CheckLimiter;
}

/** What @fastify/rate-limit's createRateLimit returns: whether this request is within its client's budget. */
export type CheckLimiter = (req: FastifyRequest) => Promise<{ isAllowed: true; key: string } | { isAllowed: false; key: string; ttlInSeconds: number; max: number; isExceeded: boolean }>;

/** An API route's OpenAPI schema: its one group of the reference, then summary, query and responses. */
type ApiSchema = { tags: [ApiTag] } & Record<string, unknown>;

export function routes(ctx: ServerContext, settings: RouteSettings = { rateLimit: false }): RouteOptions[] {
  // Pages are not part of the API document; their JSON twins are described in docs/api.md.
  // A page validates its query with its own schema, but a bad value is handed to the page
  // (attachValidation) so it can answer with its form and the error beside it.
  const page = <D>(url: string, p: Page<D>, format: Format | 'suffix', embeddable = false): RouteOptions => ({
    method: 'GET',
    url,
    handler: pageHandler(ctx, p, format),
    schema: { hide: true, querystring: p.query },
    attachValidation: true,
    config: { format, embeddable },
  });
  // Checking an article takes a body (the only large one the server accepts) and CPU time:
  // these routes get their own body limit and a tighter rate limit.
  const checking = (route: RouteOptions): RouteOptions => ({
    ...route,
    method: 'POST',
    bodyLimit: CHECK_BODY_LIMIT,
    // One budget per client across every check route (the page, its .json and .csv twins, the API), not one per
    // route: @fastify/rate-limit keeps a count per route, so the routes share one limiter instead.
    ...(settings.checkLimiter ? { preHandler: checkLimit(settings.checkLimiter) } : {}),
  });
  // Every API route is in exactly one group of the reference, declared in api-tags.ts.
  const api = (method: 'GET' | 'POST', url: string, handler: RouteOptions['handler'], schema: ApiSchema): RouteOptions => ({
    method,
    url,
    handler,
    schema,
    config: { format: 'json', cors: method === 'GET' },
  });
  // The API index sends browsers to /api and others JSON: its answer depends on the Accept header.
  const uncached = (route: RouteOptions): RouteOptions => ({ ...route, config: { ...route.config, uncached: true } });
  const asset = (url: string, handler: RouteOptions['handler']): RouteOptions => ({ method: 'GET', url, handler, schema: { hide: true }, config: { format: 'asset' } });
  const json = (schema: z.ZodType, description: string) => ({ 200: schema.describe(description), ...ERROR_RESPONSES });
  const file = (type: string, description: string) => ({ 200: fileResponse(type, description), ...ERROR_RESPONSES });
  const checkSchema = {
    tags: ['check'],
    summary: 'Check an article’s figures against the data (the JSON of `airace check --format json`; each described chart carries its Vega-Lite `spec` instead of file paths)',
    querystring: QUERIES.check,
    bodyContent: CHECK_BODY,
    response: { ...json(CheckReportSchema, 'The report'), 413: ERROR_RESPONSES[400] },
  } satisfies ApiSchema;

  const table: RouteOptions[] = [
    page('/', overviewPage, 'html'),
    page('/index.json', overviewPage, 'json'),
    page('/index.csv', overviewPage, 'csv'),
    page('/company/:ticker', companyPage, 'suffix'), // AMZN, AMZN.json, AMZN.csv
    page('/models', modelsPage, 'html'),
    page('/models.json', modelsPage, 'json'),
    page('/models.csv', modelsPage, 'csv'),
    page('/explore', explorePage, 'html'),
    page('/explore.json', explorePage, 'json'),
    page('/explore.csv', explorePage, 'csv'),
    page('/methodology', methodologyPage, 'html'),
    page('/methodology.json', methodologyPage, 'json'),
    page('/methodology.csv', methodologyPage, 'csv'),
    page('/embed', embedPage, 'html', true),
    page('/check', checkPage, 'html'),
    checking(page('/check', checkPage, 'html')),
    checking(page('/check.json', checkPage, 'json')), // the same JSON as POST /api/v1/check
    checking(page('/check.csv', checkPage, 'csv')),

    api('GET', '/api/v1/companies', companiesHandler(ctx), { tags: ['reference'], summary: 'Companies and groups, with fiscal year ends and currencies', querystring: QUERIES.none, response: json(z.object({ dataAsOf: DataAsOfSchema, companies: z.array(CompanySchema) }), 'Every company and group') }),
    api('GET', '/api/v1/metrics', metricsHandler(ctx), { tags: ['reference'], summary: 'Metric definitions, with their names in words', querystring: QUERIES.none, response: json(z.object({ dataAsOf: DataAsOfSchema, metrics: z.array(MetricSchema) }), 'Every metric') }),
    api('GET', '/api/v1/series', seriesHandler(ctx, 'json'), { tags: ['series'], summary: 'A metric for companies over periods (the SeriesResult of `airace series --format json`)', querystring: QUERIES.series, response: json(SeriesResultSchema, 'The series') }),
    api('GET', '/api/v1/series.csv', seriesHandler(ctx, 'csv'), { tags: ['series'], summary: 'The same series as flat CSV rows, one per company and period', querystring: QUERIES.series, response: file('text/csv', 'One row per company and period, with sources') }),
    api('GET', '/api/v1/facts', factsHandler(ctx, 'json'), { tags: ['facts'], summary: 'Stored facts of one company with provenance; `used` marks the version the engine takes', querystring: QUERIES.facts, response: json(z.object({ ticker: z.string(), metric: z.string().nullable(), dataAsOf: DataAsOfSchema, facts: z.array(FactSchema) }), 'Every stored version') }),
    api('GET', '/api/v1/facts.csv', factsHandler(ctx, 'csv'), { tags: ['facts'], summary: 'The same facts as CSV', querystring: QUERIES.facts, response: file('text/csv', 'One row per stored fact') }),
    api('GET', '/api/v1/chart.svg', chartHandler(ctx, 'svg'), { tags: ['charts'], summary: 'A chart as SVG, laid out for `width`, with alt text (aria-label), a long description and a link to its source on every mark', querystring: QUERIES.chart, response: file('image/svg+xml', 'The chart') }),
    api('GET', '/api/v1/chart.png', chartHandler(ctx, 'png'), { tags: ['charts'], summary: 'A chart as PNG (bundled fonts: the same image on every machine)', querystring: QUERIES.chartPng, response: { 200: fileResponse('image/png', 'The chart', z.string().meta({ format: 'binary' })), ...ERROR_RESPONSES } }),
    api('GET', '/api/v1/chart.vl.json', chartHandler(ctx, 'vl.json'), { tags: ['charts'], summary: 'A chart as a self-contained Vega-Lite spec (data inline), to restyle or open in the Vega editor', querystring: QUERIES.chart, response: json(z.looseObject({ $schema: z.string() }), 'The Vega-Lite spec') }),
    api('GET', '/api/v1/events', eventsHandler(ctx, 'json'), { tags: ['events'], summary: 'The cited timeline of the race (as `airace events --format json`): model releases, pledges, guidance changes, policy and market moves', querystring: QUERIES.events, response: json(z.object({ dataAsOf: DataAsOfSchema, events: z.array(EventSchema) }), 'The events, oldest first') }),
    api('GET', '/api/v1/events.json', eventsHandler(ctx, 'json'), { tags: ['events'], summary: 'Same as /api/v1/events', querystring: QUERIES.events, response: json(z.object({ dataAsOf: DataAsOfSchema, events: z.array(EventSchema) }), 'The events, oldest first') }),
    api('GET', '/api/v1/events.csv', eventsHandler(ctx, 'csv'), { tags: ['events'], summary: 'The same events as CSV (as `airace events --format csv`)', querystring: QUERIES.events, response: file('text/csv', 'One row per event') }),
    api('GET', '/api/v1/models', modelsListHandler(ctx, 'json'), { tags: ['models'], summary: 'AI models from Epoch AI’s data (as `airace models list --format json`), filtered by org, country and publication date; CC BY 4.0, the credit is in the response', querystring: MODEL_QUERIES.list, response: json(ModelListSchema, 'The models of the retrieval, newest first') }),
    api('GET', '/api/v1/models.csv', modelsListHandler(ctx, 'csv'), { tags: ['models'], summary: 'The same models as CSV, with each row’s source table, retrieval date and line', querystring: MODEL_QUERIES.list, response: file('text/csv', 'One row per model, with its source row') }),
    api('GET', '/api/v1/models/series', modelSeriesHandler(ctx, 'json'), { tags: ['models'], summary: 'Models released, frontier compute, largest and median compute, open-weights share, by country, company or lab and period, with the Epoch rows behind each value (as `airace models series --format json`)', querystring: MODEL_QUERIES.series, response: json(ModelSeriesSchema, 'One series per group') }),
    api('GET', '/api/v1/models/series.csv', modelSeriesHandler(ctx, 'csv'), { tags: ['models'], summary: 'The same series as CSV rows, one per group and period', querystring: MODEL_QUERIES.series, response: file('text/csv', 'One row per group and period, with the models behind it') }),
    api('GET', '/api/v1/models/chart.svg', modelsChartHandler(ctx, 'svg'), { tags: ['models'], summary: 'A models chart as SVG, laid out for `width` (compute over time, per year, open weights, or any series), with alt text, Epoch’s credit and data as of; 404 when no models data is loaded', querystring: MODEL_QUERIES.chart, response: file('image/svg+xml', 'The chart') }),
    api('GET', '/api/v1/models/chart.png', modelsChartHandler(ctx, 'png'), { tags: ['models'], summary: 'A models chart as PNG', querystring: MODEL_QUERIES.chartPng, response: { 200: fileResponse('image/png', 'The chart', z.string().meta({ format: 'binary' })), ...ERROR_RESPONSES } }),
    api('GET', '/api/v1/models/chart.vl.json', modelsChartHandler(ctx, 'vl.json'), { tags: ['models'], summary: 'A models chart as a self-contained Vega-Lite spec', querystring: MODEL_QUERIES.chart, response: json(z.looseObject({ $schema: z.string() }), 'The Vega-Lite spec') }),
    api('GET', '/api/v1/models/loads', modelLoadsHandler(ctx), { tags: ['models'], summary: 'Every retrieval of Epoch AI’s table stored, newest first (each is kept; `as-of` reads an earlier one)', querystring: QUERIES.none, response: json(ModelLoadsSchema, 'Every retrieval stored, newest first') }),
    checking(api('POST', '/api/v1/check', checkHandler(ctx), checkSchema)),
    api('GET', '/api/v1/prices', sharePricesHandler(ctx, 'json'), { tags: ['prices'], summary: 'Daily closes per listing (`share_price`), or lines rebased to 100, as `airace prices --format json`; each listing in its own currency, with the download its closes came from', querystring: QUERIES.prices, response: json(sharePriceSchema, 'The closes per listing') }),
    api('GET', '/api/v1/prices.csv', sharePricesHandler(ctx, 'csv'), { tags: ['prices'], summary: 'The same closes as CSV, one row per listing and day', querystring: QUERIES.prices, response: file('text/csv', 'One row per listing and day') }),
    api('GET', '/api/v1/prices/change', priceChangeHandler(ctx, 'json'), { tags: ['prices'], summary: 'Percent change per listing over a window (`price_change`: ytd, days, day, between), as `airace prices change --format json`', querystring: QUERIES.priceChange, response: json(priceChangeSchema, 'The change per listing') }),
    api('GET', '/api/v1/prices/change.csv', priceChangeHandler(ctx, 'csv'), { tags: ['prices'], summary: 'The same changes as CSV', querystring: QUERIES.priceChange, response: file('text/csv', 'One row per listing') }),
    api('GET', '/api/v1/prices/moves', priceMovesHandler(ctx, 'json'), { tags: ['prices'], summary: 'The largest daily moves per listing and year (the market moves on the timeline)', querystring: QUERIES.priceMoves, response: json(movesSchema, 'The moves') }),
    api('GET', '/api/v1/prices/moves.csv', priceMovesHandler(ctx, 'csv'), { tags: ['prices'], summary: 'The same moves as CSV', querystring: QUERIES.priceMoves, response: file('text/csv', 'One row per move') }),
    api('GET', '/api/v1/prices/chart.svg', priceChartHandler(ctx, 'svg'), { tags: ['prices'], summary: 'The share-price chart as SVG, laid out for `width` (the company page’s and explore’s), with alt text, each year’s largest daily moves marked and the download behind each line', querystring: QUERIES.priceChart, response: file('image/svg+xml', 'The chart') }),
    api('GET', '/api/v1/prices/chart.png', priceChartHandler(ctx, 'png'), { tags: ['prices'], summary: 'The share-price chart as PNG', querystring: QUERIES.priceChartPng, response: { 200: fileResponse('image/png', 'The chart', z.string().meta({ format: 'binary' })), ...ERROR_RESPONSES } }),
    api('GET', '/api/v1/prices/chart.vl.json', priceChartHandler(ctx, 'vl.json'), { tags: ['prices'], summary: 'The share-price chart as a self-contained Vega-Lite spec', querystring: QUERIES.priceChart, response: json(z.looseObject({ $schema: z.string() }), 'The Vega-Lite spec') }),
    api('GET', '/api/v1/prices/listings', listingsHandler(ctx), { tags: ['prices'], summary: 'Where each company trades (data/listings.csv, reviewed) and the prices stored per listing', querystring: QUERIES.none, response: json(listingsSchema, 'Every listing') }),
    {
      // The API's root: browsers go to the reference, clients get where everything is.
      ...uncached(api('GET', '/api/v1', apiIndexHandler(() => table), { tags: ['reference'], summary: 'Every API endpoint, with its methods, summary and whether it needs a token, and where the reference is (a browser is sent to /api)', querystring: QUERIES.none, response: json(ApiIndexSchema, 'The API index') })),
    },
    api('GET', '/api/v1/openapi.json', async function (this: FastifyInstance) { return this.swagger(); }, { tags: ['reference'], summary: 'This OpenAPI document (read it at /api)', querystring: QUERIES.none, response: { 200: z.looseObject({ openapi: z.string() }).describe('OpenAPI 3') } }),
    {
      ...api('POST', '/api/v1/admin/reload', adminReloadHandler(ctx), { tags: ['admin'], summary: 'Reload the bundled data (needs Authorization: Bearer AIRACE_ADMIN_TOKEN; off when it is unset)', security: [{ bearer: [] }], response: { 200: z.looseObject({ loaded: z.boolean() }).describe('What was loaded'), 401: ERROR_RESPONSES[400], 403: ERROR_RESPONSES[400], 429: ERROR_RESPONSES[429], 500: ERROR_RESPONSES[500] } }),
      preHandler: requireAdmin(ctx),
    },

    ...ASSETS.flatMap((a) => [asset(a.url, staticAssetHandler(a, false)), asset(hashedUrl(a), staticAssetHandler(a, true))]),
  ];
  return table;
}
