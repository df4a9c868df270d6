// GET /api/v1/events (also .json) and /api/v1/events.csv: the cited timeline of the race,
// filtered like `airace events` (companies, kind, from, to) and in its JSON and CSV shapes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventKind } from '../../model/race-event.js';
import { listEvents, type EventQuery } from '../../series/events.js';
import { parseDateBound } from '../../series/date-bound.js';
import { EVENT_COLUMNS, eventJson, eventRows } from '../../views/event-rows.js';
import { toCsv } from '../../views/csv.js';
import { dataAsOfEvents } from '../../series/data-as-of.js';
import { ApiError } from '../api-error.js';
import { allowedFor, parseQuery, QUERIES } from '../query-parameters.js';
import type { ServerContext } from '../server-context.js';
import type { RawQuery } from '../series-query.js';

function dateBound(v: string | undefined, name: 'from' | 'to'): string | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  try {
    return parseDateBound(name, v);
  } catch (e) {
    // The series `from`/`to` take quarters; these take days, so the 400 lists their own forms.
    throw new ApiError(400, (e as Error).message, name, allowedFor(name === 'from' ? 'from-date' : 'to-date'));
  }
}

/** The query string as `airace events` reads its flags; a bad kind or date is a 400 naming it. */
export function parseEventQuery(q: RawQuery): EventQuery {
  // Lists and kinds are read as every query reads them (query-parameters.ts); company names are
  // kept as given: listEvents resolves tickers, names and aliases, and answers an unknown one
  // with the choices (a 404, as for series).
  const v = parseQuery(QUERIES.events, q);
  return {
    companies: v.companies?.length ? v.companies : undefined,
    kinds: v.kind?.length ? (v.kind as EventKind[]) : undefined,
    from: dateBound(v.from, 'from'),
    to: dateBound(v.to, 'to'),
  };
}

export function eventsHandler(ctx: ServerContext, format: 'json' | 'csv') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const events = await listEvents(ctx.store.db, parseEventQuery(request.query as RawQuery));
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify({ dataAsOf: dataAsOfEvents(events), events: events.map(eventJson) }));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="airace-events.csv"')
      .send(toCsv(EVENT_COLUMNS, eventRows(events), dataAsOfEvents(events)));
  };
}
