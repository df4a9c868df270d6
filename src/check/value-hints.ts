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

/** Other periods and sibling metrics of the same company whose figure the claim matches, as "matches capex 2024". */
export async function valueHints(ctx: VerifyContext, tickers: string[], metric: string, q: Quantity, currency: string | undefined, checked: PeriodSlot, sign: 1 | -1 = 1): Promise<string[]> {
  const test = testFor(q, sign);
  const hints: string[] = [];
  for (const m of SIBLINGS[metric] ?? [metric]) {
    for (const period of ['fy', 'cy', 'quarter'] as const) {
      const result = await ctx.cache.series({ metric: m, tickers, period, ...(currency ? { currency } : {}) });
      if (result instanceof Error || result.series.length !== 1) continue;
      for (const p of result.series[0]!.points) {
        if (p.value === null) continue;
        const same = m === metric && period === checked.period && p.label.replace(/^FY/, '') === checked.from && checked.from === checked.to;
        if (same || judge(test, p.value).verdict !== 'supported') continue;
        const label = `${m === metric ? '' : `${metricName(m)} `}${p.label}`.trim();
        if (!hints.some((h) => h.includes(`${p.start} to ${p.end}`) && (m === metric) === !h.startsWith(metricName(m)))) hints.push(`${label} (${p.start} to ${p.end})`);
        if (hints.length >= MAX_HINTS) return hints;
      }
    }
  }
  return hints;
}
