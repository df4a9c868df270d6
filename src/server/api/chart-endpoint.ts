// GET /api/v1/chart.svg|png|vl.json: the same chart the pages show, from the same query
// parameters (plus type, title, subtitle, preset; scale for PNG). SVG and PNG come from the
// render cache, keyed by the spec's hash.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { knownCompaniesFor } from '../known-companies.js';
import { renderVegaLiteJson } from '../../chart/render.js';
import type { ServerContext } from '../server-context.js';
import { parseChartQuery, type RawQuery } from '../series-query.js';
import { chartSpecFor } from '../chart-spec.js';
import { parseScale } from '../../chart/chart-limits.js';

export type ChartFormat = 'svg' | 'png' | 'vl.json';

export function chartHandler(ctx: ServerContext, format: ChartFormat) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.query as RawQuery;
    const known = await knownCompaniesFor(ctx.store.db, raw);
    const query = parseChartQuery(raw, known);
    const built = await chartSpecFor(ctx.store.db, query, known);
    const spec = built.spec;
    const name = `airace-${built.name}`;
    if (format === 'vl.json') {
      return reply.type('application/json; charset=utf-8').header('content-disposition', `inline; filename="${name}.vl.json"`).send(renderVegaLiteJson(spec));
    }
    if (format === 'svg') {
      return reply.type('image/svg+xml; charset=utf-8').header('content-disposition', `inline; filename="${name}.svg"`).send(await ctx.charts.svg(spec));
    }
    const png = await ctx.charts.png(spec, parseScale(raw.scale));
    return reply.type('image/png').header('content-disposition', `inline; filename="${name}.png"`).send(png);
  };
}
