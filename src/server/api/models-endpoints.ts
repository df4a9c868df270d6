// GET /api/v1/models(.csv), /api/v1/models/series(.csv), /api/v1/models/chart.svg|png|vl.json
// and /api/v1/models/loads: the models side of the race, as `airace models list|series|chart|loads`
// give it. Without models data they answer 200 with `loaded: false` and the command that loads it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { modelCatalog, MODELS_EMPTY_NOTICE } from '../../series/model-catalog.js';
import { getModelSeries } from '../../series/model-series.js';
import { listModelLoads } from '../../store/models-repository.js';
import { MODEL_COLUMNS, modelListJson, modelRows } from '../../views/model-rows.js';
import { MODEL_SERIES_COLUMNS, modelSeriesRows } from '../../views/model-series-rows.js';
import { modelsChart } from '../../views/models-chart.js';
import { renderVegaLiteJson } from '../../chart/render.js';
import { toCsv } from '../../views/csv.js';
import { ApiError } from '../api-error.js';
import { parseScale, svgSize } from '../../chart/chart-limits.js';
import type { ServerContext } from '../server-context.js';
import type { RawQuery } from '../series-query.js';
import { parseModelFilter, parseModelSeriesQuery, parseModelsChartQuery } from '../models-query.js';

const newestFirst = <T extends { publicationDate: string | null }>(models: T[]) => [...models].sort((a, b) => (b.publicationDate ?? '').localeCompare(a.publicationDate ?? ''));

export function modelsListHandler(ctx: ServerContext, format: 'json' | 'csv') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const catalog = await modelCatalog(ctx.store.db, parseModelFilter(request.query as RawQuery));
    const models = newestFirst(catalog.models);
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(modelListJson(catalog, models, catalog.load ? null : MODELS_EMPTY_NOTICE)));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="airace-models.csv"').send(toCsv(MODEL_COLUMNS, modelRows(catalog, models)));
  };
}

export function modelSeriesHandler(ctx: ServerContext, format: 'json' | 'csv') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await getModelSeries(ctx.store.db, parseModelSeriesQuery(request.query as RawQuery));
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(result));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="airace-models-${result.metric}.csv"`).send(toCsv(MODEL_SERIES_COLUMNS, modelSeriesRows(result)));
  };
}

export function modelsChartHandler(ctx: ServerContext, format: 'svg' | 'png' | 'vl.json') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.query as RawQuery;
    const req = parseModelsChartQuery(raw);
    const { spec, loaded } = await modelsChart(ctx.store.db, req, async (drawn) => svgSize(await ctx.charts.svg(drawn)).width);
    // No data, no chart: a 404 that says how to load it, rather than an empty drawing.
    if (!loaded) throw new ApiError(404, MODELS_EMPTY_NOTICE, null, []);
    const name = `airace-models-${req.chart}`;
    if (format === 'vl.json') return reply.type('application/json; charset=utf-8').header('content-disposition', `inline; filename="${name}.vl.json"`).send(renderVegaLiteJson(spec));
    if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').header('content-disposition', `inline; filename="${name}.svg"`).send(await ctx.charts.svg(spec));
    return reply.type('image/png').header('content-disposition', `inline; filename="${name}.png"`).send(await ctx.charts.png(spec, parseScale(raw.scale)));
  };
}

export function modelLoadsHandler(ctx: ServerContext) {
  return async (_request: FastifyRequest, reply: FastifyReply) => {
    const loads = await listModelLoads(ctx.store.db);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ loaded: loads.length > 0, notice: loads.length ? null : MODELS_EMPTY_NOTICE, loads }));
  };
}
