// Checks an exchange rate an article states ("at the company's rate of about 6.78 yuan to the dollar",
// "translated at RMB7.1189 to US$1.00") against the rate the company stated for its figures closest to
// the claim's period end (else the article date): the convenience rate its releases translate at.
// A rate within 3% is close, as for a conversion (fx-rate-on.ts picks the rate).
import type { Claim } from './claim.js';
import type { CheckedClaim } from './check-report.js';
import { guarded, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { namesOf, uniqueDocs } from './series-figure.js';
import { judge, testFor } from './tolerance.js';
import { subjectCompanies } from './subject-companies.js';
import { datesFor, resolvePeriod } from './resolve-period.js';
import { fxRateOn } from './fx-rate-on.js';
import type { VerifyContext } from './verify-context.js';

/** How far a stated rate may be from the company's and still be close. */
const FX_CLOSE = 0.03;

export async function verifyFxRate(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const q = claim.quantity!;
  const subject = subjectCompanies(claim, ctx.companies).filter((c) => c.kind === 'company' && c.currency === q.unit);
  const company = subject[0];
  if (!company) return notCheckable(base, 'no-subject', `an exchange rate is checked against the rate a company reporting in ${q.unit} stated, and the claim names none`);
  const plan = claim.period ? resolvePeriod(claim.period.ref, [company]) : null;
  const date = (plan?.primary ? datesFor(plan.primary, [company])?.end : null) ?? ctx.articleDate;
  if (!date) return notCheckable(base, 'period-unstated', 'the rate states no date or period, and the article has no date');
  const fx = await fxRateOn(ctx.cache, company.ticker, q.unit, date);
  if (!fx) return notCheckable(base, 'no-fx-rate', `no ${q.unit}/USD rate on record for ${namesOf([company.ticker], ctx.companies)}`);
  const test = testFor(q);
  const judged = judge(test, fx.rate);
  const verdict = judged.verdict === 'contradicted' && Math.abs(fx.rate - q.value) <= FX_CLOSE * fx.rate ? 'close' : judged.verdict;
  const label = `${namesOf([company.ticker], ctx.companies)}'s ${q.unit} per US dollar, the rate it translated at on ${fx.date}`;
  const located = withPeriod(base, `the rate of ${fx.date}`, plan?.note ?? null, { start: fx.date, end: fx.date });
  return guarded(claim, {
    ...located,
    verdict,
    difference: judged.difference,
    tolerance: `${test.words}; close within 3%`,
    actual: { value: fx.rate, unit: `${q.unit}/USD`, display: `${fx.rate} ${q.unit} per US$1`, label, start: fx.date, end: fx.date, basis: fx.basis, fx: null, derivation: fx.basis === 'actual' ? null : 'implied by the company’s figures in both currencies', statedOn: null },
    sources: uniqueDocs([fx.doc]),
  });
}
