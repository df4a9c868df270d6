// Share-price arithmetic on one listing's closes (ascending dates): the last close on or before
// a date (weekends and holidays fall back to the session before), price changes over a window,
// daily moves, and a line rebased to 100. Closes are as the source adjusted them for splits, so
// a change across a split is the change a holder saw.
import type { CloseOn, DailyPrice, PriceChange, PriceWindow } from '../model/price.js';

type Closes = readonly Pick<DailyPrice, 'date' | 'close'>[];

/** Index of the last close on or before `date`, or -1. */
function indexOnOrBefore(prices: Closes, date: string): number {
  let lo = 0;
  let hi = prices.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (prices[mid]!.date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function closeOnOrBefore(prices: Closes, date: string): CloseOn | null {
  const i = indexOnOrBefore(prices, date);
  return i < 0 ? null : { asked: date, date: prices[i]!.date, close: prices[i]!.close };
}

/** ISO date `days` calendar days before `iso`. */
export function daysBefore(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The two dates a window compares, before trading days are looked up. */
export function windowDates(w: PriceWindow): { base: string; end: string } {
  switch (w.kind) {
    case 'ytd':
      return { base: `${Number(w.asOf.slice(0, 4)) - 1}-12-31`, end: w.asOf };
    case 'days':
      return { base: daysBefore(w.asOf, w.days), end: w.asOf };
    case 'day':
      return { base: w.asOf, end: w.asOf };
    case 'between':
      return { base: w.from, end: w.to };
  }
}

/** "year to 2025-03-01", "30 days to 2025-03-01", "the session of 2025-02-21", "2025-01-02 to 2025-03-01". */
export function windowLabel(w: PriceWindow): string {
  switch (w.kind) {
    case 'ytd':
      return `year to ${w.asOf}`;
    case 'days':
      return `${w.days} days to ${w.asOf}`;
    case 'day':
      return `the session on or before ${w.asOf}`;
    case 'between':
      return `${w.from} to ${w.to}`;
  }
}

/** The change in percent over the window, or why there is none. */
export function priceChange(prices: Closes, w: PriceWindow): PriceChange {
  if (!prices.length) return { value: null, reason: 'no-price-data', detail: 'no prices stored for this listing' };
  const { base: baseDate, end: endDate } = windowDates(w);
  const e = indexOnOrBefore(prices, endDate);
  if (e < 0) return { value: null, reason: 'no-end', detail: `no close on or before ${endDate} (prices start ${prices[0]!.date})` };
  const end: CloseOn = { asked: endDate, date: prices[e]!.date, close: prices[e]!.close };
  let b: number;
  if (w.kind === 'day') b = e - 1;
  else b = indexOnOrBefore(prices, baseDate);
  if (b < 0) {
    const what = w.kind === 'day' ? `no session before ${end.date}` : `no close on or before ${baseDate}`;
    return { value: null, reason: 'no-base', detail: `${what} (prices start ${prices[0]!.date})` };
  }
  const base: CloseOn = { asked: w.kind === 'day' ? prices[b]!.date : baseDate, date: prices[b]!.date, close: prices[b]!.close };
  return { value: (end.close / base.close - 1) * 100, base, end };
}

export interface DailyMove {
  date: string;
  previousDate: string;
  close: number;
  previousClose: number;
  /** Percent, close against the previous session's. */
  change: number;
}

/** Close-to-close moves, one per session after the first. */
export function dailyMoves(prices: Closes): DailyMove[] {
  const moves: DailyMove[] = [];
  for (let i = 1; i < prices.length; i++) {
    const p = prices[i - 1]!;
    const c = prices[i]!;
    moves.push({ date: c.date, previousDate: p.date, close: c.close, previousClose: p.close, change: (c.close / p.close - 1) * 100 });
  }
  return moves;
}

/**
 * The largest moves by size (up or down), at most `top` per calendar year and none smaller than
 * `minChange` percent, newest year first then largest first: the days a timeline marks.
 */
export function largestMoves(prices: Closes, { top = 3, minChange = 5 }: { top?: number; minChange?: number } = {}): DailyMove[] {
  const byYear = new Map<string, DailyMove[]>();
  for (const m of dailyMoves(prices)) {
    if (Math.abs(m.change) < minChange) continue;
    const y = m.date.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), m]);
  }
  return [...byYear.keys()]
    .sort()
    .reverse()
    .flatMap((y) => byYear.get(y)!.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.date < b.date ? -1 : 1)).slice(0, top));
}

/**
 * The closes from `start` on, as an index: 100 at the last close on or before `start` (the
 * first close after it when the listing began later). null when there is no close after `start`.
 */
export function rebase(prices: Closes, start: string): { base: CloseOn; points: { date: string; close: number; index: number }[] } | null {
  let b = indexOnOrBefore(prices, start);
  if (b < 0) b = 0;
  if (!prices.length || prices.at(-1)!.date < start) return null;
  const base: CloseOn = { asked: start, date: prices[b]!.date, close: prices[b]!.close };
  return { base, points: prices.slice(b).map((p) => ({ date: p.date, close: p.close, index: (p.close / base.close) * 100 })) };
}
