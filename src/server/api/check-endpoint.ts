// POST /api/v1/check (and /check.json): checks an article's figures against the data, as
// `airace check --format json` does, with each described chart's Vega-Lite spec in place of
// file paths (the server writes no files).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkArticle, reportToWebJson, type CheckReportWebJson } from '../../check/index.js';
import type { ServerContext } from '../server-context.js';
import type { DataAsOf } from '../../model/series.js';
import { storeDataAsOf } from '../../series/data-as-of.js';
import type { RawQuery } from '../series-query.js';
import { checkInput, type CheckInput } from '../check-input.js';

/** The report for one request: reads the store, writes nothing, keeps nothing. */
export async function checkReport(ctx: ServerContext, input: CheckInput): Promise<CheckReportWebJson & { dataAsOf: DataAsOf }> {
  const [report, dataAsOf] = await Promise.all([checkArticle(ctx.store.db, input.text, { date: input.date }), storeDataAsOf(ctx.store.db)]);
  return { ...reportToWebJson(report), dataAsOf };
}

export function checkHandler(ctx: ServerContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const report = await checkReport(ctx, checkInput(request.body, request.query as RawQuery));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(report));
  };
}
