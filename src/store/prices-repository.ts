// Daily prices and the fetches they came from. A listing's prices are replaced whole by each
// fetch that changed them (the source re-adjusts its whole history after a split), inside the
// caller's transaction with the fetch record, so stored closes always match one response.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, PriceFetchesTable } from './schema.js';
import type { DailyPrice, PriceFetch } from '../model/price.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT: 8 parameters each, far under either dialect's limit. */
const ROWS_PER_INSERT = 500;

function fetchFromRow(r: Selectable<PriceFetchesTable>): PriceFetch {
  return {
    id: Number(r.id),
    listing: r.listing,
    url: r.url,
    retrievedAt: r.retrieved_at,
    status: r.status === 'unchanged' ? 'unchanged' : 'updated',
    rows: Number(r.rows),
    firstDate: r.first_date,
    lastDate: r.last_date,
    sha256: r.sha256,
    revised: Number(r.revised),
    runId: r.run_id === null ? null : Number(r.run_id),
  };
}

export type NewPriceFetch = Omit<PriceFetch, 'id' | 'status' | 'revised' | 'rows' | 'firstDate' | 'lastDate'>;

/**
 * Replaces the listing's prices with `prices` (ascending dates) and records the fetch that
 * brought them. Returns the fetch, with how many stored closes the new response revised.
 */
export async function replaceListingPrices(trx: Transaction<Database>, fetch: NewPriceFetch, prices: readonly DailyPrice[]): Promise<PriceFetch> {
  const before = await trx.selectFrom('prices').select(['date', 'close']).where('listing', '=', fetch.listing).execute();
  const old = new Map(before.map((r) => [r.date, Number(r.close)]));
  let revised = 0;
  for (const p of prices) {
    const was = old.get(p.date);
    if (was !== undefined && was !== p.close) revised++;
  }
  const row = {
    listing: fetch.listing,
    url: fetch.url,
    retrieved_at: fetch.retrievedAt,
    status: 'updated',
    rows: prices.length,
    first_date: prices[0]?.date ?? null,
    last_date: prices.at(-1)?.date ?? null,
    sha256: fetch.sha256,
    revised,
    run_id: fetch.runId,
  };
  const { id } = await trx.insertInto('price_fetches').values(row).returning('id').executeTakeFirstOrThrow();
  await trx.deleteFrom('prices').where('listing', '=', fetch.listing).execute();
  for (let i = 0; i < prices.length; i += ROWS_PER_INSERT) {
    const rows = prices.slice(i, i + ROWS_PER_INSERT).map((p) => ({ listing: fetch.listing, date: p.date, open: p.open, high: p.high, low: p.low, close: p.close, volume: p.volume, fetch_id: Number(id) }));
    await trx.insertInto('prices').values(rows).execute();
  }
  return fetchFromRow({ ...row, id: Number(id) } as Selectable<PriceFetchesTable>);
}

/** Records a fetch whose response matched what is stored (a 304, or the same bytes again). */
export async function recordUnchangedFetch(db: Executor, fetch: NewPriceFetch, stored: PriceFetch): Promise<void> {
  await db
    .insertInto('price_fetches')
    .values({ listing: fetch.listing, url: fetch.url, retrieved_at: fetch.retrievedAt, status: 'unchanged', rows: stored.rows, first_date: stored.firstDate, last_date: stored.lastDate, sha256: fetch.sha256 ?? stored.sha256, revised: 0, run_id: fetch.runId })
    .execute();
}

/** The fetch that stored the listing's current prices, or null when it has none. */
export async function currentPriceFetch(db: Executor, listing: string): Promise<PriceFetch | null> {
  const r = await db.selectFrom('price_fetches').selectAll().where('listing', '=', listing).where('status', '=', 'updated').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? fetchFromRow(r) : null;
}

/** Every fetch of the listings (newest first), for provenance: when each was last checked. */
export async function listPriceFetches(db: Executor, listings: readonly string[], limit = 20): Promise<PriceFetch[]> {
  if (!listings.length) return [];
  const rows = await db.selectFrom('price_fetches').selectAll().where('listing', 'in', [...listings]).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(fetchFromRow);
}

/** A listing's stored prices in date order, optionally within inclusive ISO dates. */
export async function selectPrices(db: Executor, listing: string, range: { from?: string; to?: string } = {}): Promise<DailyPrice[]> {
  let q = db.selectFrom('prices').select(['date', 'open', 'high', 'low', 'close', 'volume']).where('listing', '=', listing);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.orderBy('date').execute();
  const num = (v: unknown) => (v === null ? null : Number(v));
  return rows.map((r) => ({ date: r.date, open: num(r.open), high: num(r.high), low: num(r.low), close: Number(r.close), volume: num(r.volume) }));
}

/** Per listing with prices: how many days, the first and last. */
export async function priceCoverage(db: Executor): Promise<{ listing: string; days: number; first: string; last: string }[]> {
  const rows = await db
    .selectFrom('prices')
    .select((eb) => ['listing', eb.fn.countAll<number>().as('days'), eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
    .groupBy('listing')
    .orderBy('listing')
    .execute();
  return rows.map((r) => ({ listing: r.listing, days: Number(r.days), first: String(r.first), last: String(r.last) }));
}
