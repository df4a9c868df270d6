// Share prices as readers get them: `share_price` (daily closes, optionally rebased to 100) and
// `price_change` over a window, per listing, in the listing's own currency, each with the fetch
// it came from (URL and retrieval time) and how current it is. Views, the API, the CLI and the
// claim checker ask here; nothing below converts a price to another currency.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Company } from '../model/company.js';
import type { Listing } from '../model/listing.js';
import type { DailyPrice, PriceChange, PriceFetch, PriceWindow } from '../model/price.js';
import type { DocumentRef } from '../model/fact.js';
import { NotFoundError } from '../model/errors.js';
import { allCompanies } from './read-db.js';
import { listListings } from '../store/listings-repository.js';
import { currentPriceFetch, priceCoverage, selectPrices } from '../store/prices-repository.js';
import { matchListings } from '../model/listing-lookup.js';
import { priceChange, rebase, windowLabel } from './price-window.js';
import { dataAsOf, type DataAsOf } from './data-as-of.js';

export const PRICE_SERIES = ['share_price', 'price_change'] as const;

/** Where a listing's closes came from: the download that stored them. */
export interface PriceSource {
  /** "Stooq", or the host of AIRACE_PRICES_URL. */
  provider: string;
  url: string;
  retrievedAt: string;
  symbol: string;
}

/** A download as a source reference: closes from a price aggregator have no document of record behind them (`secondary`). */
export function priceDocument(s: PriceSource): DocumentRef {
  return { url: s.url, form: null, accession: null, filed: s.retrievedAt.slice(0, 10), readAt: null, verified: 'secondary' };
}

export interface ListingRef {
  listing: string;
  ticker: string;
  name: string;
  colour: string;
  exchange: string;
  kind: string;
  currency: string;
  primary: boolean;
  symbol: string;
}

export interface PriceMissing {
  reason: 'no-price-data' | 'no-base' | 'no-end';
  detail: string;
  /** The command that would load what is missing. */
  hint: string | null;
}

/** One listing's closes with their provenance, as loaded. */
export interface ListingPrices {
  ref: ListingRef;
  listing: Listing;
  prices: DailyPrice[];
  source: PriceSource | null;
}

export function providerOf(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, '');
  return host === 'stooq.com' || host === 'stooq.pl' ? 'Stooq' : host;
}

export function sourceOf(fetch: PriceFetch, listing: Listing): PriceSource {
  return { provider: providerOf(fetch.url), url: fetch.url, retrievedAt: fetch.retrievedAt, symbol: listing.symbol };
}

export function listingRef(l: Listing, companies: Company[]): ListingRef {
  const c = companies.find((x) => x.ticker === l.ticker);
  return { listing: l.id, ticker: l.ticker, name: c?.name ?? l.ticker, colour: c?.colour ?? '#555555', exchange: l.exchange, kind: l.kind, currency: l.currency, primary: l.primary, symbol: l.symbol };
}

export function syncHint(ids: string[]): string {
  return `airace prices sync ${ids.join(' ')}`;
}

export interface ListingSelection {
  listings: Listing[];
  companies: Company[];
  /** Companies asked for that have no listing in the store yet (no `prices sync` has run). */
  unlisted: Company[];
}

/**
 * The listings `queries` name (see matchListings); every stored listing when none are given,
 * or only each company's primary listing with `primaryOnly`. An unknown name is an error.
 */
export async function selectListings(db: Kysely<Database>, queries: string[], { primaryOnly = false }: { primaryOnly?: boolean } = {}): Promise<ListingSelection> {
  const companies = await allCompanies(db);
  const all = await listListings(db);
  if (!queries.length) return { listings: primaryOnly ? all.filter((l) => l.primary) : all, companies, unlisted: [] };
  const listings = new Map<string, Listing>();
  const unlisted: Company[] = [];
  for (const q of queries) {
    const m = matchListings(companies, all, q);
    if (m.kind === 'none') throw new NotFoundError('company', q, [...new Set([...companies.filter((c) => c.kind === 'company').map((c) => c.ticker), ...all.map((l) => l.id)])]);
    if (m.kind === 'company') {
      if (m.company.kind === 'group') {
        const members = await selectListings(db, m.company.members, { primaryOnly: true });
        for (const l of members.listings) listings.set(l.id, l);
        unlisted.push(...members.unlisted);
      } else unlisted.push(m.company);
      continue;
    }
    const chosen = primaryOnly && m.listings.length > 1 ? m.listings.filter((l) => l.primary) : m.listings;
    for (const l of chosen) listings.set(l.id, l);
  }
  return { listings: [...listings.values()], companies, unlisted };
}

/** Each listing's stored closes (within the range, when given) and the fetch behind them. */
export async function loadListingPrices(db: Kysely<Database>, listings: Listing[], companies: Company[], range: { from?: string; to?: string } = {}): Promise<ListingPrices[]> {
  return Promise.all(
    listings.map(async (listing) => {
      const [prices, fetch] = await Promise.all([selectPrices(db, listing.id, range), currentPriceFetch(db, listing.id)]);
      return { ref: listingRef(listing, companies), listing, prices, source: fetch ? sourceOf(fetch, listing) : null };
    }),
  );
}

/**
 * How current the prices shown are, in the shape every surface uses (series/data-as-of.ts): the
 * newest close shown is the newest period end, and the day its download was made the newest
 * document date.
 */
export function priceDataAsOf(items: { prices: readonly { date: string }[]; source: PriceSource | null }[]): DataAsOf {
  return dataAsOf(items.flatMap((i) => {
    const last = i.prices.at(-1);
    return last ? [{ end: last.date, basis: 'actual' as const, sources: [{ filed: i.source?.retrievedAt.slice(0, 10) ?? null }] }] : [];
  }));
}

function missingOf(l: ListingPrices): PriceMissing | null {
  return l.prices.length ? null : { reason: 'no-price-data', detail: `no prices stored for ${l.ref.listing}`, hint: syncHint([l.ref.listing]) };
}

// ---- share_price ----

export interface SharePricePoint {
  date: string;
  close: number;
  /** 100 at the rebase date's close; present only when rebased. */
  index?: number;
}

export interface SharePriceSeries extends ListingRef {
  source: PriceSource | null;
  /** The close the line is rebased to (on or before the rebase date), when rebased. */
  base: { asked: string; date: string; close: number } | null;
  points: SharePricePoint[];
  missing: PriceMissing | null;
}

export interface SharePriceResult {
  series: 'share_price';
  from: string | null;
  to: string | null;
  /** The date the lines are rebased to 100 at, or null for closes in each listing's currency. */
  rebase: string | null;
  dataAsOf: DataAsOf;
  listings: SharePriceSeries[];
  /** Companies asked for that have no listing yet, with the command that adds one. */
  unlisted: { ticker: string; name: string; hint: string }[];
}

export interface SharePriceQuery {
  companies: string[];
  from?: string;
  to?: string;
  /** Rebase every line to 100 at this date (the last close on or before it). */
  rebase?: string;
  primaryOnly?: boolean;
}

export async function getSharePrices(db: Kysely<Database>, q: SharePriceQuery): Promise<SharePriceResult> {
  const sel = await selectListings(db, q.companies, { primaryOnly: q.primaryOnly });
  // A rebased line needs the close on or before its start, which may be before `from`.
  const loaded = await loadListingPrices(db, sel.listings, sel.companies, { to: q.to, from: q.rebase ? undefined : q.from });
  const series = loaded.map((l): SharePriceSeries => {
    const missing = missingOf(l);
    if (q.rebase) {
      const r = rebase(l.prices, q.rebase);
      const inRange = (d: string) => (!q.from || d >= q.from) || d === r?.base.date;
      if (!r) return { ...l.ref, source: l.source, base: null, points: [], missing: missing ?? { reason: 'no-end', detail: `no close after ${q.rebase} (prices end ${l.prices.at(-1)?.date})`, hint: null } };
      return { ...l.ref, source: l.source, base: r.base, points: r.points.filter((p) => inRange(p.date)).map((p) => ({ date: p.date, close: p.close, index: p.index })), missing };
    }
    return { ...l.ref, source: l.source, base: null, points: l.prices.map((p) => ({ date: p.date, close: p.close })), missing };
  });
  return {
    series: 'share_price',
    from: q.from ?? null,
    to: q.to ?? null,
    rebase: q.rebase ?? null,
    dataAsOf: priceDataAsOf(series.map((s) => ({ prices: s.points, source: s.source }))),
    listings: series,
    unlisted: sel.unlisted.map((c) => ({ ticker: c.ticker, name: c.name, hint: syncHint([c.ticker]) })),
  };
}

// ---- price_change ----

export interface PriceChangeRow extends ListingRef {
  source: PriceSource | null;
  /** Percent; null with `missing` when it cannot be computed. */
  change: number | null;
  base: { asked: string; date: string; close: number } | null;
  end: { asked: string; date: string; close: number } | null;
  missing: PriceMissing | null;
}

export interface PriceChangeResult {
  series: 'price_change';
  window: PriceWindow & { label: string };
  dataAsOf: DataAsOf;
  listings: PriceChangeRow[];
  unlisted: { ticker: string; name: string; hint: string }[];
}

export function changeRow(l: ListingPrices, w: PriceWindow): PriceChangeRow {
  const c: PriceChange = priceChange(l.prices, w);
  if (c.value === null) {
    const hint = c.reason === 'no-price-data' ? syncHint([l.ref.listing]) : null;
    return { ...l.ref, source: l.source, change: null, base: null, end: null, missing: { reason: c.reason, detail: c.detail, hint } };
  }
  return { ...l.ref, source: l.source, change: c.value, base: c.base, end: c.end, missing: null };
}

export async function getPriceChanges(db: Kysely<Database>, q: { companies: string[]; window: PriceWindow; primaryOnly?: boolean }): Promise<PriceChangeResult> {
  const sel = await selectListings(db, q.companies, { primaryOnly: q.primaryOnly });
  const loaded = await loadListingPrices(db, sel.listings, sel.companies);
  const rows = loaded.map((l) => changeRow(l, q.window));
  return {
    series: 'price_change',
    window: { ...q.window, label: windowLabel(q.window) },
    dataAsOf: priceDataAsOf(rows.map((r) => ({ prices: r.end ? [{ date: r.end.date }] : [], source: r.source }))),
    listings: rows,
    unlisted: sel.unlisted.map((c) => ({ ticker: c.ticker, name: c.name, hint: syncHint([c.ticker]) })),
  };
}

// ---- listings ----

export interface ListingCoverage extends ListingRef {
  sourceKind: 'bundled' | 'inferred';
  note: string | null;
  days: number;
  first: string | null;
  last: string | null;
  source: PriceSource | null;
}

/** Every stored listing with how many closes it holds and the fetch behind them. */
export async function listListingCoverage(db: Kysely<Database>): Promise<ListingCoverage[]> {
  const [companies, listings, coverage] = await Promise.all([allCompanies(db), listListings(db), priceCoverage(db)]);
  return Promise.all(
    listings.map(async (l) => {
      const c = coverage.find((x) => x.listing === l.id);
      const fetch = await currentPriceFetch(db, l.id);
      return { ...listingRef(l, companies), sourceKind: l.sourceKind, note: l.note, days: c?.days ?? 0, first: c?.first ?? null, last: c?.last ?? null, source: fetch ? sourceOf(fetch, l) : null };
    }),
  );
}

/** Every listing of these companies with its closes, primary first (for the claim checker). */
export async function listingPricesOf(db: Kysely<Database>, tickers: string[]): Promise<ListingPrices[]> {
  const [companies, listings] = await Promise.all([allCompanies(db), listListings(db, tickers)]);
  return loadListingPrices(db, listings, companies);
}
