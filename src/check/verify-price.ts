// Share-price claims ("its shares gained 70% this year"). airace holds no price series yet, so they
// are not checkable; the year-to-date gains the press reported are bundled as facts and shown as
// evidence, matched to the article's date. This is the seam for a price source: a `PriceVerifier`
// on the context (src/check/verify-context.ts) is asked first, and its verdict stands.
import type { Claim } from './claim.js';
import type { CheckedClaim } from './check-report.js';
import { evidence, notCheckable, skeleton } from './verify-common.js';
import { formatFigure } from './format-figure.js';
import { docOf } from './series-figure.js';
import { subjectCompanies } from './verify-amount.js';
import type { VerifyContext } from './verify-context.js';

export const YTD_GAIN_METRIC = 'stock_ytd_gain_pct';

/**
 * What a price source plugs in: given a share-price claim (a percentage move or a price, with its
 * company and period as extracted) and the skeleton report, return the checked claim, or null to
 * leave it not checkable.
 */
export type PriceVerifier = (claim: Claim, base: CheckedClaim, ctx: VerifyContext) => Promise<CheckedClaim | null>;

export async function verifyPrice(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const skeletonReport = skeleton(claim, ctx.companies);
  if (ctx.prices) {
    const checked = await ctx.prices(claim, skeletonReport, ctx);
    if (checked) return checked;
  }
  const base = notCheckable(skeletonReport, 'price-data', 'price data not in airace: it holds no share-price series, so a price move cannot be computed');
  const q = claim.quantity;
  const subject = subjectCompanies(claim, ctx.companies);
  if (!q || subject.length !== 1) return base;
  const year = claim.period?.ref.year ?? (ctx.articleDate ? Number(ctx.articleDate.slice(0, 4)) : null);
  let facts = (await ctx.cache.facts([subject[0]!.ticker], [YTD_GAIN_METRIC])).filter((f) => year === null || f.periodStart?.startsWith(String(year)));
  if (ctx.articleDate) {
    const before = facts.filter((f) => f.periodEnd <= ctx.articleDate!).sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));
    facts = before.slice(0, 1);
  }
  const sign = q.direction === 'down' ? -1 : 1;
  const result: CheckedClaim = { ...base, alsoAgainst: [] };
  for (const f of facts) {
    result.alsoAgainst.push(
      evidence(
        `year-to-date gain to ${f.periodEnd}, as reported (a reported figure, not a price series)`,
        q,
        { value: f.value, unit: 'percent', display: formatFigure(f.value, 'percent', 0), label: `${subject[0]!.name} share price, year to ${f.periodEnd}`, start: f.periodStart, end: f.periodEnd, basis: 'actual', fx: null, derivation: null, statedOn: null },
        [docOf(f)],
        f.note,
        sign,
      ),
    );
  }
  if (!ctx.articleDate && facts.length) result.notes.push('article date unknown: every reported gain for the year is listed; give --date to pick the one before the article');
  return result;
}
