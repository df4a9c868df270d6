// A guidance history as flat rows (CLI `guidance --format csv`, an API CSV twin): one row per
// statement, then one `actual` row with the year's figure.
import type { GuidanceHistory } from '../series/guidance-history.js';

export const GUIDANCE_COLUMNS = [
  'ticker', 'label', 'period_start', 'period_end', 'row', 'date', 'low', 'high', 'currency', 'reiterated', 'metric', 'missing_reason', 'source_urls',
] as const;

export function guidanceRows(h: GuidanceHistory): (string | number | null)[][] {
  const urls = (list: { url: string }[]) => [...new Set(list.map((s) => s.url))].join(' ');
  const head = [h.ticker, h.label, h.periodStart, h.periodEnd];
  const steps = h.steps.map((s) => [...head, 'guidance', s.date, s.low, s.high, h.currency, s.reiterated ? 1 : 0, null, null, urls(s.sources)]);
  const a = h.actual;
  const actual = [...head, 'actual', null, a?.value ?? null, a?.value ?? null, h.currency, null, h.actualMetric, a?.missing?.reason ?? null, urls(a?.sources ?? [])];
  return [...steps, actual];
}
