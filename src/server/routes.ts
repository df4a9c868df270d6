// Every URL the server answers, in one flat table (Datasette's `_routes()` habit). Pages come
// with their `.json` and `.csv` twins, served by the same handler from the same data.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { ApiError } from './api-error.js';
import { join } from 'node:path';
import type { Format } from './route-config.js';
import { pageHandler, type Page } from './page.js';
import type { ServerContext } from './server-context.js';
import { fontsDir, staticAssetHandler, staticDir, vendorFile, type StaticAsset } from './static-assets.js';
import { requireAdmin } from './admin-auth.js';
import { CHART_PARAMETERS, CHECK_BODY_LIMIT, PARAMETERS, SERIES_PARAMETERS, querySchema } from './query-parameters.js';
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
import { apiErrorSchema, listingsSchema, movesSchema, openApiSchema, priceChangeSchema, sharePriceSchema } from './api/price-schemas.js';
import { modelsPage } from './pages/models.js';
import { modelLoadsHandler, modelSeriesHandler, modelsChartHandler, modelsListHandler } from './api/models-endpoints.js';
import { MODEL_LIST_RESPONSE, MODEL_LOADS_RESPONSE, MODEL_SERIES_RESPONSE } from './api/models-schemas.js';
import { MODEL_CHART_PARAMETERS, MODEL_LIST_PARAMETERS, MODEL_SERIES_PARAMETERS, modelsQuerySchema } from './models-query.js';

const DAY = 86_400;
const HOUR = 3_600;

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

export function routes(ctx: ServerContext, settings: RouteSettings = { rateLimit: false }): RouteOptions[] {
  // Pages are not part of the API document; their JSON twins are described in docs/api.md.
  const page = <D>(url: string, p: Page<D>, format: Format | 'suffix', embeddable = false): RouteOptions => ({
    method: 'GET',
    url,
    handler: pageHandler(ctx, p, format),
    schema: { hide: true },
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
  const api = (method: 'GET' | 'POST', url: string, handler: RouteOptions['handler'], schema: Record<string, unknown>): RouteOptions => ({
    method,
    url,
    handler,
    schema,
    config: { format: 'json', cors: method === 'GET' },
  });
  const asset = (url: string, a: StaticAsset): RouteOptions => ({ method: 'GET', url, handler: staticAssetHandler(a, url), schema: { hide: true }, config: { format: 'asset' } });
  const own = (file: string) => () => join(staticDir(), file);
  const seriesQuery = querySchema(SERIES_PARAMETERS);
  const chartQuery = querySchema(CHART_PARAMETERS);
  const factsQuery = { ...querySchema(['ticker', 'as-first-reported'], { metric: 'facts-metric', from: 'from-year', to: 'to-year' }), required: ['ticker'] };
  const eventsQuery = querySchema(['kind'], { companies: 'event-companies', from: 'from-date', to: 'to-date' });
  const pricesQuery = querySchema(['primary'], { companies: 'price-companies', from: 'from-date', to: 'to-date', rebase: 'rebase' });
  const changeQuery = querySchema(['window', 'days', 'as-of', 'primary'], { companies: 'price-companies', from: 'from-date', to: 'to-date' });
  const movesQuery = querySchema(['top', 'min'], { companies: 'price-companies', from: 'from-date', to: 'to-date' });
  const errors = { 400: openApiSchema(apiErrorSchema), 404: openApiSchema(apiErrorSchema) };
  const csvResponse = (what: string) => ({ 200: { description: `${what} as CSV`, content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors });
  const modelsQuery = modelsQuerySchema(MODEL_LIST_PARAMETERS);
  const modelSeriesQuery = modelsQuerySchema(MODEL_SERIES_PARAMETERS);
  const modelChartQuery = modelsQuerySchema(MODEL_CHART_PARAMETERS, querySchema(['title', 'subtitle']).properties);
  const described = (name: 'text' | 'date') => ({ ...PARAMETERS[name].schema, description: PARAMETERS[name].description });
  const checkSchema = {
    tags: ['check'],
    summary: 'Check an article’s figures against the data (the JSON of `airace check --format json`; each described chart carries its Vega-Lite `spec` instead of file paths)',
    querystring: querySchema(['date']),
    body: {
      content: {
        'application/json': { schema: { type: 'object', properties: { text: described('text'), date: described('date') }, required: ['text'] } },
        'text/plain': { schema: { type: 'string', description: 'The article; its date, if needed, in the `date` query parameter.' } },
        'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { text: described('text'), date: described('date') }, required: ['text'] } },
      },
    },
  };

  return [
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

    api('GET', '/api/v1/companies', companiesHandler(ctx), { tags: ['reference'], summary: 'Companies and groups, with fiscal year ends and currencies' }),
    api('GET', '/api/v1/metrics', metricsHandler(ctx), { tags: ['reference'], summary: 'Metric definitions' }),
    api('GET', '/api/v1/series', seriesHandler(ctx, 'json'), { tags: ['series'], summary: 'A metric for companies over periods (the SeriesResult of `airace series --format json`)', querystring: seriesQuery }),
    api('GET', '/api/v1/series.csv', seriesHandler(ctx, 'csv'), { tags: ['series'], summary: 'The same series as flat CSV rows, one per company and period', querystring: seriesQuery }),
    api('GET', '/api/v1/facts', factsHandler(ctx, 'json'), { tags: ['facts'], summary: 'Stored facts of one company with provenance; `used` marks the version the engine takes', querystring: factsQuery }),
    api('GET', '/api/v1/facts.csv', factsHandler(ctx, 'csv'), { tags: ['facts'], summary: 'The same facts as CSV', querystring: factsQuery }),
    api('GET', '/api/v1/chart.svg', chartHandler(ctx, 'svg'), { tags: ['charts'], summary: 'A chart as SVG, with alt text (aria-label) and a long description', querystring: chartQuery }),
    api('GET', '/api/v1/chart.png', chartHandler(ctx, 'png'), { tags: ['charts'], summary: 'A chart as PNG', querystring: querySchema([...CHART_PARAMETERS, 'scale']) }),
    api('GET', '/api/v1/chart.vl.json', chartHandler(ctx, 'vl.json'), { tags: ['charts'], summary: 'A chart as a self-contained Vega-Lite spec', querystring: chartQuery }),
    api('GET', '/api/v1/events', eventsHandler(ctx, 'json'), { tags: ['events'], summary: 'The cited timeline of the race (as `airace events --format json`): model releases, pledges, guidance changes, policy and market moves', querystring: eventsQuery }),
    api('GET', '/api/v1/events.json', eventsHandler(ctx, 'json'), { tags: ['events'], summary: 'Same as /api/v1/events', querystring: eventsQuery }),
    api('GET', '/api/v1/events.csv', eventsHandler(ctx, 'csv'), { tags: ['events'], summary: 'The same events as CSV (as `airace events --format csv`)', querystring: eventsQuery }),
    api('GET', '/api/v1/models', modelsListHandler(ctx, 'json'), { tags: ['models'], summary: 'AI models from Epoch AI’s data (as `airace models list --format json`), filtered by org, country and publication date; CC BY 4.0, the credit is in the response', querystring: modelsQuery, response: MODEL_LIST_RESPONSE }),
    api('GET', '/api/v1/models.csv', modelsListHandler(ctx, 'csv'), { tags: ['models'], summary: 'The same models as CSV, with each row’s source table, retrieval date and line', querystring: modelsQuery }),
    api('GET', '/api/v1/models/series', modelSeriesHandler(ctx, 'json'), { tags: ['models'], summary: 'Models released, frontier compute, largest and median compute, open-weights share, by country, company or lab and period, with the Epoch rows behind each value (as `airace models series --format json`)', querystring: modelSeriesQuery, response: MODEL_SERIES_RESPONSE }),
    api('GET', '/api/v1/models/series.csv', modelSeriesHandler(ctx, 'csv'), { tags: ['models'], summary: 'The same series as CSV rows, one per group and period', querystring: modelSeriesQuery }),
    api('GET', '/api/v1/models/chart.svg', modelsChartHandler(ctx, 'svg'), { tags: ['models'], summary: 'A models chart as SVG (compute over time, per year, open weights, or any series), with alt text, Epoch’s credit and data as of; 404 when no models data is loaded', querystring: modelChartQuery }),
    api('GET', '/api/v1/models/chart.png', modelsChartHandler(ctx, 'png'), { tags: ['models'], summary: 'A models chart as PNG', querystring: modelsQuerySchema(MODEL_CHART_PARAMETERS, querySchema(['title', 'subtitle', 'scale']).properties) }),
    api('GET', '/api/v1/models/chart.vl.json', modelsChartHandler(ctx, 'vl.json'), { tags: ['models'], summary: 'A models chart as a self-contained Vega-Lite spec', querystring: modelChartQuery }),
    api('GET', '/api/v1/models/loads', modelLoadsHandler(ctx), { tags: ['models'], summary: 'Every retrieval of Epoch AI’s table stored, newest first (each is kept; `as-of` reads an earlier one)', response: MODEL_LOADS_RESPONSE }),
    checking(api('POST', '/api/v1/check', checkHandler(ctx), checkSchema)),
    api('GET', '/api/v1/prices', sharePricesHandler(ctx, 'json'), { tags: ['prices'], summary: 'Daily closes per listing (`share_price`), or lines rebased to 100, as `airace prices --format json`; each listing in its own currency, with the download its closes came from', querystring: pricesQuery, response: { 200: openApiSchema(sharePriceSchema), ...errors } }),
    api('GET', '/api/v1/prices.csv', sharePricesHandler(ctx, 'csv'), { tags: ['prices'], summary: 'The same closes as CSV, one row per listing and day', querystring: pricesQuery, response: csvResponse('closes') }),
    api('GET', '/api/v1/prices/change', priceChangeHandler(ctx, 'json'), { tags: ['prices'], summary: 'Percent change per listing over a window (`price_change`: ytd, days, day, between), as `airace prices change --format json`', querystring: changeQuery, response: { 200: openApiSchema(priceChangeSchema), ...errors } }),
    api('GET', '/api/v1/prices/change.csv', priceChangeHandler(ctx, 'csv'), { tags: ['prices'], summary: 'The same changes as CSV', querystring: changeQuery, response: csvResponse('changes') }),
    api('GET', '/api/v1/prices/moves', priceMovesHandler(ctx, 'json'), { tags: ['prices'], summary: 'The largest daily moves per listing and year (the market moves on the timeline)', querystring: movesQuery, response: { 200: openApiSchema(movesSchema), ...errors } }),
    api('GET', '/api/v1/prices/moves.csv', priceMovesHandler(ctx, 'csv'), { tags: ['prices'], summary: 'The same moves as CSV', querystring: movesQuery, response: csvResponse('moves') }),
    api('GET', '/api/v1/prices/listings', listingsHandler(ctx), { tags: ['prices'], summary: 'Where each company trades (data/listings.csv, reviewed) and the prices stored per listing', response: { 200: openApiSchema(listingsSchema) } }),
    api('GET', '/api/v1/openapi.json', async function (this: FastifyInstance) { return this.swagger(); }, { tags: ['reference'], summary: 'This OpenAPI document' }),
    {
      ...api('POST', '/api/v1/admin/reload', adminReloadHandler(ctx), { tags: ['admin'], summary: 'Reload the bundled data (needs Authorization: Bearer AIRACE_ADMIN_TOKEN; off when it is unset)', security: [{ bearer: [] }] }),
      preHandler: requireAdmin(ctx),
    },

    asset('/static/app.js', { path: own('app.js'), type: 'text/javascript; charset=utf-8', maxAge: HOUR }),
    asset('/static/favicon.svg', { path: own('favicon.svg'), type: 'image/svg+xml', maxAge: DAY }),
    asset('/static/app.css', { path: own('app.css'), type: 'text/css; charset=utf-8', maxAge: HOUR }),
    asset('/static/vendor/vega.min.js', { path: () => vendorFile('vega', 'vega.min.js'), type: 'text/javascript; charset=utf-8', maxAge: DAY }),
    asset('/static/vendor/vega-lite.min.js', { path: () => vendorFile('vega-lite', 'vega-lite.min.js'), type: 'text/javascript; charset=utf-8', maxAge: DAY }),
    asset('/static/vendor/vega-embed.min.js', { path: () => vendorFile('vega-embed', 'vega-embed.min.js'), type: 'text/javascript; charset=utf-8', maxAge: DAY }),
    // Vega's expression interpreter, so charts run without eval under `script-src 'self'`.
    // Its only import is rewritten to a shim over the vega global.
    asset('/static/vendor/vega-interpreter.js', {
      path: () => vendorFile('vega-interpreter', 'vega-interpreter.js'),
      type: 'text/javascript; charset=utf-8',
      maxAge: DAY,
      transform: (js) => js.replace(/from\s+['"]vega-util['"]/g, "from '/static/vega-util-shim.js'").replace(/\/\/# sourceMappingURL=.*$/m, ''),
    }),
    asset('/static/vega-util-shim.js', { path: own('vega-util-shim.js'), type: 'text/javascript; charset=utf-8', maxAge: DAY }),
    asset('/static/fonts/IBMPlexSans_400Regular.ttf', { path: () => join(fontsDir(), 'IBMPlexSans_400Regular.ttf'), type: 'font/ttf', maxAge: DAY }),
    asset('/static/fonts/IBMPlexSans_600SemiBold.ttf', { path: () => join(fontsDir(), 'IBMPlexSans_600SemiBold.ttf'), type: 'font/ttf', maxAge: DAY }),
  ];
}
