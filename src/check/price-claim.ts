// Checks a claimed share-price change against one listing's closes over one window: the
// change computed from the last close on or before each end, in the listing's own currency,
// judged by the checker's tolerance rules, with the download the closes came from as source.
// Closes that do not reach a window's end (a download older than the article), or a gap of more
// than a fortnight's holidays before either end, give no figure: airace never computes a change
// from a close that is not the one the writer saw.
import type { PriceWindow } from '../model/price.js';
import { listingLabel } from '../model/listing.js';
import { priceDocument, syncHint, type ListingPrices } from '../series/price-series.js';
import { daysBefore, priceChange, windowLabel } from '../series/price-window.js';
import { formatPrice } from '../model/format-figure.js';
import type { Quantity } from './claim.js';
import type { Difference, Figure, SourceDocument, Verdict } from './check-report.js';
import { formatFigure } from '../model/format-figure.js';
import { judge, testFor } from './tolerance.js';

export type PriceJudgement =
  | {
      verdict: Exclude<Verdict, 'not-checkable'>;
      actual: Figure;
      difference: Difference;
      /** The tolerance in words. */
      tolerance: string;
      sources: SourceDocument[];
      notes: string[];
    }
  | { verdict: 'not-checkable'; reason: string; hint: string | null };

/** "Alibaba BABA (NYSE ADR)". */
export function listingName(l: ListingPrices): string {
  return `${l.ref.name} ${listingLabel({ id: l.ref.listing, exchange: l.ref.exchange, kind: l.ref.kind })}`;
}

/** Longest stretch without a session that a close still stands for (Lunar New Year, Golden Week, Christmas). */
export const MAX_GAP_DAYS = 10;

/** The figure airace computes for the window: the change, and the two closes it compares. */
export function priceFigure(l: ListingPrices, w: PriceWindow): { figure: Figure; notes: string[] } | { missing: string; noData: boolean } {
  const c = priceChange(l.prices, w);
  if (c.value === null) return { missing: `${listingName(l)}: ${c.detail}`, noData: c.reason === 'no-price-data' };
  const last = l.prices.at(-1)!.date;
  const downloaded = l.source?.retrievedAt.slice(0, 10) ?? last;
  if (c.end.asked > last && downloaded < c.end.asked) {
    return { missing: `${listingName(l)}: its closes end ${last} (downloaded ${downloaded}), before the window ends on ${c.end.asked}`, noData: true };
  }
  for (const end of w.kind === 'day' ? [c.end] : [c.base, c.end]) {
    if (end.date < daysBefore(end.asked, MAX_GAP_DAYS)) return { missing: `${listingName(l)}: no close in the ${MAX_GAP_DAYS} days before ${end.asked} (the last is ${end.date}'s)`, noData: false };
  }
  const cur = l.ref.currency;
  const notes: string[] = [];
  for (const end of [c.base, c.end]) {
    if (end.date !== end.asked && !(w.kind === 'day' && end === c.base)) notes.push(`no session on ${end.asked}: the last close on or before it is ${end.date}'s`);
  }
  if (l.source) notes.push(`closes from ${l.source.provider} (${l.source.symbol}), downloaded ${l.source.retrievedAt}; prices as the source adjusts them for splits`);
  return {
    figure: {
      value: c.value,
      unit: 'percent',
      display: formatFigure(c.value, 'percent', 1),
      label: `${listingName(l)} share price, ${windowLabel(w)}: ${c.base.date} to ${c.end.date}`,
      start: c.base.date,
      end: c.end.date,
      basis: 'actual',
      fx: null,
      derivation: `close ${formatPrice(c.end.close, cur)} (${c.end.date}) ÷ ${formatPrice(c.base.close, cur)} (${c.base.date}) − 1, in ${cur}`,
      statedOn: null,
    },
    notes,
  };
}

/** The verdict on `q` (a percentage change, its direction in `q.direction`) for listing `l` over `w`. */
export function judgePriceClaim(q: Quantity, l: ListingPrices, w: PriceWindow): PriceJudgement {
  const f = priceFigure(l, w);
  if ('missing' in f) return { verdict: 'not-checkable', reason: f.missing, hint: f.noData ? syncHint([l.ref.listing]) : null };
  const test = testFor(q, q.direction === 'down' ? -1 : 1);
  const { verdict, difference } = judge(test, f.figure.value);
  return { verdict, actual: f.figure, difference, tolerance: test.words, sources: l.source ? [priceDocument(l.source)] : [], notes: f.notes };
}
