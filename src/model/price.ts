// Daily share prices as stored: one close per listing and trading day, in the listing's own
// currency and as the source adjusted them (for splits), each traced to the fetch it came from.

export interface DailyPrice {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  volume: number | null;
}

/** One download of a listing's prices: the provenance of every close it stored. */
export interface PriceFetch {
  id: number;
  listing: string;
  url: string;
  /** ISO timestamp of the response. */
  retrievedAt: string;
  status: 'updated' | 'unchanged';
  rows: number;
  firstDate: string | null;
  lastDate: string | null;
  sha256: string | null;
  /** Closes that differ from the previous fetch for the same date (the source re-adjusted its history). */
  revised: number;
  runId: number | null;
}

export const PRICE_WINDOW_KINDS = ['ytd', 'days', 'day', 'between'] as const;

/**
 * The window a price change is measured over. `asOf` (and `to`) fall back to the last close
 * on or before them, so a weekend or holiday means the session before it.
 * - `ytd`: from the last close of the previous year to `asOf`.
 * - `days`: over `days` calendar days ending on `asOf`.
 * - `day`: the session on or before `asOf` against the session before it ("up 14% on the day").
 * - `between`: from the close on or before `from` to the close on or before `to`.
 */
export type PriceWindow =
  | { kind: 'ytd'; asOf: string }
  | { kind: 'days'; days: number; asOf: string }
  | { kind: 'day'; asOf: string }
  | { kind: 'between'; from: string; to: string };

/** A close used in a computation: the date it is from may be before the date asked for. */
export interface CloseOn {
  /** The date asked for. */
  asked: string;
  /** The trading day whose close it is (on or before `asked`). */
  date: string;
  close: number;
}

export type PriceChange =
  | { value: number; base: CloseOn; end: CloseOn }
  | { value: null; reason: 'no-price-data' | 'no-base' | 'no-end'; detail: string };
