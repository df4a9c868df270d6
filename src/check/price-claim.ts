// Checks a claimed share-price change against one listing's closes over one window: the
// change computed from the last close on or before each end, in the listing's own currency,
// judged by the checker's tolerance rules, with the download the closes came from as source.
import type { PriceWindow } from '../model/price.js';
import { listingLabel } from '../model/listing.js';
import type { ListingPrices } from '../series/price-series.js';
import { priceChange, windowLabel } from '../series/price-window.js';
import { formatPrice } from '../chart/format-money.js';
import type { Quantity } from './claim.js';
import type { Difference, Figure, Verdict } from './check-report.js';
import { formatFigure } from './format-figure.js';
import { judge, testFor } from './tolerance.js';

export type PriceJudgement =
  | {
      verdict: Exclude<Verdict, 'not-checkable'>;
      actual: Figure;
      difference: Difference;
      /** The tolerance in words. */
      tolerance: string;
      sources: string[];
      notes: string[];
    }
  | { verdict: 'not-checkable'; reason: string; hint: string | null };

/** "Alibaba BABA (NYSE ADR)". */
export function listingName(l: ListingPrices): string {
  return `${l.ref.name} ${listingLabel({ id: l.ref.listing, exchange: l.ref.exchange, kind: l.ref.kind })}`;
}

/** The figure airace computes for the window: the change, and the two closes it compares. */
export function priceFigure(l: ListingPrices, w: PriceWindow): { figure: Figure; notes: string[] } | { missing: string; noData: boolean } {
  const c = priceChange(l.prices, w);
  if (c.value === null) return { missing: `${listingName(l)}: ${c.detail}`, noData: c.reason === 'no-price-data' };
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
  if ('missing' in f) return { verdict: 'not-checkable', reason: f.noData ? `no share prices for ${listingName(l)} in airace` : f.missing, hint: f.noData ? `airace prices sync ${l.ref.listing}` : null };
  const test = testFor(q, q.direction === 'down' ? -1 : 1);
  const { verdict, difference } = judge(test, f.figure.value);
  return { verdict, actual: f.figure, difference, tolerance: test.words, sources: l.source ? [l.source.url] : [], notes: f.notes };
}
