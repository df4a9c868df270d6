// GET /api/v1/series and /api/v1/series.csv: the engine's SeriesResult, exactly as
// `airace series --format json` prints it (with --transform too), or its flat CSV rows.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { knownCompaniesFor } from '../known-companies.js';
import { seriesRows, SERIES_CSV_COLUMNS } from '../../views/series-rows.js';
import { toCsv } from '../../views/csv.js';
import type { ServerContext } from '../server-context.js';
import { seriesQueryOf, type RawQuery } from '../series-query.js';
import type { SeriesQueryInput } from '../query-parameters.js';
import { seriesResultFor } from '../series-result.js';

export function seriesHandler(ctx: ServerContext, format: 'json' | 'csv') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // The route's validator has parsed the query with QUERIES.series already (schema-compilers.ts).
    const known = await knownCompaniesFor(ctx.store.db, request.query as RawQuery);
    const query = seriesQueryOf(request.query as SeriesQueryInput, known);
    const result = await seriesResultFor(ctx.store.db, query, known);
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(result));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="airace-${result.metric}-${result.period}.csv"`)
      .send(toCsv(SERIES_CSV_COLUMNS, seriesRows(result), result.dataAsOf));
  };
}
