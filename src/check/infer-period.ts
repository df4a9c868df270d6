// When a claim states no period ("quarterly revenue grew 8% to RMB 280.2 billion"),
// the article usually means the latest results. With an article date, that is the latest period
// reported before it; without one, the period whose figure matches is named, and the report says
// the period was matched by value, not stated.
import type { Company } from '../model/company.js';
import type { SeriesPoint } from '../model/series.js';
import type { Quantity } from './claim.js';
import type { PeriodSlot } from './resolve-period.js';
import type { SeriesCache } from './series-cache.js';
import { formatFigure } from '../model/format-figure.js';
import { CLOSE_RELATIVE } from './tolerance.js';
import { REPORTING_LAG_DAYS } from './resolve-relative.js';
import { plusDays } from './article-date.js';



interface Candidate {
  slot: PeriodSlot;
  point: SeriesPoint;
}

function slotOf(period: 'quarter' | 'fy' | 'cy', p: SeriesPoint): PeriodSlot {
  const label = period === 'quarter' ? p.label : p.label.replace(/^FY/, '');
  return { period, from: label, to: label };
}


export async function inferPeriod(
  cache: SeriesCache,
  subject: Company[],
  metric: string,
  q: Quantity,
  currency: string | undefined,
  articleDate: string | null,
): Promise<{ slot: PeriodSlot; note: string; how: 'inferred' | 'matched' } | { reason: string }> {
  const tickers = subject.map((c) => c.ticker);
  const years: Array<'fy' | 'cy'> = subject.some((c) => c.kind === 'group') ? ['cy'] : ['fy'];
  const candidates: Candidate[] = [];
  for (const period of ['quarter', ...years] as const) {
    const result = await cache.series({ metric, tickers, period, ...(currency ? { currency } : {}) });
    if (result instanceof Error) continue;
    // One company, or a group the engine sums: a single series to choose from.
    if (result.series.length !== 1) continue;
    for (const p of result.series[0]!.points) if (p.value !== null) candidates.push({ slot: slotOf(period, p), point: p });
  }
  if (candidates.length === 0) return { reason: 'the claim states no period and airace has no figures to match it against' };
  const gap = (c: Candidate) => Math.abs((c.point.value as number) - q.value) / Math.max(Math.abs(q.value), 1e-9);
  const describe = (c: Candidate) => `${c.slot.period === 'quarter' ? 'the quarter' : c.slot.period === 'fy' ? 'fiscal year' : 'calendar year'} ${c.point.label} (${c.point.start} to ${c.point.end})`;

  if (articleDate) {
    const cutoff = plusDays(articleDate, -REPORTING_LAG_DAYS);
    const reported = candidates.filter((c) => c.point.end <= cutoff);
    const latest = (kind: string) => reported.filter((c) => c.slot.period === kind).sort((a, b) => (a.point.end < b.point.end ? 1 : -1))[0];
    const options = [latest('quarter'), ...years.map(latest)].filter((c): c is Candidate => !!c);
    const best = options.sort((a, b) => gap(a) - gap(b))[0];
    if (best) return { slot: best.slot, note: `period not stated: took the latest period reported before the article date (${articleDate}), ${describe(best)}`, how: 'inferred' };
    return { reason: `the claim states no period and airace has no period reported before the article date (${articleDate})` };
  }

  const best = [...candidates].sort((a, b) => gap(a) - gap(b))[0]!;
  const within = Math.max(q.precision / Math.max(Math.abs(q.value), 1e-9), CLOSE_RELATIVE);
  if (gap(best) <= within) {
    return { slot: best.slot, note: `period not stated and the article is undated: matched by value to ${describe(best)}; no other period is as close`, how: 'matched' };
  }
  return {
    reason: `the claim states no period and the article is undated; no period matches (nearest: ${describe(best)}, ${formatFigure(best.point.value as number, currency ?? subject[0]?.currency ?? q.unit, 2)}). Give the article date with --date`,
  };
}
