// GET /api/v1/prices/chart.svg|png|vl.json: the share-price chart of the company page and
// explore, from the query of /api/v1/prices plus `width` (and `scale` for PNG). Laid out for
// `width` as every chart is, so the pages' frames draw it at their own width (app.js), like the
// money and models charts, instead of shrinking one drawn for a desktop column.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getSharePrices } from '../../series/price-series.js';
import { renderVegaLiteJson } from '../../chart/render.js';
import { parseScale, svgSize } from '../../chart/chart-limits.js';
import { parseQuery, QUERIES } from '../query-parameters.js';
import type { ServerContext } from '../server-context.js';
import type { RawQuery } from '../series-query.js';
import { movesOnLines, priceChartSpec } from '../price-chart.js';
import { sharePriceQuery } from './prices-endpoint.js';

export function priceChartHandler(ctx: ServerContext, format: 'svg' | 'png' | 'vl.json') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.query as RawQuery;
    const q = sharePriceQuery(raw);
    const { width } = parseQuery(QUERIES.priceChart, raw);
    const r = await getSharePrices(ctx.store.db, q);
    const spec = await priceChartSpec(r, await movesOnLines(ctx.store.db, r, q.from), width, async (drawn) => svgSize(await ctx.charts.svg(drawn)).width);
    const name = 'airace-prices';
    if (format === 'vl.json') return reply.type('application/json; charset=utf-8').header('content-disposition', `inline; filename="${name}.vl.json"`).send(renderVegaLiteJson(spec));
    if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').header('content-disposition', `inline; filename="${name}.svg"`).send(await ctx.charts.svg(spec));
    return reply.type('image/png').header('content-disposition', `inline; filename="${name}.png"`).send(await ctx.charts.png(spec, parseScale(raw.scale)));
  };
}
