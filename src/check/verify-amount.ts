// Checks a money amount ("280.2 billion yuan", "$44.5 billion in fiscal 2024") against the
// engine's figure for the same subject, metric and period, in the claim's currency; against the
// segment or definition the words name; and, before calling an unqualified "capex" wrong, against
// the company's other capex definitions. A figure for a period that had not ended by the article's
// date was published later and is not what the article could have meant.
import type { Company } from '../model/company.js';
import type { Claim, Quantity } from './claim.js';
import type { CheckedClaim, Evidence, Figure } from './check-report.js';
import { METRIC_IDS } from '../series/metrics.js';
import { claimSlot } from './claim-slot.js';
import { evidence, guarded, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { docOf, metricName, namesOf, seriesFigure, slotLabel, uniqueDocs } from './series-figure.js';
import { formatFigure } from '../model/format-figure.js';
import { evidenceDecimals } from './evidence-decimals.js';
import { judge, testFor } from './tolerance.js';
import type { VerifyContext } from './verify-context.js';
import { datesFor, type PeriodSlot } from './resolve-period.js';
import { segmentNamed } from '../series/segments.js';
import { fcfLessLeasesFigure, netCapexFigure, otherCapexDefinitions, otherFreeCashFlowDefinitions, otherVersions, reportedFcfFigure, reportedGroupFigure, segmentFigure, type VariantFigure } from './figure-variants.js';
import { valueHints } from './value-hints.js';
import { subjectCompanies } from './subject-companies.js';
import { verifyGuidance } from './verify-guidance.js';

/** The currency to ask the engine for: none (native) when the claim uses the reporting currency, USD when it converts. */
export function requestCurrency(claimUnit: string, subject: Company[]): { currency: string | undefined } | { error: string } {
  const reporting = new Set(subject.flatMap((c) => (c.kind === 'group' ? ['USD'] : [c.currency])));
  if (reporting.size === 1 && reporting.has(claimUnit)) return { currency: undefined };
  if (claimUnit === 'USD') return { currency: 'USD' };
  return { error: `the claim is in ${claimUnit}; airace converts reporting currencies to USD only` };
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
        [docOf(f)],
        f.note,
      ),
    );
}

/** Our figure for the claim's metric as its words define it (segment, stated definition, group total as reported). */
async function primaryFigure(claim: Claim, ctx: VerifyContext, subject: Company[], slot: PeriodSlot, currency: string | undefined, decimals: number): Promise<VariantFigure | { missing: string }> {
  const metric = claim.metric!;
  const single = subject.length === 1 ? subject[0]! : null;
  const tickers = subject.map((c) => c.ticker);
  const segment = segmentNamed(metric.segment);
  if (single && segment?.note && currency === undefined) return segmentFigure(ctx, single, segment, slot, decimals);
  if (single && metric.id === 'free_cash_flow' && metric.definition === 'fcf-less-finance-leases' && currency === undefined) return fcfLessLeasesFigure(ctx, single, slot, decimals);
  if (single && metric.id === 'capex' && metric.definition === 'net-of-proceeds' && currency === undefined) return netCapexFigure(ctx, single, slot, decimals);
  const ours = await seriesFigure(ctx.cache, ctx.companies, tickers, metric.id, slot, currency, decimals);
  if ('figure' in ours) return { figure: ours.figure, sources: ours.sources, definition: metricName(metric.id) };
  // The engine cannot sum a group whose members' figures are incomplete; the press may have reported the total.
  if (single?.kind === 'group' && ['capex', 'capex_incl_finance_leases'].includes(metric.id)) {
    const reported = await reportedGroupFigure(ctx, single, slot, metric.id === 'capex_incl_finance_leases', decimals);
    if (reported) return reported;
  }
  return ours;
}

const PER_LENGTH_DAYS = { day: 1, week: 7, month: 365.25 / 12, quarter: 365.25 / 4 } as const;

/** A period's figure as a rate ("$1 billion a day" against a year's spending): spread over the period's days, weeks, months or quarters. */
function perTime(figure: Figure, per: NonNullable<Quantity['per']>, decimals: number): Figure {
  if (!figure.start || !figure.end) return figure;
  const days = (Date.parse(figure.end) - Date.parse(figure.start)) / 86400000 + 1;
  const count = per === 'day' ? days : Math.round(days / PER_LENGTH_DAYS[per]);
  if (count <= 1) return figure;
  const value = figure.value / count;
  return { ...figure, value, display: `${formatFigure(value, figure.unit, decimals)} a ${per}`, label: `${figure.label}: ${figure.display} over ${count} ${per}s` };
}

/** Metrics the companies guide: a figure for a period still in progress is read as their plan. */
const PLANNED_METRICS = new Set(['capex', 'capex_incl_finance_leases']);

/**
 * A figure stated without a plan's words for a period still in progress ("$220 billion of capex for
 * 2026" in July 2026), checked as the plan it must be. Only a match counts: the basis is a reading, so a
 * figure that differs from the guidance may be someone's estimate, and is never called false on it.
 */
async function readAsPlan(claim: Claim, ctx: VerifyContext, label: string): Promise<CheckedClaim | null> {
  const read = await verifyGuidance({ ...claim, basis: 'guidance' }, ctx);
  const why = ctx.articleDate ? `${label} had not ended on the article date (${ctx.articleDate})` : `${label} has no reported figure yet`;
  if (read.verdict === 'supported' || read.verdict === 'close') {
    return { ...read, notes: [...read.notes, `read as a plan: ${why}, so the figure can only be a plan (the words do not say so)`] };
  }
  if (read.verdict === 'contradicted') return notCheckable(read, 'guessed', `resolved by a guess (${why}, so the figure was read as a plan, which the words do not say): the figure does not match the candidate considered, ${read.actual?.display ?? 'the guidance'} (${read.reason ?? 'the guidance in force'})`);
  return null;
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
  ctx.slots.set(claim.id, { slot: choice.primary, note: choice.note, how: choice.how });

  const tickers = subject.map((c) => c.ticker);
  const decimals = evidenceDecimals(q.decimals, q.unit);
  const test = testFor(q);
  let slot = choice.primary;
  let ours = await primaryFigure(claim, ctx, subject, slot, cur.currency, decimals);
  let note = choice.note;
  // A bare year that could be the fiscal or the calendar year: a figure that matches either reading is right.
  if (choice.ambiguous) {
    for (const alt of choice.alternates) {
      const other = await primaryFigure(claim, ctx, subject, alt, cur.currency, decimals);
      if (!('figure' in other)) continue;
      const primaryOk = 'figure' in ours && judge(test, ours.figure.value).verdict === 'supported';
      if (!primaryOk && judge(test, other.figure.value).verdict === 'supported') {
        note = `${note}; the figure matches ${slotLabel(alt)}`;
        slot = alt;
        ours = other;
      }
    }
  }
  // An unqualified "free cash flow" airace cannot compute (no quarterly operating cash flow) may still be the company's own reported figure
  // (where airace's figure exists and disagrees, the company's other definitions are tried below).
  const single = subject.length === 1 && subject[0]!.kind === 'company' ? subject[0]! : null;
  const ownFcf = single && !('figure' in ours) && metric === 'free_cash_flow' && !claim.metric!.definition && cur.currency === undefined ? await reportedFcfFigure(ctx, single, slot, decimals) : null;
  if (ownFcf && judge(test, ownFcf.figure.value).verdict === 'supported') {
    note = [note, `matches ${ownFcf.definition}; airace cannot compute operating cash flow less capex for the period`].filter(Boolean).join('; ');
    ours = ownFcf;
  }
  const dates = datesFor(slot, subject);
  const located = withPeriod(base, slotLabel(slot), note, 'figure' in ours ? ours.figure : dates, choice.how === 'inferred' || choice.how === 'matched' ? choice.how : null);
  // A year (or quarter) that had not ended on the article's date has no actual yet: its figure can only be a plan.
  const unfinished = ctx.articleDate ? dates !== null && dates.end > ctx.articleDate : 'missing' in ours;
  if (unfinished && claim.basis === 'actual' && PLANNED_METRICS.has(metric) && subject.length === 1) {
    const plan = await readAsPlan(claim, ctx, slotLabel(slot));
    if (plan) return plan;
  }
  if ('missing' in ours) return notCheckable(located, 'no-data', `no figure for ${namesOf(tickers, ctx.companies)} ${metricName(metric)}, ${slotLabel(slot)}: ${ours.missing}`);
  if (ctx.articleDate && ours.figure.end && ours.figure.end > ctx.articleDate && claim.basis === 'actual') {
    return {
      ...notCheckable(located, 'published-later', `published later: ${slotLabel(slot)} ended on ${ours.figure.end}, after the article's date (${ctx.articleDate}), so its figure was not yet reported`),
      alsoAgainst: [evidence(`published later: ${slotLabel(slot)}`, q, ours.figure, ours.sources)],
    };
  }

  if (q.per) ours = { ...ours, figure: perTime(ours.figure, q.per, decimals) };
  let { verdict, difference } = judge(test, ours.figure.value);
  let result: CheckedClaim = { ...located, verdict, actual: ours.figure, difference, tolerance: test.words, sources: ours.sources };
  result.against = { ...result.against, metric: result.against.metric ? { ...result.against.metric, definition: ours.definition === metricName(metric) ? result.against.metric.definition : ours.definition } : null };

  for (const alt of choice.ambiguous ? choice.alternates.filter((a) => a !== slot) : choice.alternates) {
    const other = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, alt, cur.currency, decimals);
    if ('missing' in other) result.alsoAgainst.push({ label: `${slotLabel(alt)} (the other reading of the year)`, verdict: null, actual: null, difference: null, sources: [], note: other.missing });
    else result.alsoAgainst.push(evidence(`${slotLabel(alt)} (the other reading of the year)`, q, other.figure, other.sources));
  }
  if (choice.ambiguous && slot !== choice.primary) {
    const other = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, choice.primary, cur.currency, decimals);
    if (!('missing' in other)) result.alsoAgainst.push(evidence(`${slotLabel(choice.primary)} (the other reading of the year)`, q, other.figure, other.sources));
  }

  // An unqualified "capex" that matches another of the company's capex definitions is true on that definition.
  if (verdict !== 'supported' && metric === 'capex' && !claim.metric!.definition && subject.length === 1 && subject[0]!.kind === 'company') {
    for (const v of await otherCapexDefinitions(ctx, subject[0]!, slot, cur.currency, decimals)) {
      if (judge(test, v.figure.value).verdict !== 'supported') continue;
      if (v.unclear) {
        result = notCheckable({ ...result, alsoAgainst: [...result.alsoAgainst, evidence(v.definition, q, v.figure, v.sources)] }, 'definition-unclear', `the figure matches ${v.figure.display}, a reported capex figure whose definition the data does not make clear; on purchases of property and equipment it is ${ours.figure.display}`);
        return result;
      }
      result.alsoAgainst.push(evidence(`capex as purchases of property and equipment`, q, ours.figure, ours.sources));
      result = { ...result, verdict: 'supported', actual: v.figure, difference: judge(test, v.figure.value).difference, sources: v.sources, reason: `matches ${subject[0]!.name}'s ${v.definition}; the article does not say which definition it uses` };
      result.against = { ...result.against, metric: result.against.metric ? { ...result.against.metric, definition: v.definition } : null };
      verdict = 'supported';
      break;
    }
  }

  // "cash capex" excludes finance leases; a company that reports its capex net of proceeds (Amazon) calls that its cash capex.
  if (result.verdict !== 'supported' && metric === 'capex' && claim.metric!.definition === 'excl-finance-leases' && subject.length === 1 && subject[0]!.kind === 'company' && cur.currency === undefined) {
    const net = await netCapexFigure(ctx, subject[0]!, slot, decimals);
    if ('figure' in net && judge(test, net.figure.value).verdict === 'supported') {
      result.alsoAgainst.push(evidence('capex as purchases of property and equipment', q, ours.figure, ours.sources));
      result = { ...result, verdict: 'supported', actual: net.figure, difference: judge(test, net.figure.value).difference, sources: net.sources, reason: `matches ${subject[0]!.name}'s ${net.definition}, which it reports as its cash capex` };
      result.against = { ...result.against, metric: result.against.metric ? { ...result.against.metric, definition: net.definition } : null };
      verdict = 'supported';
    }
  }

  // An unqualified "free cash flow" that matches the company's own definition is true on that definition.
  if (verdict !== 'supported' && metric === 'free_cash_flow' && !claim.metric!.definition && subject.length === 1 && subject[0]!.kind === 'company') {
    const match = (await otherFreeCashFlowDefinitions(ctx, subject[0]!, slot, ours.figure, decimals)).find((v) => judge(test, v.figure.value).verdict === 'supported');
    if (match) {
      result.alsoAgainst.push(evidence('free cash flow as operating cash flow less capex', q, ours.figure, ours.sources));
      result = { ...result, verdict: 'supported', actual: match.figure, difference: judge(test, match.figure.value).difference, sources: match.sources, reason: `matches ${match.definition}; the article does not say which definition it uses` };
      result.against = { ...result.against, metric: result.against.metric ? { ...result.against.metric, definition: match.definition } : null };
      verdict = 'supported';
    }
  }

  // The data itself may hold another source's figure for the period: a claim that matches it is close, not false.
  if (result.verdict === 'contradicted' && subject.length === 1 && subject[0]!.kind === 'company') {
    const match = (await otherVersions(ctx, subject[0]!, metric, ours.figure, decimals)).find((v) => judge(test, v.figure.value).verdict === 'supported');
    if (match) {
      result.alsoAgainst.push(evidence('another source on record for the same period', q, match.figure, match.sources));
      result = { ...result, verdict: 'close', reason: `the figure matches another source on record (${match.figure.display}); the figure airace uses is ${ours.figure.display}: the sources disagree` };
    }
  }
  if (metric === 'capex' && subject.length === 1 && subject[0]!.kind === 'group') result.alsoAgainst.push(...(await reportedCombined(ctx, subject[0]!.ticker, slot, q)));
  if (ours.figure.fx) {
    result.notes.push(`converted at ${formatFigure(ours.figure.fx.rate, 'CNY/USD')} (${ours.figure.fx.pair} stated for ${ours.figure.fx.date}, ${ours.figure.fx.source})`);
    // "$280.2 billion" for a figure reported as RMB 280.2 billion: yuan and dollars confused.
    if (verdict !== 'supported') {
      const native = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, slot, undefined, decimals);
      if (!('missing' in native) && judge(test, native.figure.value).verdict === 'supported') {
        result.notes.push(`the figure matches the ${native.figure.unit} amount (${native.figure.display}): the currency looks confused`);
      }
    }
  }
  // "free cash flow of $5.9 billion" for an outflow of $5.9 billion: the size is right and the words give no sign.
  if (result.verdict === 'contradicted' && ours.figure.value < 0 && q.value > 0 && judge(testFor({ ...q, value: -(q.high ?? q.value), high: q.high === null ? null : -q.value }), ours.figure.value).verdict !== 'contradicted') {
    return notCheckable(result, 'definition-unclear', `the figure matches the size of ${ours.figure.display}, an outflow; the words do not say whether it is one`);
  }
  if (verdict === 'contradicted') {
    const hints = await valueHints(ctx, tickers, metric, q, cur.currency, slot);
    if (hints.length) result.notes.push(`the figure matches ${hints.join(', ')}`);
  }
  if (metric === 'capex' && claim.metric && !/capital|capex|property|cap-ex/i.test(claim.metric.words)) {
    result.notes.push(`“${claim.metric.words}” read as capex (cash paid for property and equipment, which covers more than AI and cloud)`);
  }
  result.sources = uniqueDocs(result.sources);
  return guarded(claim, result);
}
