// Checks a money amount ("280.2 billion yuan", "$44.5 billion in fiscal 2024") against the
// engine's figure for the same subject, metric and period, in the claim's currency.
import type { Company } from '../model/company.js';
import type { Claim, Quantity } from './claim.js';
import type { CheckedClaim, Evidence } from './check-report.js';
import { METRIC_IDS } from '../series/metrics.js';
import { claimSlot } from './claim-slot.js';
import { evidence, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { metricName, namesOf, seriesFigure, slotLabel, uniqueUrls } from './series-figure.js';
import { formatFigure } from '../model/format-figure.js';
import { evidenceDecimals } from './evidence-decimals.js';
import { judge, testFor } from './tolerance.js';
import type { VerifyContext } from './verify-context.js';
import type { PeriodSlot } from './resolve-period.js';

/** The currency to ask the engine for: none (native) when the claim uses the reporting currency, USD when it converts. */
export function requestCurrency(claimUnit: string, subject: Company[]): { currency: string | undefined } | { error: string } {
  const reporting = new Set(subject.flatMap((c) => (c.kind === 'group' ? ['USD'] : [c.currency])));
  if (reporting.size === 1 && reporting.has(claimUnit)) return { currency: undefined };
  if (claimUnit === 'USD') return { currency: 'USD' };
  return { error: `the claim is in ${claimUnit}; airace converts reporting currencies to USD only` };
}

export function subjectCompanies(claim: Claim, companies: Company[]): Company[] {
  return (claim.subject?.tickers ?? []).map((t) => companies.find((c) => c.ticker === t)).filter((c): c is Company => !!c);
}

/** For a claim about a group's capex: the combined figure the press reported, beside our sum. */
async function reportedCombined(ctx: VerifyContext, ticker: string, slot: PeriodSlot, q: Quantity): Promise<Evidence[]> {
  if (slot.period !== 'cy' || slot.from !== slot.to) return [];
  const facts = (await ctx.cache.facts([ticker], ['capex_combined'])).filter((f) => f.basis === 'actual' && f.periodStart === `${slot.from}-01-01` && f.periodEnd === `${slot.from}-12-31`);
  const decimals = evidenceDecimals(q.decimals, q.unit);
  return facts
    .sort((a, b) => Number(b.preferred) - Number(a.preferred))
    .map((f) =>
      evidence(
        `combined capex as reported${f.preferred ? '' : ' (another source)'}, ${slot.from}`,
        q,
        { value: f.value, unit: f.unit, display: formatFigure(f.value, f.unit, decimals), label: `big four combined capex ${slot.from}, as reported`, start: f.periodStart, end: f.periodEnd, basis: f.basis, fx: null, derivation: null, statedOn: null },
        [f.sourceUrl],
        f.note,
      ),
    );
}

export async function verifyAmount(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const q = claim.quantity!;
  const metric = claim.metric!.id;
  const subject = subjectCompanies(claim, ctx.companies);
  if (!METRIC_IDS.includes(metric)) return notCheckable(base, 'no-data', `airace has no ${metricName(metric)} series`);
  const cur = requestCurrency(q.unit, subject);
  if ('error' in cur) return notCheckable(base, 'no-fx-rate', cur.error);
  const choice = await claimSlot(claim, subject, metric, cur.currency, ctx);
  if ('code' in choice) return notCheckable(base, choice.code, choice.reason);
  ctx.slots.set(claim.id, { slot: choice.primary, note: choice.note });

  const tickers = subject.map((c) => c.ticker);
  const decimals = evidenceDecimals(q.decimals, q.unit);
  const ours = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, choice.primary, cur.currency, decimals);
  const located = withPeriod(base, slotLabel(choice.primary), choice.note);
  if ('missing' in ours) return notCheckable(located, 'no-data', `no figure for ${namesOf(tickers, ctx.companies)} ${metricName(metric)}, ${slotLabel(choice.primary)}: ${ours.missing}`);

  const test = testFor(q);
  const { verdict, difference } = judge(test, ours.figure.value);
  const result: CheckedClaim = { ...located, verdict, actual: ours.figure, difference, tolerance: test.words, sources: ours.sources };

  for (const alt of choice.alternates) {
    const other = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, alt, cur.currency, decimals);
    if ('missing' in other) result.alsoAgainst.push({ label: `${slotLabel(alt)} (the other reading of the year)`, verdict: null, actual: null, difference: null, sources: [], note: other.missing });
    else result.alsoAgainst.push(evidence(`${slotLabel(alt)} (the other reading of the year)`, q, other.figure, other.sources));
  }
  const otherReading = result.alsoAgainst.find((e) => e.verdict === 'supported');
  if (verdict !== 'supported' && otherReading) result.notes.push(`the figure matches ${otherReading.label.replace(/ \(.*$/, '')}: the article may mean that period`);
  if (metric === 'capex' && subject.length === 1 && subject[0]!.kind === 'group') result.alsoAgainst.push(...(await reportedCombined(ctx, subject[0]!.ticker, choice.primary, q)));

  if (ours.figure.fx) {
    result.notes.push(`converted at ${formatFigure(ours.figure.fx.rate, 'CNY/USD')} (${ours.figure.fx.pair} stated for ${ours.figure.fx.date}, ${ours.figure.fx.source})`);
    // "$280.2 billion" for a figure reported as RMB 280.2 billion: yuan and dollars confused.
    if (verdict !== 'supported') {
      const native = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, choice.primary, undefined, decimals);
      if (!('missing' in native) && judge(test, native.figure.value).verdict === 'supported') {
        result.notes.push(`the figure matches the ${native.figure.unit} amount (${native.figure.display}): the currency looks confused`);
      }
    }
  }
  if (metric === 'capex' && claim.metric && !/capital|capex|property/i.test(claim.metric.words)) {
    result.notes.push(`“${claim.metric.words}” read as capex (cash paid for property and equipment, which covers more than AI and cloud)`);
  }
  result.sources = uniqueUrls(result.sources);
  return result;
}
