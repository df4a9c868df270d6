// GET /api/v1/prices (.csv), /api/v1/prices/change (.csv), /api/v1/prices/moves (.csv) and
// /api/v1/prices/listings: share prices per listing in their own currencies, as `airace prices`
// prints them, with the download each listing's closes came from.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PriceWindow } from '../../model/price.js';
import { InvalidOptionError } from '../../model/errors.js';
import { parseDateBound } from '../../series/date-bound.js';
import { getPriceChanges, getSharePrices, listListingCoverage } from '../../series/price-series.js';
import { getMarketMoves, MIN_MOVE_PERCENT, MOVES_PER_YEAR } from '../../series/market-moves.js';
import { MOVE_COLUMNS, PRICE_CHANGE_COLUMNS, SHARE_PRICE_COLUMNS, moveRows, priceChangeRows, sharePriceRows } from '../../views/price-rows.js';
import { toCsv } from '../../views/csv.js';
import { PRICE_WINDOW_KINDS } from '../../model/price.js';
import { lastValue, parseFlag, parseList } from '../../model/list-input.js';
import type { ServerContext } from '../server-context.js';
import type { RawQuery } from '../series-query.js';

function date(q: RawQuery, name: string, bound: 'from' | 'to'): string | undefined {
  const v = lastValue(q[name]);
  if (v === undefined) return undefined;
  try {
    return parseDateBound(bound, v);
  } catch {
    throw new InvalidOptionError(name, v, ['a year such as 2025', 'a date such as 2025-02-24']);
  }
}

/** Commas only: a listing id never holds a space. */
const companies = (q: RawQuery) => parseList(q.companies, { spaces: false });

export function sharePriceQuery(q: RawQuery) {
  return { companies: companies(q), from: date(q, 'from', 'from'), to: date(q, 'to', 'to'), rebase: date(q, 'rebase', 'from'), primaryOnly: parseFlag('primary', q.primary) ?? false };
}

/** The window of a change request; `today` ends it when `as-of` is not given. */
export function windowQuery(q: RawQuery, today = new Date().toISOString().slice(0, 10)): PriceWindow {
  const kind = (lastValue(q.window) ?? 'ytd').toLowerCase();
  const asOf = date(q, 'as-of', 'to') ?? today;
  switch (kind) {
    case 'ytd':
    case 'day':
      return { kind, asOf };
    case 'days': {
      const raw = lastValue(q.days);
      const days = Number(raw);
      if (raw === undefined || !Number.isInteger(days) || days < 1) throw new InvalidOptionError('days', raw ?? '(none)', ['a whole number of days such as 30 with window=days']);
      return { kind, days, asOf };
    }
    case 'between': {
      const from = date(q, 'from', 'from');
      if (!from) throw new InvalidOptionError('from', '(none)', ['a start date with window=between']);
      return { kind, from, to: date(q, 'to', 'to') ?? today };
    }
    default:
      throw new InvalidOptionError('window', kind, [...PRICE_WINDOW_KINDS]);
  }
}

function send(reply: FastifyReply, format: 'json' | 'csv', file: string, json: unknown, csv: () => string) {
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(json));
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(csv());
}

export function sharePricesHandler(ctx: ServerContext, format: 'json' | 'csv') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const r = await getSharePrices(ctx.store.db, sharePriceQuery(request.query as RawQuery));
    return send(reply, format, 'airace-prices.csv', r, () => toCsv(SHARE_PRICE_COLUMNS, sharePriceRows(r)));
  };
}

export function priceChangeHandler(ctx: ServerContext, format: 'json' | 'csv') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as RawQuery;
    const r = await getPriceChanges(ctx.store.db, { companies: companies(q), window: windowQuery(q), primaryOnly: parseFlag('primary', q.primary) ?? false });
    return send(reply, format, 'airace-price-change.csv', r, () => toCsv(PRICE_CHANGE_COLUMNS, priceChangeRows(r)));
  };
}

export function priceMovesHandler(ctx: ServerContext, format: 'json' | 'csv') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as RawQuery;
    const top = Number(lastValue(q.top) ?? MOVES_PER_YEAR);
    const minChange = Number(lastValue(q.min) ?? MIN_MOVE_PERCENT);
    const moves = await getMarketMoves(ctx.store.db, { companies: companies(q), from: date(q, 'from', 'from'), to: date(q, 'to', 'to'), top, minChange });
    return send(reply, format, 'airace-price-moves.csv', { moves }, () => toCsv(MOVE_COLUMNS, moveRows(moves)));
  };
}

export function listingsHandler(ctx: ServerContext) {
  return async (_request: FastifyRequest, reply: FastifyReply) => reply.type('application/json; charset=utf-8').send(JSON.stringify({ listings: await listListingCoverage(ctx.store.db) }));
}
