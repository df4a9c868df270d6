// Our figure for a claim, always from the series engine: one company, a group (the engine sums
// the big four), or a list added together ("Microsoft and Meta combined"); a range of years is
// the sum of its years. Carries the engine's sources, FX rate and derivation.
import type { Company } from '../model/company.js';
import type { SeriesPoint } from '../model/series.js';
import type { Figure } from './check-report.js';
import type { PeriodSlot } from './resolve-period.js';
import type { SeriesCache } from './series-cache.js';
import { formatFigure } from '../model/format-figure.js';
import type { MetricDefinition } from './claim.js';
import { METRICS } from '../series/metrics.js';
import { documentRefOf, sourceRefOf, type DocumentRef, type StoredFact } from '../model/fact.js';
import { segmentNamed } from '../series/segments.js';

export interface SeriesFigure {
  figure: Figure;
  sources: DocumentRef[];
  points: SeriesPoint[];
}

export const METRIC_NAMES: Record<string, string> = {
  capex: 'capex',
  capex_incl_finance_leases: 'capex incl. finance leases',
  revenue: 'revenue',
  cloud_revenue: 'cloud revenue',
  operating_cash_flow: 'operating cash flow',
  free_cash_flow: 'free cash flow',
  net_income: 'net income',
  net_income_attributable: 'net income attributable to shareholders',
  operating_income: 'operating income',
  aws_capex: 'AWS capex',
  capex_intensity: 'capex intensity',
  ai_infrastructure_commitment: 'AI and cloud infrastructure commitment',
  capex_combined: 'combined capex',
  share_price: 'share price',
  finance_lease_principal: 'finance-lease principal payments',
  model_parameters: 'model parameters',
  model_training_compute: 'training compute',
  model_training_cost: 'training cost',
  model_training_tokens: 'training tokens',
  segment_operating_income: 'segment operating income',
  backlog: 'contracted backlog',
  market_share: 'market share',
};

/** Definitions the words of an article can state, in words for the report. */
const STATED_DEFINITIONS: Record<MetricDefinition, string> = {
  'incl-finance-leases': 'capex including finance leases, as the article counts it',
  'excl-finance-leases': 'capex excluding finance leases: cash paid for property and equipment',
  'net-of-proceeds': 'purchases of property and equipment net of proceeds from sales and incentives (Amazon’s own “cash capex”)',
  purchases: 'purchases of property and equipment (gross), from the cash-flow statement',
  'fcf-less-finance-leases': 'free cash flow as the article defines it: operating cash flow less capex and principal payments on finance leases (airace’s own is operating cash flow less capex)',
  'ocf-less-capex': 'free cash flow as the article defines it: operating cash flow less capex, airace’s definition',
};

/** What a metric means for these companies, with any definition the article states and the segment it names. */
export function metricDefinition(id: string, tickers: string[], stated: MetricDefinition | null, segment: string | null): string {
  if (stated) return STATED_DEFINITIONS[stated];
  const named = segmentNamed(segment);
  if (named) return named.definition;
  const def = METRICS.get(id);
  if (!def) return metricName(id);
  const own = tickers.length === 1 ? def.companyDefinitions?.[tickers[0]!] : undefined;
  return own ?? def.definition;
}

export const metricName = (id: string) => METRIC_NAMES[id] ?? id.replaceAll('_', ' ');

/** Documents once each (by URL), in the order met. */
export function uniqueDocs(docs: Array<DocumentRef | null | undefined>): DocumentRef[] {
  const seen = new Map<string, DocumentRef>();
  for (const d of docs) if (d && !seen.has(d.url)) seen.set(d.url, d);
  return [...seen.values()];
}

/** The document behind a stored fact. */
export const docOf = (f: StoredFact): DocumentRef => documentRefOf(sourceRefOf(f));

export function uniqueUrls(urls: Array<string | null | undefined>): string[] {
  return [...new Set(urls.filter((u): u is string => !!u))];
}

export function namesOf(tickers: string[], companies: Company[]): string {
  const names = tickers.map((t) => companies.find((c) => c.ticker === t)?.name ?? t);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function slotLabel(slot: PeriodSlot): string {
  const span = slot.from === slot.to ? slot.from : `${slot.from}–${slot.to}`;
  return slot.period === 'fy' ? `fiscal ${span}` : slot.period === 'cy' ? `calendar ${span}` : slot.period === 'ttm' ? `the twelve months to ${span}` : span;
}

/**
 * @param currency convert to this currency (USD) when it differs from the reporting currency
 * @param decimals decimals for the display, matched to the claim
 */
export async function seriesFigure(cache: SeriesCache, companies: Company[], tickers: string[], metric: string, slot: PeriodSlot, currency: string | undefined, decimals: number): Promise<SeriesFigure | { missing: string }> {
  const result = await cache.series({ metric, tickers, period: slot.period, from: slot.from, to: slot.to, ...(currency ? { currency } : {}) });
  if (result instanceof Error) return { missing: result.message };
  const points = result.series.flatMap((s) => s.points);
  const lacking = points.find((p) => p.value === null);
  const label = `${namesOf(tickers, companies)} ${metricName(metric)}, ${slotLabel(slot)}`;
  if (points.length === 0) return { missing: `no ${metricName(metric)} data for ${label}` };
  if (lacking) {
    const partial = lacking.partialValue === null ? '' : ` (the parts on record sum to ${formatFigure(lacking.partialValue, result.unit, decimals)})`;
    return { missing: `${lacking.missing?.detail || `no data for ${label}`}${partial}` };
  }
  const value = points.reduce((s, p) => s + (p.value as number), 0);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const fx = first.fx ? { pair: first.fx.pair, rate: first.fx.rate, date: first.fx.date, source: first.fx.source.url } : null;
  const derivations = uniqueUrls(points.map((p) => p.derivation));
  const figure: Figure = {
    value,
    unit: result.unit,
    display: formatFigure(value, result.unit, decimals),
    label: `${label} (${first.start} to ${last.end})`,
    start: first.start,
    end: last.end,
    basis: result.basis,
    fx,
    derivation: points.length > 1 ? `sum of ${points.map((p) => p.label).join(' + ')}${derivations.length ? `; ${derivations.join('; ')}` : ''}` : (first.derivation ?? null),
    statedOn: null,
  };
  return { figure, sources: uniqueDocs(points.flatMap((p) => p.sources.map(documentRefOf))), points };
}
