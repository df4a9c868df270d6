// Share-price claims ("its shares gained 70% this year", "up 14% on the day"). A `PriceVerifier`
// on the context is asked first and its verdict stands: by default the stored daily closes
// (verify-price-closes.ts); another price source can be passed to checkArticle. Without prices
// the claim is not checkable, with the command that loads them. Either way the year-to-date gains
// the press reported (bundled facts, matched to the article's date) are shown as "also" beside a
// year-to-date reading.
import type { Claim } from './claim.js';
import type { CheckedClaim } from './check-report.js';
import { evidence, notCheckable, skeleton } from './verify-common.js';
import { formatFigure } from '../model/format-figure.js';
import { docOf } from './series-figure.js';
import { subjectCompanies } from './subject-companies.js';
import type { VerifyContext } from './verify-context.js';
import { syncHint } from '../series/price-series.js';
import { claimWindow } from './price-claim-window.js';

export const YTD_GAIN_METRIC = 'stock_ytd_gain_pct';

/**
 * What a price source plugs in: given a share-price claim (a percentage move or a price, with its
 * company and period as extracted) and the skeleton report, return the checked claim, or null to
 * leave it not checkable.
 */
export type { PriceVerifier } from './verify-context.js';

/** Adds the year-to-date gains the press reported (bundled facts), matched to the article's date when it has one. */
async function withReportedGains(claim: Claim, result: CheckedClaim, ctx: VerifyContext): Promise<CheckedClaim> {
  const q = claim.quantity;
  const subject = subjectCompanies(claim, ctx.companies);
  // They belong beside a claim read over the year to date, or one whose window needs the article's date.
  const w = claimWindow(claim, ctx.articleDate);
  if (!q || subject.length !== 1 || ('window' in w && w.window.kind !== 'ytd')) return result;
  const year = 'window' in w && w.window.kind === 'ytd' ? Number(w.window.asOf.slice(0, 4)) : (claim.period?.ref.year ?? null);
  let facts = (await ctx.cache.facts([subject[0]!.ticker], [YTD_GAIN_METRIC])).filter((f) => year === null || f.periodStart?.startsWith(String(year)));
  if (ctx.articleDate) {
    const before = facts.filter((f) => f.periodEnd <= ctx.articleDate!).sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));
    facts = before.slice(0, 1);
  }
  const sign = q.direction === 'down' ? -1 : 1;
  const reported = facts.map((f) =>
    evidence(
      `year-to-date gain to ${f.periodEnd}, as reported (a reported figure, not a price series)`,
      q,
      { value: f.value, unit: 'percent', display: formatFigure(f.value, 'percent', 0), label: `${subject[0]!.name} share price, year to ${f.periodEnd}`, start: f.periodStart, end: f.periodEnd, basis: 'actual', fx: null, derivation: null, statedOn: null },
      [docOf(f)],
      f.note,
      sign,
    ),
  );
  const note = !ctx.articleDate && facts.length ? ['article date unknown: every reported gain for the year is listed; give --date to pick the one before the article'] : [];
  return { ...result, alsoAgainst: [...result.alsoAgainst, ...reported], notes: [...result.notes, ...note] };
}

export async function verifyPrice(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const skeletonReport = skeleton(claim, ctx.companies);
  const checked = ctx.prices ? await ctx.prices(claim, skeletonReport, ctx) : null;
  if (checked) return withReportedGains(claim, checked, ctx);
  const subject = subjectCompanies(claim, ctx.companies);
  const hint = subject.length === 1 && subject[0]!.kind === 'company' ? `: run \`${syncHint([subject[0]!.ticker])}\` to check it against daily closes` : '';
  return withReportedGains(claim, notCheckable(skeletonReport, 'price-data', `price data not in airace${hint}`), ctx);
}
