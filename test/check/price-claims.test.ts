// Share-price claims, module by module: which listing a sentence means, which window its words
// give, and the verdict for a listing, window and claimed change (with its sources), on
// SYNTHETIC closes whose true changes the test states.
import { describe, expect, it } from 'vitest';
import { readCompaniesCsv } from '../../src/ingest/companies-csv.js';
import { readListingsCsv } from '../../src/ingest/prices/listings-csv.js';
import { bundledDataDir } from '../../src/config/paths.js';
import { extractClaims } from '../../src/check/extract-claims.js';
import { chooseListing } from '../../src/check/price-listing.js';
import { claimWindow } from '../../src/check/price-claim-window.js';
import { judgePriceClaim } from '../../src/check/price-claim.js';
import { listingRef, type ListingPrices } from '../../src/series/price-series.js';
import type { Claim } from '../../src/check/claim.js';
import { syntheticPrices } from '../prices/synthetic-prices.js';
import { BABA_SYNTHETIC, HK_SYNTHETIC } from '../prices/price-test-kit.js';
import { join } from 'node:path';

const companies = readCompaniesCsv(join(bundledDataDir(), 'companies.csv'), 'companies.csv').rows.map((r) => r.value);
const listings = readListingsCsv(join(bundledDataDir(), 'listings.csv'), 'listings.csv', new Set(companies.map((c) => c.ticker))).rows.map((r) => r.value);
const baba = listings.filter((l) => l.ticker === 'BABA');
const adr = baba.find((l) => l.id === 'BABA')!;
const hk = baba.find((l) => l.id === '9988.HK')!;

const source = (symbol: string) => ({ provider: 'Stooq', url: `https://stooq.com/q/d/l/?s=${symbol}&i=d`, retrievedAt: '2025-03-04T08:00:00.000Z', symbol });
const priced = (listing: typeof adr, rows: { date: string; close: number }[]): ListingPrices => ({
  ref: listingRef(listing, companies),
  listing,
  prices: rows.map((r) => ({ date: r.date, open: null, high: null, low: null, close: r.close, volume: null })),
  source: source(listing.symbol),
});
const adrPrices = priced(adr, syntheticPrices(BABA_SYNTHETIC));
const hkPrices = priced(hk, syntheticPrices(HK_SYNTHETIC));

/** The one share-price claim of a sentence about Alibaba. */
function claimOf(text: string, date = '2025-03-01'): Claim {
  const claims = extractClaims(`Alibaba results. ${text}`, companies, { date }).claims.filter((c) => c.metric?.id === 'share_price');
  expect(claims, text).toHaveLength(1);
  return claims[0]!;
}

describe('chooseListing', () => {
  it('takes the listing the sentence names, else the primary one', () => {
    expect(chooseListing(claimOf("Alibaba's Hong Kong-listed shares dipped 3%."), baba)).toMatchObject({ listing: { id: '9988.HK' }, words: 'Hong Kong-listed' });
    expect(chooseListing(claimOf('Alibaba shares fell 3% in Hong Kong.'), baba)).toMatchObject({ listing: { id: '9988.HK' }, words: 'Hong Kong' });
    expect(chooseListing(claimOf('Its ADRs rose 5% on the day.'), baba)).toMatchObject({ listing: { id: 'BABA' }, words: 'ADRs' });
    expect(chooseListing(claimOf('Alibaba stock is up 70% this year.'), baba)).toMatchObject({ listing: { id: 'BABA', primary: true }, words: null });
  });

  it('reads each clause of a sentence that names both markets', () => {
    const text = "Alibaba's New York-listed shares have gained 45% so far this year, while its Hong Kong stock rose 40%.";
    const claims = extractClaims(text, companies, { date: '2025-03-01' }).claims.filter((c) => c.metric?.id === 'share_price');
    expect(claims.map((c) => chooseListing(c, baba)!.listing.id)).toEqual(['BABA', '9988.HK']);
  });
});

describe('claimWindow', () => {
  const w = (text: string, date: string | null = '2025-03-01') => claimWindow(claimOf(text, date ?? '2025-03-01'), date);
  it('reads the window from the words and the article date', () => {
    expect(w('Alibaba stock soared 70% this year.')).toMatchObject({ window: { kind: 'ytd', asOf: '2025-03-01' } });
    expect(w('Alibaba shares were up 14% on the day.')).toMatchObject({ window: { kind: 'day', asOf: '2025-03-01' } });
    // A weekday is the latest one on or before the article date (2025-03-05 is a Wednesday).
    expect(w('Alibaba shares fell 3% in Hong Kong on Monday.', '2025-03-05')).toMatchObject({ window: { kind: 'day', asOf: '2025-03-03' } });
    expect(w('Alibaba shares have fallen 10% over the past month.')).toMatchObject({ window: { kind: 'days', days: 30, asOf: '2025-03-01' } });
    expect(w('Alibaba shares rose 5% in the last five days.')).toMatchObject({ window: { kind: 'days', days: 5 } });
    expect(w('Alibaba shares rose 20% in 2024.')).toMatchObject({ window: { kind: 'between', from: '2023-12-31', to: '2024-12-31' } });
  });

  it('reads no window as the day’s move, and says so; needs a date for relative words', () => {
    expect(w('Alibaba shares dipped 3% in Hong Kong.')).toMatchObject({ window: { kind: 'day' }, words: null, note: expect.stringContaining('no period stated') });
    expect(w('Alibaba stock soared 70% this year.', null)).toMatchObject({ code: 'period-unresolved', reason: expect.stringContaining('give --date') });
  });
});

describe('judgePriceClaim', () => {
  it('supports "soared 70% this year" when the listing rose 70% from the last close of the year before', () => {
    const c = claimOf('Alibaba stock soared 70% this year.');
    const j = judgePriceClaim(c.quantity!, adrPrices, { kind: 'ytd', asOf: '2025-03-01' });
    expect(j.verdict).toBe('supported');
    if (j.verdict === 'not-checkable') return;
    expect(j.actual.value).toBeCloseTo(70, 10);
    expect(j.actual).toMatchObject({ start: '2024-12-31', end: '2025-02-28', unit: 'percent' });
    expect(j.actual.derivation).toBe('close $136.00 (2025-02-28) ÷ $80.00 (2024-12-31) − 1, in USD');
    // The download is the source: a price aggregator, no document of record behind it.
    expect(j.sources).toEqual([{ url: 'https://stooq.com/q/d/l/?s=baba.us&i=d', form: null, accession: null, filed: '2025-03-04', readAt: null, verified: 'secondary' }]);
    expect(j.notes.join(' ')).toMatch(/no session on 2025-03-01: the last close on or before it is 2025-02-28's/);
  });

  it('contradicts the same words against a listing that rose far less, and checks falls with their sign', () => {
    const c = claimOf('Alibaba stock soared 70% this year.');
    // The Hong Kong line: 75 → 130 HKD, +73.3%.
    expect(judgePriceClaim(c.quantity!, hkPrices, { kind: 'ytd', asOf: '2025-03-01' })).toMatchObject({ verdict: 'contradicted', difference: { display: '+3.3 pp' } });
    const down = claimOf('Alibaba shares fell 3% in Hong Kong.');
    // 130.00 → 126.10 on Monday 2025-03-03: -3.0%.
    expect(judgePriceClaim(down.quantity!, hkPrices, { kind: 'day', asOf: '2025-03-03' })).toMatchObject({ verdict: 'supported', actual: { value: expect.closeTo(-3, 6) } });
    const up = claimOf('Alibaba shares were up 14% on the day.');
    expect(judgePriceClaim(up.quantity!, adrPrices, { kind: 'day', asOf: '2025-02-21' })).toMatchObject({ verdict: 'supported', actual: { value: expect.closeTo(14, 6), start: '2025-02-20', end: '2025-02-21' } });
    expect(judgePriceClaim(up.quantity!, adrPrices, { kind: 'day', asOf: '2025-02-20' }).verdict).toBe('contradicted');
  });

  it('is not checkable without prices, and says which command loads them', () => {
    const c = claimOf('Alibaba stock soared 70% this year.');
    expect(judgePriceClaim(c.quantity!, { ...adrPrices, prices: [] }, { kind: 'ytd', asOf: '2025-03-01' })).toEqual({ verdict: 'not-checkable', reason: 'Alibaba BABA (NYSE ADR): no prices stored for this listing', hint: 'airace prices sync BABA' });
  });
});
