// Share prices as flat rows: the one shape behind `airace prices --format csv`, the API's CSV
// twins and the pages' CSV downloads, so every surface says the same.
import type { PriceChangeResult, SharePriceResult } from '../series/price-series.js';
import type { MarketMove } from '../series/market-moves.js';

export const SHARE_PRICE_COLUMNS = ['listing', 'ticker', 'name', 'exchange', 'currency', 'date', 'close', 'index', 'source_url', 'retrieved_at'] as const;

export function sharePriceRows(r: SharePriceResult): (string | number | null)[][] {
  return r.listings.flatMap((s) => s.points.map((p) => [s.listing, s.ticker, s.name, s.exchange, s.currency, p.date, p.close, p.index ?? null, s.source?.url ?? null, s.source?.retrievedAt ?? null]));
}

export const PRICE_CHANGE_COLUMNS = ['listing', 'ticker', 'name', 'exchange', 'currency', 'window', 'base_date', 'base_close', 'end_date', 'end_close', 'change_pct', 'missing', 'source_url', 'retrieved_at'] as const;

export function priceChangeRows(r: PriceChangeResult): (string | number | null)[][] {
  return r.listings.map((s) => [s.listing, s.ticker, s.name, s.exchange, s.currency, r.window.label, s.base?.date ?? null, s.base?.close ?? null, s.end?.date ?? null, s.end?.close ?? null, s.change, s.missing?.detail ?? null, s.source?.url ?? null, s.source?.retrievedAt ?? null]);
}

export const MOVE_COLUMNS = ['listing', 'ticker', 'name', 'exchange', 'currency', 'date', 'previous_date', 'previous_close', 'close', 'change_pct', 'rank_in_year', 'source_url', 'retrieved_at'] as const;

export function moveRows(moves: MarketMove[]): (string | number | null)[][] {
  return moves.map((m) => [m.listing, m.ticker, m.name, m.exchange, m.currency, m.date, m.previousDate, m.previousClose, m.close, m.change, m.rank, m.source.url, m.source.retrievedAt]);
}

/** "+70.0%", "-3.1%": a price change as every surface prints it. */
export function formatPriceChange(change: number): string {
  return `${change >= 0 ? '+' : '-'}${Math.abs(change).toFixed(1)}%`;
}
