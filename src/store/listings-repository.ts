// Listings: where each company's shares trade, and the price source's symbol for each.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ListingsTable } from './schema.js';
import type { Listing } from '../model/listing.js';

type Executor = Kysely<Database> | Transaction<Database>;

function fromRow(r: Selectable<ListingsTable>): Listing {
  return {
    id: r.id,
    ticker: r.ticker,
    symbol: r.symbol,
    exchange: r.exchange,
    country: r.country,
    currency: r.currency,
    kind: r.kind,
    primary: Number(r.is_primary) === 1,
    words: JSON.parse(r.words) as string[],
    note: r.note,
    sourceKind: r.source_kind === 'inferred' ? 'inferred' : 'bundled',
  };
}

export async function upsertListing(db: Executor, l: Listing): Promise<void> {
  const row = {
    id: l.id,
    ticker: l.ticker,
    symbol: l.symbol,
    exchange: l.exchange,
    country: l.country,
    currency: l.currency,
    kind: l.kind,
    is_primary: l.primary ? 1 : 0,
    words: JSON.stringify(l.words),
    note: l.note,
    source_kind: l.sourceKind,
  };
  const { id, ...rest } = row;
  await db.insertInto('listings').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
}

/** Listings of these companies (all when omitted), primary first, then by id. */
export async function listListings(db: Executor, tickers?: readonly string[]): Promise<Listing[]> {
  if (tickers && !tickers.length) return [];
  let q = db.selectFrom('listings').selectAll();
  if (tickers) q = q.where('ticker', 'in', [...tickers]);
  const rows = await q.orderBy('ticker').orderBy('is_primary', 'desc').orderBy('id').execute();
  return rows.map(fromRow);
}
