// Checks a plan ("planned to spend more than $320 billion in 2025") against the guidance history
// of the series layer (src/series/guidance-history.ts, the one home of "the guidance in force"): the
// statement in force on the article's date, or the one the words point at ("in July it had said",
// "previously"). A quarterly pace is never read as a plan for the year. The report then shows the
// guidance stated later (published later) and what was actually spent.
import type { Company } from '../model/company.js';
import type { Claim, Quantity } from './claim.js';
import type { CheckedClaim, Evidence, Figure } from './check-report.js';
import type { GuidanceHistory, GuidanceStep } from '../series/guidance-history.js';
import { evidence, guarded, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { formatFigure } from '../model/format-figure.js';
import { evidenceDecimals } from './evidence-decimals.js';
import { judge, testFor, CLOSE_RELATIVE, type ClaimTest } from './tolerance.js';
import { subjectCompanies } from './subject-companies.js';
import { fiscalYearOf } from '../series/fiscal-year.js';
import { monthIndexOf } from '../series/months.js';
import { resolvePeriod, type PeriodSlot } from './resolve-period.js';
import { docOf, namesOf, seriesFigure, slotLabel, uniqueDocs } from './series-figure.js';
import { documentRefOf } from '../model/fact.js';
import type { VerifyContext } from './verify-context.js';

/**
 * A claim against a guided figure or range. A range guided ($91–93B) supports a figure inside it,
 * and a claimed range matches a guided one end to end.
 */
export function judgeGuidance(q: Quantity, s: Pick<GuidanceStep, 'low' | 'high'>): ReturnType<typeof judge> & { test: ClaimTest } {
  const test = testFor(q);
  if (s.low === s.high) return { ...judge(test, s.low), test };
  if (q.bound === 'range') {
    const lo = judge({ ...test, op: 'eq', high: test.low }, s.low);
    const hi = judge({ ...test, op: 'eq', low: test.high, high: test.high }, s.high);
    const order = ['supported', 'close', 'contradicted'] as const;
    return order.indexOf(lo.verdict) >= order.indexOf(hi.verdict) ? { ...lo, test } : { ...hi, test };
  }
  if (q.bound === 'lower') return { ...judge(test, s.low), test };
  if (q.bound === 'upper') return { ...judge(test, s.high), test };
  // A point claim inside the guided range is what was guided.
  const inside: ClaimTest = { ...test, op: 'between', low: s.low, high: s.high, closeBand: Math.max(test.supportBand, (q.bound === 'approx' ? 0.05 : CLOSE_RELATIVE) * s.high) };
  const r = judge(inside, q.value);
  return { verdict: r.verdict, difference: { ...r.difference, absolute: -r.difference.absolute, display: r.difference.display.replace(/^[+-]/, (m) => (m === '+' ? '-' : '+')) }, test: { ...test, words: `supported if inside the guided range (±${formatFigure(test.supportBand, q.unit, 2)}); close within ${q.bound === 'approx' ? 5 : 2}% of it` } };
}

const stepDate = (s: GuidanceStep) => (s.approximate && s.sources.every((x) => x.dated === 'month') ? s.date.slice(0, 7) : s.date);

function stepFigure(s: GuidanceStep, h: GuidanceHistory, label: string, decimals: number): Figure {
  const one = (v: number) => formatFigure(v, h.currency, decimals);
  return {
    value: s.low,
    unit: h.currency,
    display: `${s.lowerBound ? 'over ' : ''}${s.low === s.high ? one(s.low) : `${one(s.low)}–${one(s.high)}`}`,
    label,
    start: h.periodStart,
    end: h.periodEnd,
    basis: 'guidance',
    fx: null,
    derivation: null,
    statedOn: stepDate(s),
  };
}

/** A step's figure or range in words, to the nearest unit: "$175B", "$91B–$93B". */
function stepRange(s: Pick<GuidanceStep, 'low' | 'high'>, unit: string): string {
  return `${formatFigure(s.low, unit, 0)}${s.high !== s.low ? `–${formatFigure(s.high, unit, 0)}` : ''}`;
}

/** When a step was stated, in words: "stated on 2025-10-29", "stated in 2025-10", "reported on 2025-02-07". */
function when(s: GuidanceStep): string {
  if (s.sources.every((x) => x.dated === 'published')) return `reported on ${s.date} (the statement's own date is not on record)`;
  return s.approximate && s.sources.every((x) => x.dated === 'month') ? `stated in ${s.date.slice(0, 7)}` : `stated on ${s.date}`;
}

/** Steps that change the figure (a restatement of the same figure is the same statement). */
const changes = (steps: GuidanceStep[]) => steps.filter((s) => !s.reiterated);

/** The statement the claim is about, with how it was chosen. */
function chooseStep(claim: Claim, q: Quantity, steps: GuidanceStep[], articleDate: string | null): { step: GuidanceStep; note: string; guessed: boolean } | { none: string } {
  const w = claim.statedWhen;
  if (w?.month) {
    // A month written without its year ("in early February") was placed by the article date; the plan's statements may be a year before.
    const yearWritten = /\d{4}/.test(w.words);
    const candidates = yearWritten ? [w.month] : [w.month, `${Number(w.month.slice(0, 4)) - 1}${w.month.slice(4)}`];
    for (const month of candidates) {
      const inMonth = steps.filter((s) => s.date.slice(0, 7) === month);
      const pick = inMonth[inMonth.length - 1];
      if (pick && w.movedFrom) {
        // "cut from $190 billion in July": the plan in force before that month's statement.
        const prior = changes(steps.filter((s) => s.date.slice(0, 7) < month)).pop();
        if (prior) return { step: prior, note: `the guidance before the one stated in ${month} (“${w.words}”), ${when(prior)}; in ${month}: ${stepRange(pick, q.unit)}`, guessed: false };
      }
      if (pick) return { step: pick, note: `the guidance ${when(pick)}, as the words say (“${w.words}”)`, guessed: false };
    }
    // "In July it had said": the statement in force that month.
    const before = steps.filter((s) => s.date.slice(0, 7) <= w.month!);
    const inForce = before[before.length - 1];
    if (inForce) return { step: inForce, note: `the guidance in force in ${w.month} (“${w.words}”), ${when(inForce)}`, guessed: false };
    return { none: `no guidance on record stated by ${w.month} (“${w.words}”)` };
  }
  if (articleDate) {
    const before = steps.filter((s) => s.date <= articleDate);
    const inForce = before[before.length - 1];
    if (!inForce) return { none: `no guidance on record stated before the article date (${articleDate})${steps[0] ? `; the first was ${when(steps[0])}` : ''}` };
    if (w?.earlier) {
      const distinct = changes(before);
      const current = distinct.findIndex((s) => s.low === inForce.low && s.high === inForce.high);
      const prior = current > 0 ? distinct[current - 1] : null;
      // "raised it to $130 billion from $115 billion" may skip a step: an earlier statement the figure matches is the one meant.
      const matching = distinct.slice(0, Math.max(0, current - 1)).reverse().find((s) => judgeGuidance(q, s).verdict === 'supported');
      const next = matching ? distinct[distinct.indexOf(matching) + 1] : undefined;
      if (prior && judgeGuidance(q, prior).verdict !== 'supported' && matching && next) return { step: matching, note: `an earlier guidance than the one in force on the article date (“${w.words}”), ${when(matching)}; the one after it was ${stepRange(next, q.unit)}, ${when(next)}`, guessed: false };
      if (prior) return { step: prior, note: `the guidance before the one in force on the article date (“${w.words}”), ${when(prior)}`, guessed: false };
    }
    if (w?.moveTo && judgeGuidance(q, inForce).verdict !== 'supported') {
      const step = changes(before).reverse().find((s) => judgeGuidance(q, s).verdict === 'supported');
      if (step) return { step, note: `the step of the plan the move went to (“${w.words}”), ${when(step)}; in force on the article date: ${stepRange(inForce, q.unit)}, ${when(inForce)}`, guessed: false };
    }
    return { step: inForce, note: `the guidance in force on the article date (${articleDate}), ${when(inForce)}`, guessed: false };
  }
  // No date: the statement the figure matches best, said so (a guess).
  const ranked = [...steps].sort((a, b) => Math.abs(judgeGuidance(q, a).difference.absolute) - Math.abs(judgeGuidance(q, b).difference.absolute) || a.date.localeCompare(b.date));
  const best = ranked[0];
  if (!best) return { none: 'no guidance on record' };
  return { step: best, note: `the guidance the figure matches best, ${when(best)} (article date unknown)`, guessed: true };
}

export async function verifyGuidance(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const q = claim.quantity!;
  const subject = subjectCompanies(claim, ctx.companies);
  if (subject.length !== 1) return notCheckable(base, 'no-data', 'guidance is on record for single companies and the big four only');
  const company = subject[0]!;
  if (!claim.period) {
    // "Meta says $125 billion to $145 billion": a plan stated without a year is, read naturally, for the year in
    // progress at the article date. Only a match counts: on that reading alone it is never contradicted.
    if (!ctx.articleDate || (claim.statedWhen && !claim.statedWhen.month)) return notCheckable(base, 'period-unstated', 'the plan states no year');
    // ("In July 2025 it guided to $85 billion": a plan said in a month named is for the year in progress then.)
    const fye = company.kind === 'company' ? company.fiscalYearEndMonth : 12;
    const readings: [number, string][] = [];
    if (claim.statedWhen?.month) readings.push([fiscalYearOf(monthIndexOf(`${claim.statedWhen.month}-01`), fye), `the year in progress when it was stated (${claim.statedWhen.month})`]);
    const current = fiscalYearOf(monthIndexOf(ctx.articleDate), fye);
    if (!readings.some(([y]) => y === current)) readings.push([current, `the year in progress on the article date (${ctx.articleDate})`]);
    let first: CheckedClaim | null = null;
    for (const [year, why] of readings) {
      const ref = { kind: 'fy' as const, year, quarter: null, endYear: null, years: null, quarters: null, resolution: `no year stated: fiscal ${year}, ${why}`, start: q.start, end: q.start, text: `fiscal ${year}` };
      const read = await verifyGuidance({ ...claim, period: { ref, how: 'article-date', firm: false, fromSentence: null } }, ctx);
      if (read.verdict === 'supported' || read.verdict === 'close') return read;
      first ??= { ...notCheckable(read, 'period-unstated', `the plan states no year; for fiscal ${year}, ${why}, ${read.reason ?? 'it does not match'}`), verdict: 'not-checkable' };
    }
    return first!;
  }
  const plan = resolvePeriod(claim.period.ref, subject);
  if (!plan.primary) return notCheckable(base, 'period-unresolved', plan.error ?? 'the period cannot be resolved');
  const slot = plan.primary;
  const history = await historyFor(ctx, company, slot);
  if ('error' in history) return notCheckable(base, 'period-unresolved', history.error);
  const located = withPeriod(base, slotLabel(slot), plan.note, { start: history.periodStart, end: history.periodEnd });
  const decimals = evidenceDecimals(q.decimals, q.unit);
  const who = namesOf([company.ticker], ctx.companies);
  if (history.currency !== q.unit) return notCheckable(located, 'no-fx-rate', `${who}'s guidance is stated in ${history.currency}, the claim in ${q.unit}`);

  const chosen = chooseStep(claim, q, history.steps, ctx.articleDate);
  let result: CheckedClaim;
  if ('none' in chosen) {
    result = notCheckable(located, 'no-data', `${chosen.none} for ${who}'s capex in ${slotLabel(slot)}`);
  } else {
    const { verdict, difference, test } = judgeGuidance(q, chosen.step);
    result = {
      ...located,
      verdict,
      difference,
      tolerance: test.words,
      actual: stepFigure(chosen.step, history, `${who} capex guidance for ${slotLabel(slot)}`, decimals),
      sources: uniqueDocs(chosen.step.sources.map(documentRefOf)),
      reason: `checked against ${chosen.note}`,
    };
    result.against = { ...result.against, period: result.against.period ? { ...result.against.period, how: chosen.guessed ? 'matched' : result.against.period.how } : null };
    for (const s of changes(history.steps).filter((s) => s.date > chosen.step.date && (!ctx.articleDate || s.date > ctx.articleDate || claim.statedWhen))) {
      const r = judgeGuidance(q, s);
      const later = ctx.articleDate && s.date > ctx.articleDate ? 'published later' : 'stated later';
      result.alsoAgainst.push({ label: `guidance ${later} (${stepDate(s)})`, verdict: r.verdict, actual: stepFigure(s, history, `${who} capex guidance`, decimals), difference: r.difference, sources: uniqueDocs(s.sources.map(documentRefOf)), note: s.sources.find((x) => x.note)?.note ?? null });
    }
    for (const s of history.skipped.filter((x) => /quarterly pace/.test(x.reason))) result.notes.push(`left out ${formatFigure(s.source.value, history.currency, 1)} (${s.source.url}): ${s.reason}`);
  }

  // What was actually spent: the series layer's actual for the guided period, and for a group the combined figure as reported.
  result.alsoAgainst.push(...(await actuals(ctx, claim, company, slot, history, q, decimals)));
  if (claim.metric && !/capital|capex|property/i.test(claim.metric.words)) result.notes.push(`“${claim.metric.words}” read as capex: guidance and actuals are total capital expenditures, not only AI and cloud`);
  return guarded(claim, result);
}

async function historyFor(ctx: VerifyContext, company: Company, slot: PeriodSlot): Promise<GuidanceHistory | { error: string }> {
  if (slot.from !== slot.to) return { error: 'guidance is given for one year or one quarter at a time' };
  if (slot.period === 'ttm') return { error: 'guidance is not given for trailing twelve months' };
  // A group's plan is for the calendar year; a company's for its fiscal year, or for a calendar year where it stated one ("about $175 billion over calendar 2026").
  const calendar = slot.period === 'cy' && company.kind === 'company' && company.fiscalYearEndMonth !== 12;
  const asked = await ctx.cache.guidance(company.ticker, slot.period === 'quarter' ? { quarter: slot.from } : calendar ? { calendarYear: Number(slot.from) } : { year: Number(slot.from) });
  if (asked instanceof Error) return { error: asked.message };
  if (calendar && asked.steps.length === 0) return { error: `${company.name} guides for its fiscal year, and no plan of its for calendar ${slot.from} is on record` };
  return asked;
}

async function actuals(ctx: VerifyContext, claim: Claim, company: Company, slot: PeriodSlot, h: GuidanceHistory, q: Quantity, decimals: number): Promise<Evidence[]> {
  const out: Evidence[] = [];
  const label = `actual ${h.actualMetric.replaceAll('_', ' ').replace('incl finance leases', 'incl. finance leases')} since, ${slotLabel(slot)}${company.kind === 'group' ? ` (airace sum of ${company.members.join(' + ')})` : ''}`;
  if (ctx.articleDate && h.periodEnd > ctx.articleDate) {
    const r = await seriesFigure(ctx.cache, ctx.companies, [company.ticker], h.actualMetric, slot, undefined, decimals);
    out.push('figure' in r ? evidence(`published later: ${label}`, q, r.figure, r.sources, `the period ended after the article's date (${ctx.articleDate})`) : { label: `${label}`, verdict: null, actual: null, difference: null, sources: [], note: r.missing });
  } else {
    const r = await seriesFigure(ctx.cache, ctx.companies, [company.ticker], h.actualMetric, slot, undefined, decimals);
    out.push('figure' in r ? evidence(label, q, r.figure, r.sources, h.actualBasis) : { label, verdict: null, actual: null, difference: null, sources: [], note: r.missing });
  }
  if (company.kind === 'group' && slot.period !== 'quarter') {
    const reported = (await ctx.cache.facts([company.ticker], ['capex_combined'])).filter((f) => f.basis === 'actual' && f.periodStart === h.periodStart && f.periodEnd === h.periodEnd).sort((a, b) => Number(b.preferred) - Number(a.preferred));
    for (const f of reported) {
      out.push(evidence(`actual combined capex as reported${f.preferred ? '' : ' (another source)'}`, q, { value: f.value, unit: f.unit, display: formatFigure(f.value, f.unit, decimals), label: 'big four combined capex, as reported', start: f.periodStart, end: f.periodEnd, basis: 'actual', fx: null, derivation: null, statedOn: null }, [docOf(f)], f.note));
    }
  }
  return out;
}
