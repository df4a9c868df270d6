// POST /api/v1/check (and /check.json): checks an article's figures against the data, as
// `airace check --format json` does, with each described chart's Vega-Lite spec in place of
// file paths (the server writes no files). The check runs in the check pool, off the event loop,
// within its time budget (src/server/check-runner.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../server-context.js';
import type { CheckWebReport } from '../check-web-report.js';
import type { RawQuery } from '../series-query.js';
import { checkInput, type CheckInput } from '../check-input.js';
import { clientGone } from '../client-gone.js';

/** The report for one request: reads the store, writes nothing, keeps nothing. */
export async function checkReport(ctx: ServerContext, input: CheckInput, signal: AbortSignal = new AbortController().signal): Promise<CheckWebReport> {
  return JSON.parse(await ctx.checks.run(input, signal)) as CheckWebReport;
}

export function checkHandler(ctx: ServerContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const input = checkInput(request.body, request.query as RawQuery);
    // The pool hands back JSON text: sent as it is.
    const body = await ctx.checks.run(input, clientGone(reply));
    return reply.type('application/json; charset=utf-8').send(body);
  };
}
