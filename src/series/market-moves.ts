// Market moves: each listing's largest daily moves (at most three a year, 5% or more), for
// `airace prices moves`, the API and the race timeline, where they appear as `market` events
// computed from the stored closes (never stored as events themselves).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { RaceEvent } from '../model/race-event.js';
import { listingLabel } from '../model/listing.js';
import { loadListingPrices, selectListings, type ListingRef, type PriceSource } from './price-series.js';
import { largestMoves, type DailyMove } from './price-window.js';

export const MOVES_PER_YEAR = 3;
export const MIN_MOVE_PERCENT = 5;

export interface MarketMove extends DailyMove, ListingRef {
  /** 1 for the year's largest move of this listing, 2 for the next... */
  rank: number;
  source: PriceSource;
}

export interface MoveQuery {
  companies?: string[];
  from?: string;
  to?: string;
  top?: number;
  minChange?: number;
}

export async function getMarketMoves(db: Kysely<Database>, q: MoveQuery = {}): Promise<MarketMove[]> {
  const sel = await selectListings(db, q.companies ?? []);
  const loaded = await loadListingPrices(db, sel.listings, sel.companies);
  const moves: MarketMove[] = [];
  for (const l of loaded) {
    if (!l.source) continue;
    let rank = 0;
    let year = '';
    for (const m of largestMoves(l.prices, { top: q.top ?? MOVES_PER_YEAR, minChange: q.minChange ?? MIN_MOVE_PERCENT })) {
      rank = m.date.slice(0, 4) === year ? rank + 1 : 1;
      year = m.date.slice(0, 4);
      if ((q.from && m.date < q.from) || (q.to && m.date > q.to)) continue;
      moves.push({ ...m, ...l.ref, rank, source: l.source });
    }
  }
  return moves.sort((a, b) => (a.date === b.date ? (a.listing < b.listing ? -1 : 1) : a.date < b.date ? -1 : 1));
}

const ORDINAL = ['', 'largest', 'second-largest', 'third-largest'];

/** A move as a timeline event: written by airace, cited to the download its closes came from. */
export function moveEvent(m: MarketMove): RaceEvent {
  const pct = `${Math.abs(m.change).toFixed(1)}%`;
  const where = listingLabel({ id: m.listing, exchange: m.exchange, kind: m.kind });
  const rank = ORDINAL[m.rank] ?? `${m.rank}th-largest`;
  return {
    id: `${m.date}-market-${m.listing.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-move`,
    date: m.date,
    kind: 'market',
    title: `${m.name} shares ${m.change >= 0 ? 'rise' : 'fall'} ${pct} in a day on ${m.exchange}, their ${rank} daily move of ${m.date.slice(0, 4)}`,
    companies: [{ name: m.ticker, ticker: m.ticker }],
    amount: null,
    currency: null,
    sourceUrl: m.source.url,
    // Closes from a price aggregator: no document of record behind them.
    readAt: null,
    verified: 'secondary',
    note: `${where}: close ${m.close.toFixed(2)} ${m.currency} on ${m.date} against ${m.previousClose.toFixed(2)} on ${m.previousDate}; computed by airace from ${m.source.provider} daily closes retrieved ${m.source.retrievedAt}`,
  };
}
