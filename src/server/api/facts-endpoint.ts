// GET /api/v1/facts and /api/v1/facts.csv: stored facts of one company with provenance,
// every version, the one the engine uses marked (`airace facts --format json|csv`).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listCompanyFacts } from '../../series/fact-listing.js';
import { findCompany } from '../../series/company-lookup.js';
import { allCompanies } from '../../series/read-db.js';
import { FACT_COLUMNS, factJson, factRows } from '../../views/fact-rows.js';
import { toCsv } from '../../views/csv.js';
import { dataAsOfFacts } from '../../series/data-as-of.js';
import { ApiError } from '../api-error.js';
import type { ServerContext } from '../server-context.js';

interface FactsQuery {
  ticker?: string;
  metric?: string;
  from?: number;
  to?: number;
  'as-first-reported'?: string;
}

export function factsHandler(ctx: ServerContext, format: 'json' | 'csv') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as FactsQuery;
    const companies = await allCompanies(ctx.store.db);
    const company = findCompany(companies, q.ticker ?? '');
    if (!company) throw new ApiError(404, `unknown company: ${q.ticker ?? ''}`, 'ticker', companies.map((c) => c.ticker));
    const asFirstReported = ['', 'true', '1'].includes(String(q['as-first-reported'] ?? 'false').toLowerCase());
    const listing = await listCompanyFacts(ctx.store.db, { ticker: company.ticker, metric: q.metric || undefined, from: q.from, to: q.to, asFirstReported });
    if (format === 'json') {
      const facts = listing.facts.map((f) => factJson(f, listing.used.has(f.id)));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ ticker: listing.ticker, metric: listing.metric, dataAsOf: dataAsOfFacts(listing.facts), facts }));
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="airace-facts-${listing.ticker}.csv"`)
      .send(toCsv(FACT_COLUMNS, factRows(listing.facts, listing.used), dataAsOfFacts(listing.facts)));
  };
}
