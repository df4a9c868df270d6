// Plain functions over the events tables, db first. Company names are stored as written;
// linking them to stored companies is the series stage's job (src/series/events.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, EventRow } from './schema.js';
import type { RaceEventInput } from '../model/race-event.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Events per insert: well under every dialect's parameter limit. */
const BATCH = 200;

/** Replaces every event one source holds (the bundled file is loaded as a whole). */
export async function replaceEvents(db: Executor, events: RaceEventInput[], sourceKind: string): Promise<number> {
  const old = db.selectFrom('events').select('id').where('source_kind', '=', sourceKind);
  await db.deleteFrom('event_companies').where('event_id', 'in', old).execute();
  await db.deleteFrom('events').where('source_kind', '=', sourceKind).execute();
  for (let i = 0; i < events.length; i += BATCH) {
    const chunk = events.slice(i, i + BATCH);
    await db
      .insertInto('events')
      .values(chunk.map((e) => ({ id: e.id, date: e.date, kind: e.kind, title: e.title, amount: e.amount, currency: e.currency, source_url: e.sourceUrl, read_at_url: e.readAt, verified: e.verified, note: e.note, source_kind: sourceKind })))
      .execute();
    const names = chunk.flatMap((e) => e.companies.map((name, position) => ({ event_id: e.id, position, name })));
    if (names.length) await db.insertInto('event_companies').values(names).execute();
  }
  return events.length;
}

export interface EventRowQuery {
  /** Lower-case company names; an event matches when it names any of them. */
  names?: string[];
  kinds?: string[];
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  ids?: string[];
}

export interface StoredEventRow extends EventRow {
  /** Company names in file order. */
  names: string[];
}

/** Event rows in date order (then kind, then id), with their company names. */
export async function selectEvents(db: Executor, query: EventRowQuery = {}): Promise<StoredEventRow[]> {
  if (query.ids?.length === 0 || query.names?.length === 0) return [];
  let q = db.selectFrom('events').selectAll();
  if (query.names) {
    q = q.where('id', 'in', db.selectFrom('event_companies').select('event_id').where(sql<string>`lower(name)`, 'in', query.names));
  }
  if (query.kinds?.length) q = q.where('kind', 'in', query.kinds);
  if (query.from) q = q.where('date', '>=', query.from);
  if (query.to) q = q.where('date', '<=', query.to);
  if (query.ids) q = q.where('id', 'in', query.ids);
  const rows = await q.orderBy('date').orderBy('kind').orderBy('id').execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('event_companies')
    .selectAll()
    .where('event_id', 'in', rows.map((r) => r.id))
    .orderBy('event_id')
    .orderBy('position')
    .execute();
  const byEvent = new Map<string, string[]>();
  for (const l of links) byEvent.set(l.event_id, [...(byEvent.get(l.event_id) ?? []), l.name]);
  return rows.map((r) => ({ ...r, names: byEvent.get(r.id) ?? [] }));
}

/** Every company name the events use, for listing choices. */
export async function listEventCompanyNames(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('event_companies').select('name').distinct().orderBy('name').execute();
  return rows.map((r) => r.name);
}
