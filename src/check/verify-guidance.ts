// Checks a plan ("planned to spend more than $320 billion in 2025") against the guidance in force when the
// article was written, and shows it against what was actually spent since: our engine's sum of
// capex for the period, and (for the big four) the combined figure the press reported.
import type { Company } from '../model/company.js';
import type { StoredFact } from '../model/fact.js';
import type { Claim, Quantity } from './claim.js';
import type { CheckedClaim, Evidence, Figure } from './check-report.js';
import { evidence, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { formatFigure } from '../model/format-figure.js';
import { evidenceDecimals } from './evidence-decimals.js';
import { judge, testFor, CLOSE_RELATIVE, type ClaimTest } from './tolerance.js';
import { subjectCompanies } from './verify-amount.js';
import { guidanceAt, guidanceStatements, type GuidanceStatement } from './guidance-statements.js';
import { resolvePeriod, type PeriodSlot } from './resolve-period.js';
import { namesOf, seriesFigure, slotLabel, uniqueUrls } from './series-figure.js';
import { endDateOf, monthIndex, monthIndexOf, monthsBetween, startDateOf } from '../series/months.js';
import { fiscalYearEnd } from '../series/fiscal-year.js';
import type { VerifyContext } from './verify-context.js';

/** The dates a period slot covers for one company. */
function slotDates(slot: PeriodSlot, company: Company): { start: string; end: string } {
  const y = Number(slot.from.slice(0, 4));
  if (slot.period === 'quarter') {
    const q = Number(slot.from.slice(-1));
    const end = monthIndex(y, q * 3);
    return { start: startDateOf(end, 3), end: endDateOf(end) };
  }
  const end = slot.period === 'fy' ? fiscalYearEnd(y, company.fiscalYearEndMonth) : monthIndex(y, 12);
  return { start: startDateOf(end, 12), end: endDateOf(end) };
}

const covers = (f: StoredFact, dates: { start: string; end: string }) =>
  f.periodStart !== null && monthIndexOf(f.periodEnd) === monthIndexOf(dates.end) && monthsBetween(f.periodStart, f.periodEnd) === monthsBetween(dates.start, dates.end);

/**
 * A claim against a guided figure or range. A range guided ($91–93B) supports a figure inside it,
 * and a claimed range matches a guided one end to end.
 */
function judgeGuidance(q: Quantity, s: GuidanceStatement): ReturnType<typeof judge> & { test: ClaimTest } {
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
  const inside: ClaimTest = { ...test, op: 'between', low: s.low, high: s.high, closeBand: Math.max(test.supportBand, CLOSE_RELATIVE * s.high) };
  const r = judge(inside, q.value);
  return { verdict: r.verdict, difference: { ...r.difference, absolute: -r.difference.absolute, display: r.difference.display.replace(/^[+-]/, (m) => (m === '+' ? '-' : '+')) }, test: { ...test, words: `supported if inside the guided range (±${formatFigure(test.supportBand, q.unit, 2)}); close within 2% of it` } };
}

function statementFigure(s: GuidanceStatement, label: string, decimals: number): Figure {
  const one = (v: number) => formatFigure(v, s.unit, decimals);
  return {
    value: s.low,
    unit: s.unit,
    display: `${s.lowerBound ? 'over ' : ''}${s.low === s.high ? one(s.low) : `${one(s.low)}–${one(s.high)}`}`,
    label,
    start: s.facts[0]!.periodStart,
    end: s.facts[0]!.periodEnd,
    basis: 'guidance',
    fx: null,
    derivation: null,
    statedOn: s.date && s.approximate ? s.date.slice(0, 7) : s.date,
  };
}

export async function verifyGuidance(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const q = claim.quantity!;
  const subject = subjectCompanies(claim, ctx.companies);
  if (subject.length !== 1) return notCheckable(base, 'no-data', 'guidance is on record for single companies and the big four only');
  const company = subject[0]!;
  if (!claim.period) return notCheckable(base, 'period-unstated', 'the plan states no year');
  const plan = resolvePeriod(claim.period, subject);
  if (!plan.primary) return notCheckable(base, 'period-unresolved', plan.error ?? 'the period cannot be resolved');
  const slot = plan.primary;
  const dates = slotDates(slot, company);
  const isGroup = company.kind === 'group';
  const metrics = isGroup ? ['capex_combined'] : ['capex_guidance', 'capex_guidance_low', 'capex_guidance_high'];
  const facts = (await ctx.cache.facts([company.ticker], metrics)).filter((f) => f.basis === 'guidance' && f.unit === q.unit && covers(f, dates));
  const located = withPeriod(base, slotLabel(slot), plan.note);
  const decimals = evidenceDecimals(q.decimals, q.unit);
  const who = namesOf([company.ticker], ctx.companies);

  const statements = guidanceStatements(facts);
  const at = guidanceAt(statements, ctx.articleDate);
  let result: CheckedClaim;
  if (!at) {
    result = notCheckable(located, 'no-data', `no ${q.unit} capex guidance of ${who} on record for ${slotLabel(slot)}`);
  } else {
    const { verdict, difference, test } = judgeGuidance(q, at.statement);
    result = {
      ...located,
      verdict,
      difference,
      tolerance: test.words,
      actual: statementFigure(at.statement, `${who} capex guidance for ${slotLabel(slot)}`, decimals),
      sources: uniqueUrls(at.statement.facts.map((f) => f.sourceUrl)),
      reason: `checked against ${at.note}`,
    };
    const later = statements.filter((s) => s.date && at.statement.date && s.date > at.statement.date);
    for (const s of later) {
      const r = judgeGuidance(q, s);
      result.alsoAgainst.push({ label: `guidance stated later (${s.approximate ? s.date!.slice(0, 7) : s.date})`, verdict: r.verdict, actual: statementFigure(s, `${who} capex guidance`, decimals), difference: r.difference, sources: uniqueUrls(s.facts.map((f) => f.sourceUrl)), note: s.facts.find((f) => f.preferred)?.note ?? s.facts[0]!.note });
    }
  }

  // What was actually spent: the engine's capex for the period, and the combined figure as reported.
  const actual = await seriesFigure(ctx.cache, ctx.companies, [company.ticker], 'capex', slot, q.unit === 'USD' ? undefined : 'USD', decimals);
  const since: Evidence[] = [];
  if ('missing' in actual) since.push({ label: `actual capex, ${slotLabel(slot)}`, verdict: null, actual: null, difference: null, sources: [], note: actual.missing });
  else since.push(evidence(`actual capex since, ${slotLabel(slot)}${isGroup ? ` (airace sum of ${company.members.join(' + ')})` : ''}`, q, actual.figure, actual.sources));
  if (isGroup) {
    const reported = (await ctx.cache.facts([company.ticker], ['capex_combined'])).filter((f) => f.basis === 'actual' && covers(f, dates)).sort((a, b) => Number(b.preferred) - Number(a.preferred));
    for (const f of reported) {
      since.push(evidence(`actual combined capex as reported${f.preferred ? '' : ' (another source)'}`, q, { value: f.value, unit: f.unit, display: formatFigure(f.value, f.unit, decimals), label: 'big four combined capex, as reported', start: f.periodStart, end: f.periodEnd, basis: 'actual', fx: null, derivation: null, statedOn: null }, [f.sourceUrl], f.note));
    }
  }
  result.alsoAgainst.push(...since);
  if (claim.metric && !/capital|capex|property/i.test(claim.metric.words)) result.notes.push(`“${claim.metric.words}” read as capex: guidance and actuals are total capital expenditures, not only AI and cloud`);
  return result;
}
