// The default share-price verifier: a claimed move ("shares rose 70% this year", "down 3% in Hong
// Kong") against the stored daily closes of the listing the sentence names (price-listing.ts),
// over the window its words give (price-claim-window.ts), judged by the checker's tolerance
// (price-claim.ts). `against` says how the listing and the window were found. A guess never
// contradicts: when the window is not stated (read as the day's move), or the sentence names no
// market and a listing of the company has no closes for the window, a figure that does not match
// is not checkable, with the candidate considered. When no market is named, a figure that matches
// another listing of the company is right for that listing (`matched`), with the primary shown.
import type { Claim } from './claim.js';
import type { CheckedClaim, Evidence } from './check-report.js';
import type { PriceWindow } from '../model/price.js';
import { listingLabel } from '../model/listing.js';
import { priceDocument, syncHint, type ListingPrices } from '../series/price-series.js';
import { windowLabel } from '../series/price-window.js';
import { evidence, guarded, notCheckable, withPeriod } from './verify-common.js';
import { subjectCompanies } from './subject-companies.js';
import { chooseListing, type ListingChoice } from './price-listing.js';
import { claimWindow } from './price-claim-window.js';
import { judgePriceClaim, listingName, priceFigure, type PriceJudgement } from './price-claim.js';
import type { PriceVerifier } from './verify-price.js';
import { SHARE_PRICE_METRIC } from './extract-metric.js';

type Judged = Extract<PriceJudgement, { actual: unknown }>;

const fits = (j: PriceJudgement): j is Judged => j.verdict === 'supported' || j.verdict === 'close';

/** The company's other listings over the same window, judged by the same test. */
function otherListings(claim: Claim, others: ListingPrices[], w: PriceWindow): Evidence[] {
  const q = claim.quantity!;
  return others.flatMap((l) => {
    const f = priceFigure(l, w);
    if ('missing' in f) return [];
    return [evidence(`the ${listingName(l)} listing over the same window`, q, f.figure, l.source ? [priceDocument(l.source)] : [], f.figure.derivation, q.direction === 'down' ? -1 : 1)];
  });
}

function withListing(base: CheckedClaim, l: ListingPrices, choice: ListingChoice, how: ListingChoice['how'] | 'matched'): CheckedClaim {
  return { ...base, against: { ...base.against, listing: { id: l.ref.listing, label: listingLabel({ id: l.ref.listing, exchange: l.ref.exchange, kind: l.ref.kind }), how, fromSentence: null, words: choice.words } } };
}

export const closesVerifier: PriceVerifier = async (claim, base, ctx) => {
  const q = claim.quantity;
  const subject = subjectCompanies(claim, ctx.companies);
  const company = subject.length === 1 && subject[0]!.kind === 'company' ? subject[0]! : null;
  if (!q || q.unit !== 'percent') return notCheckable(base, 'no-metric', 'a share-price claim airace checks is a percentage change');
  if (!company) return notCheckable(base, 'no-subject', subject.length ? 'a share-price change is checked for one company’s listing at a time' : 'the claim names no company airace knows');

  const listings = await ctx.cache.listingPrices(company.ticker);
  if (!listings.length) return null;
  const noData = (what: string, ids: string[]) => notCheckable(base, 'price-data', `price data not in airace for ${what}: run \`${syncHint(ids)}\` to check it against daily closes`);
  if (!listings.some((l) => l.prices.length)) return noData(company.name, [company.ticker]);

  const rivals = [...ctx.claims.values()].filter((c) => c !== claim && c.sentence.index === claim.sentence.index && c.metric?.id === SHARE_PRICE_METRIC && c.quantity).map((c) => c.quantity!.start);
  const choice = chooseListing(claim, listings.map((l) => l.listing), rivals)!;
  const chosen = listings.find((l) => l.listing.id === choice.listing.id)!;
  if (!chosen.prices.length) return withListing(noData(listingName(chosen), [chosen.ref.listing]), chosen, choice, choice.how);

  const w = claimWindow(claim, ctx.articleDate);
  if ('code' in w) return withListing(notCheckable(base, w.code, w.reason), chosen, choice, choice.how);
  const periodNote = [w.words ? `“${w.words}” = ${windowLabel(w.window)}` : null, w.note].filter(Boolean).join('; ') || null;
  const dated = (c: CheckedClaim, j: PriceJudgement) => withPeriod(c, windowLabel(w.window), periodNote, 'actual' in j ? { start: j.actual.start, end: j.actual.end } : null, w.how);

  let j = judgePriceClaim(q, chosen, w.window);
  let used = chosen;
  let how: ListingChoice['how'] | 'matched' = choice.how;
  // No market named: a figure right for another listing is right (the sentence may mean either).
  if (choice.how === 'inferred' && !fits(j)) {
    const match = listings.filter((l) => l !== chosen).find((l) => fits(judgePriceClaim(q, l, w.window)));
    if (match) {
      used = match;
      how = 'matched';
      j = judgePriceClaim(q, match, w.window);
    }
  }
  if (j.verdict === 'not-checkable') {
    return withListing(dated(notCheckable(base, 'no-data', `${j.reason}${j.hint ? `: run \`${j.hint}\`` : ''}`), j), used, choice, how);
  }
  const listingNote =
    how === 'matched'
      ? `listing: ${listingName(used)}, whose move matches (the sentence names no market; the primary listing is ${listingName(chosen)})`
      : choice.words
        ? `listing: ${listingName(used)}, from “${choice.words}”`
        : `listing: ${listingName(used)}, the primary listing (the sentence names no market)`;
  const checked: CheckedClaim = {
    ...dated(base, j),
    verdict: j.verdict,
    reasonCode: null,
    reason: `checked against ${listingName(used)} daily closes, in ${used.ref.currency}`,
    actual: j.actual,
    difference: j.difference,
    tolerance: j.tolerance,
    sources: j.sources,
    alsoAgainst: otherListings(claim, listings.filter((l) => l !== used && l.prices.length), w.window),
    notes: [listingNote, ...j.notes, ...(j.actual.derivation ? [`computed: ${j.actual.derivation}`] : [])],
  };
  // Every listing was checked when none is named and all have closes for the window: the choice decides nothing.
  const unchecked = listings.filter((l) => 'missing' in priceFigure(l, w.window));
  const listingGuess = how === 'inferred' && unchecked.length ? [`the sentence names no market and ${unchecked.map(listingName).join(', ')} could not be checked over the window`] : [];
  return guarded(claim, withListing(checked, used, choice, how), listingGuess);
};
