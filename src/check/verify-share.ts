// Checks a share: a company's share of its group's spending ("Amazon alone accounted for 35% of
// the group's capex in 2025"), computed from the engine's figures for the company and the group,
// and capex as a share of revenue ("Meta spends about 35% of its revenue on capital projects"),
// the engine's capex intensity; and a share of another metric of the same subject and period ("capex was
// 165% of cash from operations", "the four spent 96% of their combined operating cash flow", "a margin of
// 46.8%"), each figure from the engine, summed over a group's members the engine's way.
import type { Claim } from './claim.js';
import type { CheckedClaim } from './check-report.js';
import { claimSlot } from './claim-slot.js';
import { guarded, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { metricName, namesOf, seriesFigure, slotLabel, uniqueDocs } from './series-figure.js';
import { formatFigure } from '../model/format-figure.js';
import { judge, testFor } from './tolerance.js';
import { subjectCompanies } from './subject-companies.js';
import type { VerifyContext } from './verify-context.js';
import type { Company } from '../model/company.js';
import { datesFor } from './resolve-period.js';

export async function verifyShare(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const q = claim.quantity!;
  const subject = subjectCompanies(claim, ctx.companies);
  if (claim.shareOf === 'revenue') {
    const choice = await claimSlot(claim, subject, 'capex_intensity', undefined, ctx);
    if ('code' in choice) return notCheckable(base, choice.code, choice.reason);
    const tickers = subject.map((c) => c.ticker);
    const ours = await seriesFigure(ctx.cache, ctx.companies, tickers, 'capex_intensity', choice.primary, undefined, 1);
    const located = withPeriod(base, slotLabel(choice.primary), choice.note, 'figure' in ours ? ours.figure : datesFor(choice.primary, subject), choice.how === 'inferred' || choice.how === 'matched' ? choice.how : null);
    if ('missing' in ours) return notCheckable(located, 'no-data', ours.missing);
    const test = testFor(q);
    const { verdict, difference } = judge(test, ours.figure.value);
    return guarded(claim, { ...located, verdict, actual: ours.figure, difference, tolerance: test.words, sources: ours.sources });
  }
  if (claim.shareOf === 'metric' && claim.shareBase) return verifyRatio(claim, claim.shareBase.metric, subject, ctx);
  // A share of the group: the company's figure over the group's, for a metric the engine sums.
  const metric = claim.metric?.id ?? 'capex';
  const company = subject.length === 1 && subject[0]!.kind === 'company' ? subject[0]! : null;
  const group = ctx.companies.find((c) => c.kind === 'group' && company && c.members.includes(company.ticker));
  if (!company || !group) return notCheckable(base, 'no-subject', 'a share of a group is checked for one company of a group airace knows');
  const choice = await claimSlot(claim, [group], metric, undefined, ctx);
  if ('code' in choice) return notCheckable(base, choice.code, choice.reason);
  const part = await seriesFigure(ctx.cache, ctx.companies, [company.ticker], metric, choice.primary, undefined, 3);
  const whole = await seriesFigure(ctx.cache, ctx.companies, [group.ticker], metric, choice.primary, undefined, 3);
  const located = withPeriod(base, slotLabel(choice.primary), choice.note, 'figure' in part ? part.figure : datesFor(choice.primary, [company]), choice.how === 'inferred' || choice.how === 'matched' ? choice.how : null);
  return judgeShare(claim, located, part, whole, `${company.name}'s share of ${namesOf([group.ticker], ctx.companies)} ${metricName(metric)}, ${slotLabel(choice.primary)}`);
}

/** A part over a whole, as a percentage, judged against the claim; missing parts and a zero whole are not checkable. */
function judgeShare(claim: Claim, located: CheckedClaim, part: Awaited<ReturnType<typeof seriesFigure>>, whole: Awaited<ReturnType<typeof seriesFigure>>, label: string): CheckedClaim {
  if ('missing' in part) return notCheckable(located, 'no-data', part.missing);
  if ('missing' in whole) return notCheckable(located, 'no-data', whole.missing);
  if (whole.figure.value === 0) return notCheckable(located, 'no-data', `${whole.figure.label}: zero, so no share of it`);
  const value = (part.figure.value / whole.figure.value) * 100;
  const test = testFor(claim.quantity!);
  const { verdict, difference } = judge(test, value);
  return guarded(claim, {
    ...located,
    verdict,
    difference,
    tolerance: test.words,
    actual: { ...part.figure, value, unit: 'percent', display: formatFigure(value, 'percent', 1), label, derivation: `${part.figure.display} ÷ ${whole.figure.display}` },
    sources: uniqueDocs([...part.sources, ...whole.sources]),
  });
}

/** One metric of the subject over another, for the same period: both from the engine, as a percentage. */
async function verifyRatio(claim: Claim, baseMetric: string, subject: Company[], ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const metric = claim.metric?.id ?? 'capex';
  const tickers = subject.map((c) => c.ticker);
  if (tickers.length === 0) return notCheckable(base, 'no-subject', 'the claim names no company airace knows');
  const choice = await claimSlot(claim, subject, metric, undefined, ctx);
  if ('code' in choice) return notCheckable(base, choice.code, choice.reason);
  const part = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, choice.primary, undefined, 3);
  const whole = await seriesFigure(ctx.cache, ctx.companies, tickers, baseMetric, choice.primary, undefined, 3);
  const located = withPeriod(base, slotLabel(choice.primary), choice.note, 'figure' in part ? part.figure : datesFor(choice.primary, subject), choice.how === 'inferred' || choice.how === 'matched' ? choice.how : null);
  return judgeShare(claim, located, part, whole, `${namesOf(tickers, ctx.companies)} ${metricName(metric)} as a share of ${metricName(baseMetric)}, ${slotLabel(choice.primary)}`);
}
