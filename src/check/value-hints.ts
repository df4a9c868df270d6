// When a figure does not match what it was checked against, it often matches something else the
// company reported: another period ("matches FY2024"), or a sibling metric (capex including finance
// leases). Saying so turns a bare "contradicted" into a pointer at the likely mix-up.
import type { Quantity } from './claim.js';
import type { PeriodSlot } from './resolve-period.js';
import type { VerifyContext } from './verify-context.js';
import { metricName } from './series-figure.js';
import { judge, testFor } from './tolerance.js';

/** Metrics a figure is easily confused with. */
const SIBLINGS: Record<string, string[]> = {
  capex: ['capex', 'capex_incl_finance_leases'],
  capex_incl_finance_leases: ['capex_incl_finance_leases', 'capex'],
  net_income: ['net_income', 'net_income_attributable', 'operating_income'],
  net_income_attributable: ['net_income_attributable', 'net_income'],
  operating_income: ['operating_income', 'net_income'],
  free_cash_flow: ['free_cash_flow', 'operating_cash_flow'],
  operating_cash_flow: ['operating_cash_flow', 'free_cash_flow'],
};

const MAX_HINTS = 3;

/** A period label's position in quarters ("2024-Q3", "FY2024", "2024"): years count as their fourth quarter. */
function position(label: string): number | null {
  const q = /(\d{4})-Q([1-4])/.exec(label);
  if (q) return Number(q[1]) * 4 + Number(q[2]) - 1;
  const y = /(\d{4})/.exec(label);
  return y ? Number(y[1]) * 4 + 3 : null;
}

/** How a matching period stands to the one checked: "a year earlier", "the quarter before", "trailing twelve months, not the quarter". */
function relation(checked: PeriodSlot, period: 'fy' | 'cy' | 'quarter' | 'ttm', label: string): string | null {
  const a = position(checked.to);
  const b = position(label);
  if (a === null || b === null) return null;
  if (period === 'ttm' && checked.period === 'quarter') return b === a ? 'twelve months, not the quarter' : 'twelve months, not a quarter';
  if (period === 'quarter' && checked.period === 'ttm') return 'a single quarter, not twelve months';
  if (period !== checked.period && !(period === 'cy' && checked.period === 'fy') && !(period === 'fy' && checked.period === 'cy')) return null;
  const step = period === 'quarter' || period === 'ttm' ? (a - b === 1 ? 'the quarter before' : null) : null;
  if (step) return step;
  if (b === a - 4) return 'a year earlier';
  if (b === a + 4) return 'a year later';
  if (b === a - 8) return 'two years earlier';
  if (period !== checked.period) return period === 'cy' ? 'the calendar year, not the fiscal year' : 'the fiscal year, not the calendar year';
  return null;
}

/** Other periods and sibling metrics of the same company whose figure the claim matches, as "matches capex 2024". */
export async function valueHints(ctx: VerifyContext, tickers: string[], metric: string, q: Quantity, currency: string | undefined, checked: PeriodSlot, sign: 1 | -1 = 1): Promise<string[]> {
  const test = testFor(q, sign);
  const hints: string[] = [];
  for (const m of SIBLINGS[metric] ?? [metric]) {
    for (const period of ['fy', 'cy', 'quarter', 'ttm'] as const) {
      const result = await ctx.cache.series({ metric: m, tickers, period, ...(currency ? { currency } : {}) });
      if (result instanceof Error || result.series.length !== 1) continue;
      for (const p of result.series[0]!.points) {
        if (p.value === null) continue;
        const same = m === metric && period === checked.period && p.label.replace(/^FY/, '') === checked.from && checked.from === checked.to;
        if (same || judge(test, p.value).verdict !== 'supported') continue;
        const name = period === 'ttm' ? `the twelve months to ${p.label}` : p.label;
        const label = `${m === metric ? '' : `${metricName(m)} `}${name}`.trim();
        const later = ctx.articleDate && p.end && p.end > ctx.articleDate ? 'published after the article' : null;
        const how = [m === metric ? relation(checked, period, p.label) : null, later].filter(Boolean).join(', ');
        if (!hints.some((h) => h.includes(`${p.start} to ${p.end}`) && (m === metric) === !h.startsWith(metricName(m)))) hints.push(`${label} (${p.start} to ${p.end}${how ? `, ${how}` : ''})`);
        if (hints.length >= MAX_HINTS) return hints;
      }
    }
  }
  return hints;
}
