// The race timeline as views get it: events with each named company linked to the store
// where it is one, filtered by company (ticker, name, alias or plain name), kind and date.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { CompanyIndex } from '../model/company-match.js';
import type { EventKind, RaceEvent } from '../model/race-event.js';
import type { VerificationLevel } from '../model/fact.js';
import { NotFoundError } from '../model/errors.js';
import { companyDirectory, type CompanyDirectory } from './company-directory.js';
import { listEventCompanyNames, selectEvents, type StoredEventRow } from '../store/events-repository.js';
import { getMarketMoves, moveEvent } from './market-moves.js';

export interface EventQuery {
  /** Stored companies by ticker, name or alias ("Google"; a group means its members), or plain names (OpenAI). */
  companies?: string[];
  kinds?: EventKind[];
  /** Inclusive ISO dates (see parseDateBound for --from 2025). */
  from?: string;
  to?: string;
  ids?: string[];
  /**
   * Add the listings' largest daily moves, computed from stored share prices, as `market`
   * events (see market-moves.ts). On by default; charts turn it off unless `market` is asked for.
   */
  marketMoves?: boolean;
}

export async function listEvents(db: Kysely<Database>, query: EventQuery = {}): Promise<RaceEvent[]> {
  const directory = await companyDirectory(db);
  const names = query.companies?.length ? await namesFor(db, directory, query.companies) : undefined;
  const rows = await selectEvents(db, { names, kinds: query.kinds, from: query.from, to: query.to, ids: query.ids });
  const stored = directory.companiesIndex;
  const events = rows.map((r) => linked(r, stored));
  if (query.marketMoves === false || (query.kinds && !query.kinds.includes('market'))) return events;
  const moves = (await getMarketMoves(db, { from: query.from, to: query.to }))
    .map(moveEvent)
    .filter((e) => (!names || e.companies.some((c) => names.includes(c.name.toLowerCase()))) && (!query.ids || query.ids.includes(e.id)));
  if (!moves.length) return events;
  // The store's order: date, kind, id.
  const key = (e: RaceEvent) => `${e.date}|${e.kind}|${e.id}`;
  return [...events, ...moves].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

function linked(r: StoredEventRow, companies: CompanyIndex): RaceEvent {
  return {
    id: r.id,
    date: r.date,
    kind: r.kind as EventKind,
    title: r.title,
    companies: r.names.map((name) => ({ name, ticker: companies.find(name)?.ticker ?? null })),
    amount: r.amount === null ? null : Number(r.amount),
    currency: r.currency,
    sourceUrl: r.source_url,
    readAt: r.read_at_url,
    verified: r.verified as VerificationLevel,
    note: r.note,
  };
}

/**
 * The lower-cased names that stand for the requested companies: a stored company by its
 * ticker, name or any alias; anything else by its own name. A name that neither the store nor
 * any event knows is an error listing the choices, as an unknown ticker is for series.
 */
async function namesFor(db: Kysely<Database>, directory: CompanyDirectory, queries: string[]): Promise<string[]> {
  const used = await listEventCompanyNames(db);
  const { all: companies, index } = directory;
  const names = new Set<string>();
  for (const q of queries) {
    const c = index.find(q);
    const members = c?.kind === 'group' ? companies.filter((x) => c.members.includes(x.ticker)) : c ? [c] : [];
    for (const m of members) for (const n of [m.ticker, m.name, ...m.aliases]) names.add(n.toLowerCase());
    if (members.length) continue;
    const plain = used.find((n) => n.toLowerCase() === q.trim().toLowerCase());
    if (!plain) {
      const choices = [...companies.map((x) => x.ticker), ...used.filter((n) => !index.find(n))];
      throw new NotFoundError('company', q, choices);
    }
    names.add(plain.toLowerCase());
  }
  return [...names];
}
