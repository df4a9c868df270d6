// Checks a currency conversion written in parentheses: "280.2 billion yuan (US$38.4 billion)".
// Our USD figure is the engine's, converted at the rate the company states (the release's
// convenience rate, carried in point.fx). A gap that another reasonable rate explains is `close`,
// with both rates shown; any US$ figures on record for the same period are shown beside it.
import type { Claim } from './claim.js';
import type { CheckedClaim } from './check-report.js';
import { METRIC_IDS } from '../series/metrics.js';
import { claimSlot } from './claim-slot.js';
import { evidence, firmness, guarded, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { docOf, metricName, seriesFigure, slotLabel } from './series-figure.js';
import { formatFigure } from '../model/format-figure.js';
import { evidenceDecimals } from './evidence-decimals.js';
import { judge, testFor } from './tolerance.js';
import { subjectCompanies } from './subject-companies.js';
import { verifyCommitment } from './verify-commitment.js';
import { COMMITMENT_NAMES } from './extract-metric.js';
import type { VerifyContext } from './verify-context.js';

/** An implied rate this close to the stated one means the article used another day's or another source's rate. */
export const FX_RATE_TOLERANCE = 0.03;

export async function verifyConversion(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const native = claim.quantity!;
  const converted = claim.converted!;
  const metric = claim.metric!.id;
  if (COMMITMENT_NAMES[metric]) return verifyCommitment({ ...claim, quantity: converted }, ctx, 'conversion');
  const base = skeleton(claim, ctx.companies);
  if (converted.unit !== 'USD') return notCheckable(base, 'no-fx-rate', `airace converts to USD only; the conversion here is to ${converted.unit}`);
  if (!METRIC_IDS.includes(metric)) return notCheckable(base, 'no-data', `airace has no ${metricName(metric)} series`);
  const subject = subjectCompanies(claim, ctx.companies);
  if (subject.some((c) => c.currency !== native.unit)) return notCheckable(base, 'no-fx-rate', `${subject.map((c) => c.name).join(', ')} report in ${subject[0]?.currency}, not ${native.unit}`);

  const choice = await claimSlot(claim, subject, metric, undefined, ctx);
  if ('code' in choice) return notCheckable(base, choice.code, choice.reason);
  const located0 = withPeriod(base, slotLabel(choice.primary), choice.note, null, choice.how === 'inferred' || choice.how === 'matched' ? choice.how : null);
  const tickers = subject.map((c) => c.ticker);
  const decimals = evidenceDecimals(converted.decimals, 'USD');
  const ours = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, choice.primary, 'USD', decimals);
  if ('missing' in ours) return notCheckable(located0, 'no-data', ours.missing);
  const located = withPeriod(located0, slotLabel(choice.primary), null, ours.figure);
  const fx = ours.figure.fx;
  if (!fx) return notCheckable(located, 'no-fx-rate', 'no stated rate for the period');

  const test = testFor(converted);
  let { verdict, difference } = judge(test, ours.figure.value);
  const implied = native.value / converted.value;
  const rateGap = implied / fx.rate - 1;
  let tolerance = test.words;
  if (verdict === 'contradicted' && Math.abs(rateGap) <= FX_RATE_TOLERANCE) verdict = 'close';
  if (verdict === 'close') {
    tolerance = `${test.words}; or a difference explained by the FX rate (within ${FX_RATE_TOLERANCE * 100}% of the stated rate)`;
  }
  const result: CheckedClaim = { ...located, verdict, difference, actual: ours.figure, tolerance, sources: ours.sources };
  result.reason =
    `the article's figures imply ${formatFigure(implied, 'CNY/USD')}; the company's convenience rate for ${fx.date} is ${formatFigure(fx.rate, 'CNY/USD')} ` +
    `(${rateGap >= 0 ? '+' : ''}${(rateGap * 100).toFixed(2)}%), which turns the ${native.unit} figure into ${ours.figure.display}`;
  result.notes.push(`rate source: ${fx.source}`);

  // US$ figures on record for the same period: the release's own translation and any press conversions.
  const stated = (await ctx.cache.facts(tickers, [metric])).filter((f) => f.unit === 'USD' && f.basis === 'actual' && f.periodStart === ours.figure.start && f.periodEnd === ours.figure.end);
  for (const f of stated.sort((a, b) => Number(b.preferred) - Number(a.preferred))) {
    result.alsoAgainst.push(
      evidence(
        `US$ figure on record${f.preferred ? '' : ' (another source)'}`,
        converted,
        { value: f.value, unit: 'USD', display: formatFigure(f.value, 'USD', decimals), label: `${metricName(metric)} in US$, as stated`, start: f.periodStart, end: f.periodEnd, basis: 'actual', fx: null, derivation: null, statedOn: null },
        [docOf(f)],
        f.note,
      ),
    );
  }
  // A translation the stated rate cannot produce from the article's own native figure is wrong whatever the metric:
  // then only the rate's period matters, and every reading of it is tried before calling it so.
  const asConverted = judge(test, native.value / fx.rate);
  if (result.verdict === 'contradicted' && asConverted.verdict === 'contradicted' && Math.abs(rateGap) > FX_RATE_TOLERANCE) {
    const rates = [fx.rate];
    for (const alt of choice.alternates) {
      const other = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, alt, 'USD', decimals);
      rates.push('figure' in other && other.figure.fx ? other.figure.fx.rate : NaN);
    }
    if (rates.every((r) => Math.abs(implied / r - 1) > FX_RATE_TOLERANCE)) {
      result.difference = asConverted.difference;
      result.reason = `the conversion is wrong: ${native.text.trim()} at the company's convenience rate (${formatFigure(fx.rate, 'CNY/USD')}, ${fx.date}) is ${formatFigure(native.value / fx.rate, 'USD', decimals)}; the article's figures imply ${formatFigure(implied, 'CNY/USD')} (${rateGap >= 0 ? '+' : ''}${(rateGap * 100).toFixed(1)}%), more than another day's rate explains`;
      const firmParts = { ...claim, metric: claim.metric ? { ...claim.metric, firm: true } : null, period: claim.period ? { ...claim.period, firm: true } : null };
      const { firm, guesses } = firmness(firmParts, { ...result, against: { ...result.against, period: result.against.period ? { ...result.against.period, how: 'stated' } : null } });
      if (firm) return result;
      return guarded(claim, { ...result, reason: `${result.reason}; but ${guesses.join('; ')}` });
    }
  }
  return guarded(claim, result);
}
