// Checks a percentage change ("revenue grew 8%", "fell by about 13%") by computing it from
// the engine's figures: the period against the same period a year earlier, or the ends of a range
// ("from 2022 to 2025"). Growth is computed in the reporting currency, so FX moves don't enter it.
import type { Claim } from './claim.js';
import type { CheckedClaim, Figure } from './check-report.js';
import { METRIC_IDS } from '../series/metrics.js';
import { claimSlot } from './claim-slot.js';
import { evidence, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { metricName, namesOf, slotLabel, uniqueUrls } from './series-figure.js';
import { formatFigure } from '../model/format-figure.js';
import { judge, testFor } from './tolerance.js';
import { subjectCompanies } from './verify-amount.js';
import type { PeriodSlot } from './resolve-period.js';
import type { VerifyContext } from './verify-context.js';

/** The period a year before: 2024-Q4 → 2023-Q4, 2025 → 2024. */
function yearBefore(slot: PeriodSlot): string {
  const m = /^(\d{4})(-Q[1-4])?$/.exec(slot.from)!;
  return `${Number(m[1]) - 1}${m[2] ?? ''}`;
}

async function growth(ctx: VerifyContext, tickers: string[], metric: string, slot: PeriodSlot): Promise<{ figure: Figure; sources: string[] } | { missing: string }> {
  const from = slot.from === slot.to ? yearBefore(slot) : slot.from;
  const result = await ctx.cache.series({ metric, tickers, period: slot.period, from, to: slot.to });
  if (result instanceof Error) return { missing: result.message };
  if (result.series.length !== 1) return { missing: 'a change is computed for one company or group at a time' };
  const points = result.series[0]!.points;
  const a = points[0];
  const b = points[points.length - 1];
  if (!a || !b || a === b) return { missing: 'no earlier period to compare with' };
  if (a.value === null || b.value === null) return { missing: (a.value === null ? a : b).missing?.detail ?? `no data for ${(a.value === null ? a : b).label}` };
  if (a.value <= 0) return { missing: `the ${a.label} figure is not positive, so a percentage change is not meaningful` };
  const pct = (b.value / a.value - 1) * 100;
  const unit = result.unit;
  return {
    figure: {
      value: pct,
      unit: 'percent',
      display: formatFigure(pct, 'percent', 1),
      label: `${namesOf(tickers, ctx.companies)} ${metricName(metric)}, ${b.label} vs ${a.label}`,
      start: a.start,
      end: b.end,
      basis: result.basis,
      fx: null,
      derivation: `${formatFigure(b.value, unit, 3)} ÷ ${formatFigure(a.value, unit, 3)} − 1`,
      statedOn: null,
    },
    sources: uniqueUrls([...b.sources, ...a.sources].map((s) => s.url)),
  };
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
  const located = withPeriod(base, slotLabel(choice.primary), choice.note);
  const ours = await growth(ctx, tickers, metric, choice.primary);
  if ('missing' in ours) return notCheckable(located, 'no-data', `cannot compute the change: ${ours.missing}`);

  const sign = q.direction === 'down' ? -1 : 1;
  const test = testFor(q, sign);
  const { verdict, difference } = judge(test, ours.figure.value);
  const result: CheckedClaim = { ...located, verdict, actual: ours.figure, difference, tolerance: test.words, sources: ours.sources };
  if (ours.figure.derivation) result.notes.push(`computed: ${ours.figure.derivation}`);

  for (const alt of choice.alternates) {
    const other = await growth(ctx, tickers, metric, alt);
    if (!('missing' in other)) result.alsoAgainst.push(evidence(`${slotLabel(alt)} (the other reading of the year)`, q, other.figure, other.sources, null, sign));
  }
  // The growth rate the company itself stated for the period, where the bundled data has it.
  if (tickers.length === 1 && ours.figure.start && ours.figure.end) {
    const stated = (await ctx.cache.facts(tickers, [`${metric}_growth_pct`])).filter((f) => f.periodEnd === ours.figure.end && f.basis === 'actual' && f.periodStart && f.periodStart > ours.figure.start!);
    for (const f of stated.sort((a, b) => Number(b.preferred) - Number(a.preferred)).slice(0, 2)) {
      result.alsoAgainst.push(
        evidence('growth as the company or press stated it', q, { value: f.value, unit: 'percent', display: formatFigure(f.value, 'percent', 1), label: `${metricName(metric)} growth, stated`, start: f.periodStart, end: f.periodEnd, basis: 'actual', fx: null, derivation: null, statedOn: null }, [f.sourceUrl], f.note, sign),
      );
    }
  }
  return result;
}
