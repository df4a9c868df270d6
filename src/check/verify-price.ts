// Share-price claims ("its shares gained 70% this year", "up 14% on the day", "down 3% in Hong
// Kong") are checked against the stored closes of the listing the sentence names (the Hong
// Kong line for "Hong Kong-listed shares", the primary listing when it names none), over the
// window its words give, with the article's date deciding "this year" and "on the day"
// (price-listing.ts, price-claim-window.ts, price-claim.ts). The company's other listings over
// the same window, and the year-to-date gains the press reported (bundled facts), are shown
// as "also". Without stored prices the claim stays not checkable, with the command that loads them.
import type { Claim, Quantity } from './claim.js';
import type { CheckedClaim, Evidence } from './check-report.js';
import type { PriceWindow } from '../model/price.js';
import type { ListingPrices } from '../series/price-series.js';
import { windowLabel } from '../series/price-window.js';
import { evidence, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { formatFigure } from './format-figure.js';
import { subjectCompanies } from './verify-amount.js';
import { chooseListing } from './price-listing.js';
import { claimWindow } from './price-claim-window.js';
import { judgePriceClaim, listingName, priceFigure } from './price-claim.js';
import type { VerifyContext } from './verify-context.js';

export const YTD_GAIN_METRIC = 'stock_ytd_gain_pct';

/** Year-to-date gains the press reported (bundled facts), matched to the article's date when it has one. */
async function reportedGains(claim: Claim, q: Quantity, ctx: VerifyContext, ticker: string, name: string): Promise<{ also: Evidence[]; note: string | null }> {
  const year = claim.period?.year ?? (ctx.articleDate ? Number(ctx.articleDate.slice(0, 4)) : null);
  let facts = (await ctx.cache.facts([ticker], [YTD_GAIN_METRIC])).filter((f) => year === null || f.periodStart?.startsWith(String(year)));
  if (ctx.articleDate) {
    const before = facts.filter((f) => f.periodEnd <= ctx.articleDate!).sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));
    facts = before.slice(0, 1);
  }
  const sign = q.direction === 'down' ? -1 : 1;
  const also = facts.map((f) =>
    evidence(
      `year-to-date gain to ${f.periodEnd}, as reported (a reported figure, not a price series)`,
      q,
      { value: f.value, unit: 'percent', display: formatFigure(f.value, 'percent', 0), label: `${name} share price, year to ${f.periodEnd}`, start: f.periodStart, end: f.periodEnd, basis: 'actual', fx: null, derivation: null, statedOn: null },
      [f.sourceUrl],
      f.note,
      sign,
    ),
  );
  const note = !ctx.articleDate && facts.length ? 'article date unknown: every reported gain for the year is listed; give --date to pick the one before the article' : null;
  return { also, note };
}

/** The company's other listings over the same window, judged by the same test. */
function otherListings(q: Quantity, others: ListingPrices[], w: PriceWindow): Evidence[] {
  return others.flatMap((l) => {
    const f = priceFigure(l, w);
    if ('missing' in f) return [];
    return [evidence(`the ${listingName(l)} listing over the same window`, q, f.figure, l.source ? [l.source.url] : [], f.figure.derivation, q.direction === 'down' ? -1 : 1)];
  });
}

export async function verifyPrice(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const q = claim.quantity;
  const subject = subjectCompanies(claim, ctx.companies);
  const company = subject.length === 1 && subject[0]!.kind === 'company' ? subject[0]! : null;
  if (!q || q.unit !== 'percent') return notCheckable(base, 'no-metric', 'a share-price claim airace checks is a percentage change');
  if (!company) return notCheckable(base, 'no-subject', subject.length ? 'a share-price change is checked for one company’s listing at a time' : 'the claim names no company airace knows');

  const reported = await reportedGains(claim, q, ctx, company.ticker, company.name);
  const withReported = (c: CheckedClaim, window: PriceWindow | null): CheckedClaim => {
    const relevant = window === null || window.kind === 'ytd';
    return { ...c, alsoAgainst: [...c.alsoAgainst, ...(relevant ? reported.also : [])], notes: [...c.notes, ...(relevant && reported.note ? [reported.note] : [])] };
  };

  const listings = await ctx.cache.listingPrices(company.ticker);
  const priced = listings.filter((l) => l.prices.length);
  const noData = (what: string, ids: string[]) =>
    withReported(notCheckable(base, 'price-data', `price data not in airace for ${what}: run \`airace prices sync ${ids.join(' ')}\` to check it against daily closes`), null);
  if (!priced.length) return noData(company.name, [company.ticker]);

  const choice = chooseListing(claim, listings.map((l) => l.listing))!;
  const chosen = listings.find((l) => l.listing.id === choice.listing.id)!;
  if (!chosen.prices.length) return noData(listingName(chosen), [chosen.ref.listing]);

  const w = claimWindow(claim, ctx.articleDate);
  if ('code' in w) return withReported(notCheckable(base, w.code, w.reason), null);

  const j = judgePriceClaim(q, chosen, w.window);
  const listingNote = choice.words ? `listing: ${listingName(chosen)}, from “${choice.words}”` : `listing: ${listingName(chosen)}, the primary listing (the sentence names no market)`;
  const periodNote = [w.words ? `“${w.words}” = ${windowLabel(w.window)}` : null, w.note].filter(Boolean).join('; ') || null;
  if (j.verdict === 'not-checkable') {
    return withReported(withPeriod(notCheckable(base, 'no-data', `${j.reason}${j.hint ? `: run \`${j.hint}\`` : ''}`), windowLabel(w.window), periodNote), w.window);
  }
  const checked: CheckedClaim = {
    ...withPeriod(base, windowLabel(w.window), periodNote),
    verdict: j.verdict,
    reasonCode: null,
    reason: `checked against ${listingName(chosen)} daily closes, in ${chosen.ref.currency}`,
    actual: j.actual,
    difference: j.difference,
    tolerance: j.tolerance,
    sources: j.sources,
    alsoAgainst: otherListings(q, priced.filter((l) => l !== chosen), w.window),
    notes: [listingNote, ...j.notes, ...(j.actual.derivation ? [`computed: ${j.actual.derivation}`] : [])],
  };
  return withReported(checked, w.window);
}
