// Checks a change by computing it from the engine's figures, in the reporting currency (so FX
// moves don't enter it): a percentage ("revenue grew 8%", "fell by about 13%", "grew by a fifth"),
// a multiple ("doubled", "nearly tripled"), or a compound annual rate ("compounded 35% a year since
// 2022"). The change is measured against the base the words name ("from 2023", "than in the third
// quarter", "from the $83 billion it spent in 2024"), else between the ends of a range, else
// against the same period a year earlier.
import type { Claim } from './claim.js';
import type { CheckedClaim, Figure } from './check-report.js';
import { METRIC_IDS } from '../series/metrics.js';
import { claimSlot } from './claim-slot.js';
import { evidence, guarded, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { otherVersions } from './figure-variants.js';
import { docOf, metricName, namesOf, seriesFigure, slotLabel, uniqueDocs } from './series-figure.js';
import type { DocumentRef } from '../model/fact.js';
import { formatFigure } from '../model/format-figure.js';
import { judge, testFor } from './tolerance.js';
import { subjectCompanies } from './subject-companies.js';
import { datesFor, resolvePeriod, type PeriodSlot } from './resolve-period.js';
import type { VerifyContext } from './verify-context.js';

/** The same slot `years` later: 2024-Q4 → 2023-Q4 for -1, 2025 → 2024. */
export function shiftSlot(slot: PeriodSlot, years: number): PeriodSlot {
  const shift = (label: string) => label.replace(/^\d{4}/, (y) => String(Number(y) + years));
  return { ...slot, from: shift(slot.from), to: shift(slot.to) };
}

const single = (slot: PeriodSlot, end: 'from' | 'to'): PeriodSlot => ({ ...slot, from: slot[end], to: slot[end] });
const sameSlot = (a: PeriodSlot, b: PeriodSlot) => a.period === b.period && a.from === b.from && a.to === b.to;

/** How many periods a slot covers ("2025-Q1" to "2025-Q2": 2), by its labels' years and quarters. */
function spanLength(slot: PeriodSlot): number {
  const index = (label: string) => Number(label.slice(0, 4)) * 4 + (Number(/Q([1-4])/.exec(label)?.[1] ?? 1) - 1);
  return index(slot.to) - index(slot.from) + 1;
}

interface Computed {
  figure: Figure;
  sources: DocumentRef[];
  /** End of the later period, for "published later". */
  laterEnd: string | null;
  earlier: Figure | null;
  later: Figure | null;
  years: number;
}

/** The change between two periods (`from` → `to`), as the claim states it: percent, multiple, or compound annual rate. */
async function change(ctx: VerifyContext, claim: Claim, tickers: string[], metric: string, from: PeriodSlot, to: PeriodSlot): Promise<Computed | { missing: string }> {
  const q = claim.quantity!;
  const a = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, from, undefined, 3);
  const b = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, to, undefined, 3);
  if ('missing' in a) return { missing: `${slotLabel(from)}: ${a.missing}` };
  if ('missing' in b) return { missing: `${slotLabel(to)}: ${b.missing}` };
  if (a.figure.value <= 0) return { missing: `the ${slotLabel(from)} figure is not positive, so a change is not meaningful` };
  const ratio = b.figure.value / a.figure.value;
  const years = Math.max(1, Number(to.to.slice(0, 4)) - Number(from.from.slice(0, 4)));
  const value = changeValue(q, ratio, years);
  const unit = q.kind === 'multiple' ? 'x' : 'percent';
  const how = q.kind === 'multiple' ? `${b.figure.display} ÷ ${a.figure.display}` : q.perYear ? `(${b.figure.display} ÷ ${a.figure.display})^(1/${years}) − 1` : `${b.figure.display} ÷ ${a.figure.display} − 1`;
  return {
    figure: {
      value,
      unit,
      display: unit === 'x' ? `${value.toFixed(2)}x` : formatFigure(value, 'percent', 1),
      label: `${namesOf(tickers, ctx.companies)} ${metricName(metric)}, ${slotLabel(to)} vs ${slotLabel(from)}${q.perYear ? `, a year over ${years} years` : ''}`,
      start: a.figure.start,
      end: b.figure.end,
      basis: 'actual',
      fx: null,
      derivation: how,
      statedOn: null,
    },
    sources: uniqueDocs([...b.sources, ...a.sources]),
    laterEnd: b.figure.end,
    earlier: a.figure,
    later: b.figure,
    years,
  };
}

/** A ratio of two figures as the claim states the change: a multiple, a compound annual rate, or a percentage. */
function changeValue(q: Claim['quantity'] & object, ratio: number, years: number): number {
  return q.kind === 'multiple' ? ratio : q.perYear ? (ratio ** (1 / years) - 1) * 100 : (ratio - 1) * 100;
}

/** The two periods a change is measured between. */
function ends(claim: Claim, slot: PeriodSlot, ctx: VerifyContext, subject: ReturnType<typeof subjectCompanies>): { from: PeriodSlot; to: PeriodSlot; note: string | null } | { error: string } {
  if (claim.base) {
    const plan = resolvePeriod(claim.base.ref, subject);
    if (!plan.primary) return { error: plan.error ?? 'the base period cannot be resolved' };
    // A base a year before the figure's own period ("34% more than a year before") moves with it when the period is read another way.
    const own = claim.period ? resolvePeriod(claim.period.ref, subject).primary : null;
    if (own && slot !== own && sameSlot(plan.primary, shiftSlot(own, -1))) return { from: shiftSlot(slot, -1), to: slot, note: `measured from ${slotLabel(shiftSlot(slot, -1))} (“${claim.base.ref.text.trim()}”)` };
    // A base as long as the period ("up 103% from the first six months of 2025" for a half) compares like with like.
    const sameLength = plan.primary.from !== plan.primary.to && plan.primary.period === slot.period && spanLength(plan.primary) === spanLength(slot);
    const to = slot.from === slot.to || sameLength ? slot : single(slot, 'to');
    // "up 59% from the $83 billion it spent in 2024" with no year of its own: the year after the base.
    return { from: plan.primary, to, note: `measured from ${slotLabel(plan.primary)} (“${claim.base.ref.text.trim()}”)` };
  }
  if (slot.from !== slot.to && slot.period !== 'quarter') return { from: single(slot, 'from'), to: single(slot, 'to'), note: null };
  return { from: shiftSlot(slot, -1), to: slot, note: null };
}

export async function verifyChange(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const q = claim.quantity!;
  const metric = claim.metric!.id;
  if (q.unit === 'pp') return notCheckable(base, 'no-metric', 'a change in percentage points needs a ratio series; airace checks percentage changes of amounts');
  if (!METRIC_IDS.includes(metric)) return notCheckable(base, 'no-data', `airace has no ${metricName(metric)} series`);
  const subject = subjectCompanies(claim, ctx.companies);
  const choice = await claimSlot(claim, subject, metric, undefined, ctx, false);
  if ('code' in choice) return notCheckable(base, choice.code, choice.reason);
  const tickers = subject.map((c) => c.ticker);
  const sign = q.direction === 'down' && q.kind !== 'multiple' ? -1 : 1;
  const test = testFor(q, sign);

  // A rate a year needs years to compound over: one year (carried or stated) is not enough to check it.
  if (q.perYear && !claim.base && choice.primary.from === choice.primary.to && choice.primary.period !== 'quarter') return notCheckable(base, 'period-unresolved', `a rate a year needs a span of years; the words give only ${slotLabel(choice.primary)}`);
  let slot = choice.primary;
  let between = ends(claim, slot, ctx, subject);
  if ('error' in between) return notCheckable(base, 'period-unresolved', between.error);
  let ours = await change(ctx, claim, tickers, metric, between.from, between.to);
  let note = choice.note;
  if (choice.ambiguous) {
    for (const alt of choice.alternates) {
      const altEnds = ends(claim, alt, ctx, subject);
      if ('error' in altEnds) continue;
      const other = await change(ctx, claim, tickers, metric, altEnds.from, altEnds.to);
      const primaryOk = 'figure' in ours && judge(test, ours.figure.value).verdict === 'supported';
      if ('figure' in other && !primaryOk && judge(test, other.figure.value).verdict === 'supported') {
        slot = alt;
        between = altEnds;
        ours = other;
        note = `${note}; the change matches ${slotLabel(alt)}`;
      }
    }
  }
  // A change from a year earlier is about the later period; other bases name both ends.
  const label = between.from.from === shiftSlot(between.to, -1).from && between.from.period === between.to.period ? slotLabel(between.to) : `${slotLabel(between.from)} to ${slotLabel(between.to)}`;
  // A change over a range is about the whole span; a change against a base, about the later period.
  const overRange = !claim.base && slot.from !== slot.to && slot.period !== 'quarter';
  const span = overRange ? { from: single(slot, 'from'), to: single(slot, 'to') } : { from: between.to, to: between.to };
  const dates = { start: datesFor(span.from, subject)?.start ?? null, end: datesFor(span.to, subject)?.end ?? null };
  const located = withPeriod(base, label, [note, between.note].filter(Boolean).join('; ') || null, dates);
  if ('missing' in ours) return notCheckable(located, 'no-data', `cannot compute the change: ${ours.missing}`);
  if (ctx.articleDate && ours.laterEnd && ours.laterEnd > ctx.articleDate) {
    return notCheckable(located, 'published-later', `published later: ${slotLabel(between.to)} ended on ${ours.laterEnd}, after the article's date (${ctx.articleDate})`);
  }

  const { verdict, difference } = judge(test, ours.figure.value);
  let result: CheckedClaim = { ...located, verdict, actual: ours.figure, difference, tolerance: test.words, sources: ours.sources };
  // Where another source on record gives the later period a figure that makes the change right, the sources disagree: close.
  if (verdict === 'contradicted' && subject.length === 1 && subject[0]!.kind === 'company' && ours.later) {
    for (const v of await otherVersions(ctx, subject[0]!, metric, ours.later, 3)) {
      const value = changeValue(q, v.figure.value / ours.earlier!.value, ours.years);
      if (judge(test, value).verdict !== 'supported') continue;
      result.alsoAgainst.push(evidence(`the change with another source's figure for ${slotLabel(between.to)} (${v.figure.display})`, q, { ...ours.figure, value, display: formatFigure(value, ours.figure.unit, 1) }, v.sources));
      result = { ...result, verdict: 'close', reason: `the change matches another source on record for ${slotLabel(between.to)} (${v.figure.display}); the figure airace uses gives ${ours.figure.display}: the sources disagree` };
      break;
    }
  }
  if (ours.figure.derivation) result.notes.push(`computed: ${ours.figure.derivation}`);

  // The growth rate the company itself stated for the period, where the bundled data has it.
  if (tickers.length === 1 && ours.figure.end && q.kind === 'percent' && !q.perYear) {
    const start = await periodStart(ctx, tickers, metric, between.to);
    const stated = (await ctx.cache.facts(tickers, [`${metric}_growth_pct`])).filter((f) => f.periodEnd === ours.figure.end && f.basis === 'actual' && f.periodStart === start);
    for (const f of stated.sort((a, b) => Number(b.preferred) - Number(a.preferred)).slice(0, 2)) {
      result.alsoAgainst.push(
        evidence('growth as the company or press stated it', q, { value: f.value, unit: 'percent', display: formatFigure(f.value, 'percent', 1), label: `${metricName(metric)} growth, stated`, start: f.periodStart, end: f.periodEnd, basis: 'actual', fx: null, derivation: null, statedOn: null }, [docOf(f)], f.note, sign),
      );
    }
  }
  return guarded(claim, result);
}

/** The first day of a single period, from the engine. */
async function periodStart(ctx: VerifyContext, tickers: string[], metric: string, slot: PeriodSlot): Promise<string | null> {
  const r = await seriesFigure(ctx.cache, ctx.companies, tickers, metric, slot, undefined, 0);
  return 'figure' in r ? r.figure.start : null;
}
