// Share-price claims through the whole checker (checkArticle) on a store holding SYNTHETIC closes
// for Alibaba's two listings: the verdict, what it was checked against and how each part was
// found (listing, window), and the rule that a guess never contradicts. The true changes are
// computed here from the closes the store was given, never typed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { checkArticle } from '../../src/check/check-article.js';
import type { CheckReport, CheckedClaim } from '../../src/check/check-report.js';
import { reportToText } from '../../src/check/report-text.js';
import type { PriceVerifier } from '../../src/check/verify-price.js';
import { replaceListingPrices } from '../../src/store/prices-repository.js';
import { closeOnOrBefore } from '../../src/series/price-window.js';
import { syntheticPrices } from '../prices/synthetic-prices.js';
import { BABA_SYNTHETIC, HK_SYNTHETIC, listingsStore } from '../prices/price-test-kit.js';
import { DIALECTS } from '../helpers/dialects.js';

const adr = syntheticPrices(BABA_SYNTHETIC);
const hk = syntheticPrices(HK_SYNTHETIC);
// Downloaded the day after the last close (2025-06-30).
const RETRIEVED = '2025-07-01T08:00:00.000Z';

async function storeWith(listings: Record<string, typeof adr>): Promise<Store> {
  const store = await listingsStore(DIALECTS[0]!);
  await store.db.transaction().execute(async (trx) => {
    for (const [listing, prices] of Object.entries(listings)) {
      await replaceListingPrices(trx, { listing, url: `https://stooq.com/q/d/l/?s=${listing.toLowerCase()}&i=d`, retrievedAt: RETRIEVED, sha256: null, runId: null }, prices);
    }
  });
  return store;
}

/** The change in percent between the closes on or before two dates. */
function change(prices: typeof adr, from: string, to: string): number {
  return (closeOnOrBefore(prices, to)!.close / closeOnOrBefore(prices, from)!.close - 1) * 100;
}

const priceClaims = (r: CheckReport) => r.claims.filter((c) => c.metric === 'share_price');
function only(r: CheckReport): CheckedClaim {
  const cs = priceClaims(r);
  expect(cs, r.text).toHaveLength(1);
  return cs[0]!;
}

describe('share-price claims against stored closes (both listings)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWith({ BABA: adr, '9988.HK': hk });
  });
  afterAll(() => store?.close());
  const check = (text: string, date: string, prices?: PriceVerifier) => checkArticle(store.db, text, { date, charts: false, ...(prices ? { prices } : {}) });

  it('supports the primary listing’s year-to-date gain and records how the listing and window were found', async () => {
    const r = await check('Alibaba stock has soared 70% this year.', '2025-03-01');
    const c = only(r);
    expect(c).toMatchObject({ verdict: 'supported', reasonCode: null, actual: { start: '2024-12-31', end: '2025-02-28' } });
    expect(c.actual!.value).toBeCloseTo(70, 6);
    expect(c.against).toMatchObject({
      company: { tickers: ['BABA'], how: 'stated' },
      listing: { id: 'BABA', label: 'BABA (NYSE ADR)', how: 'inferred', words: null },
      metric: { id: 'share_price', how: 'stated' },
      period: { label: 'year to 2025-03-01', start: '2024-12-31', end: '2025-02-28', how: 'article-date' },
    });
    expect(c.sources).toEqual([{ url: 'https://stooq.com/q/d/l/?s=baba&i=d', form: null, accession: null, filed: '2025-07-01', readAt: null, verified: 'secondary' }]);
    // The Hong Kong line over the same window is shown beside it, judged by the same test (73.3%: contradicted).
    expect(c.alsoAgainst[0]).toMatchObject({ label: 'the Alibaba 9988.HK (HKEX) listing over the same window', verdict: 'contradicted' });
    expect(reportToText(r)).toContain('against  Alibaba (stated) · BABA (NYSE ADR) (inferred: not stated) · share price (stated) · year to 2025-03-01, 2024-12-31 to 2025-02-28 (from the article date)');
  });

  it('takes the listing the words name, and says which words', async () => {
    const c = only(await check('Alibaba’s Hong Kong-listed shares have risen 73% this year.', '2025-03-01'));
    expect(c).toMatchObject({ verdict: 'supported', against: { listing: { id: '9988.HK', how: 'stated', words: 'Hong Kong-listed' } } });
    expect(c.actual!.value).toBeCloseTo(change(hk, '2024-12-31', '2025-02-28'), 6);
  });

  it('when no market is named, a figure right for another listing is right for it (matched), with the primary shown', async () => {
    const c = only(await check('Alibaba shares have risen 73% this year.', '2025-03-01'));
    expect(c).toMatchObject({ verdict: 'supported', against: { listing: { id: '9988.HK', how: 'matched' } } });
    expect(c.notes[0]).toMatch(/^listing: Alibaba 9988\.HK \(HKEX\), whose move matches \(the sentence names no market; the primary listing is Alibaba BABA \(NYSE ADR\)\)/);
    expect(c.alsoAgainst[0]).toMatchObject({ label: 'the Alibaba BABA (NYSE ADR) listing over the same window', verdict: 'contradicted' });
  });

  it('contradicts a figure no listing matches when every listing was checked over a firm window', async () => {
    const c = only(await check('Alibaba shares have risen 40% this year.', '2025-03-01'));
    expect(c).toMatchObject({ verdict: 'contradicted', against: { listing: { id: 'BABA', how: 'inferred' }, period: { how: 'article-date' } } });
    expect(c.actual!.value).toBeCloseTo(70, 6);
  });

  it('never contradicts on an inferred window: a claim with no window words is the day’s move, a guess', async () => {
    const right = only(await check('Alibaba’s ADRs jumped 14%.', '2025-02-21'));
    expect(right).toMatchObject({ verdict: 'supported', against: { period: { how: 'inferred', start: '2025-02-20', end: '2025-02-21' } } });
    const wrong = only(await check('Alibaba’s ADRs jumped 9%.', '2025-02-21'));
    expect(wrong.verdict).toBe('not-checkable');
    expect(wrong.reasonCode).toBe('guessed');
    expect(wrong.reason).toMatch(/^resolved by a guess \(the period is not stated \(the session on or before 2025-02-21 was inferred\)\): the figure does not match the candidate considered, 14\.0% \(Alibaba BABA \(NYSE ADR\) share price, the session on or before 2025-02-21: 2025-02-20 to 2025-02-21\), \+5\.0 pp$/);
  });

  it('does not borrow a later clause’s window, and carries one from earlier in the sentence', async () => {
    const r = await check('Alibaba’s Hong Kong shares fell 3%, while its ADRs have gained 70% this year.', '2025-03-03');
    const [hkDay, adrYear] = priceClaims(r);
    // "this year" belongs to the ADR figure: the Hong Kong figure is the day's move (-3.0% on 2025-03-03).
    expect(hkDay).toMatchObject({ verdict: 'supported', against: { listing: { id: '9988.HK', how: 'stated' }, period: { how: 'inferred', end: '2025-03-03' } } });
    expect(adrYear!.against).toMatchObject({ listing: { id: 'BABA', how: 'stated' }, period: { label: 'year to 2025-03-03', how: 'article-date' } });

    const carried = priceClaims(await check('So far this year, Alibaba’s Hong Kong shares have risen 73% and its ADRs 70%.', '2025-03-01'));
    expect(carried.map((c) => [c.verdict, c.against.listing?.id, c.against.period?.label])).toEqual([
      ['supported', '9988.HK', 'year to 2025-03-01'],
      ['supported', 'BABA', 'year to 2025-03-01'],
    ]);
  });

  it('reads a calendar quarter the period reader finds in the clause', async () => {
    const q4 = change(adr, '2024-09-30', '2024-12-31');
    const words = `${q4 >= 0 ? 'rose' : 'fell'} ${Math.abs(q4).toFixed(1)}%`;
    const c = only(await check(`Alibaba’s ADRs ${words} in the fourth quarter of 2024.`, '2025-03-01'));
    expect(c).toMatchObject({ verdict: 'supported', against: { period: { label: '2024-09-30 to 2024-12-31', how: 'stated' } } });
  });

  it('gives no figure from closes that stop before the window ends (a download older than the article)', async () => {
    const c = only(await check('Alibaba stock has soared 70% this year.', '2025-09-01'));
    expect(c).toMatchObject({ verdict: 'not-checkable', reasonCode: 'no-data' });
    expect(c.reason).toBe('Alibaba BABA (NYSE ADR): its closes end 2025-06-30 (downloaded 2025-07-01), before the window ends on 2025-09-01: run `airace prices sync BABA`');
  });

  it('asks a PriceVerifier passed to checkArticle first, and its verdict stands', async () => {
    const asked: string[] = [];
    const other: PriceVerifier = async (claim, base) => {
      asked.push(claim.quantity!.text);
      return { ...base, verdict: 'close', reason: 'another price source' };
    };
    const c = only(await check('Alibaba stock has soared 70% this year.', '2025-03-01', other));
    expect(asked).toEqual(['70%']);
    expect(c).toMatchObject({ verdict: 'close', reason: 'another price source' });
  });
});

describe('share-price claims when one listing has no closes', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWith({ BABA: adr });
  });
  afterAll(() => store?.close());
  const check = (text: string, date: string) => checkArticle(store.db, text, { date, charts: false });

  it('a default listing that does not match is a guess while the other listing could not be checked', async () => {
    const c = only(await check('Alibaba shares have risen 73% this year.', '2025-03-01'));
    expect(c.verdict).toBe('not-checkable');
    expect(c.reasonCode).toBe('guessed');
    expect(c.reason).toMatch(/the sentence names no market and Alibaba 9988\.HK \(HKEX\) could not be checked over the window/);
    expect(c.actual!.value).toBeCloseTo(70, 6);
  });

  it('a named listing without closes is not checkable, with the command that loads them', async () => {
    const c = only(await check('Alibaba’s Hong Kong-listed shares have risen 73% this year.', '2025-03-01'));
    expect(c).toMatchObject({ verdict: 'not-checkable', reasonCode: 'price-data', against: { listing: { id: '9988.HK', how: 'stated' } } });
    expect(c.reason).toBe('price data not in airace for Alibaba 9988.HK (HKEX): run `airace prices sync 9988.HK` to check it against daily closes');
  });
});
