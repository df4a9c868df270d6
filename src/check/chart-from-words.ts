// Charts an article describes in words ("the grouped column chart below shows the big four's
// capex from 2022 to 2025"), turned into a series request and drawn with the same engine and
// chart code as `airace chart`.
import type { Company } from '../model/company.js';
import type { SeriesRequest } from '../series/engine.js';
import { buildChart } from '../chart/chart.js';
import { describeChart } from '../chart/describe.js';
import type { ChartMention, PeriodRef, Span } from './claim.js';
import type { ChartEntry } from './check-report.js';
import type { CompanyMention, SubjectMatcher } from './extract-subjects.js';
import type { MetricMention } from './extract-metric.js';
import type { SeriesCache } from './series-cache.js';

const CHART_WORDS = /\b(?:(?<kind>grouped|clustered|side-by-side|stacked)\s+)?(?<shape>column|bar|line|area)\s+(?:chart|graph|plot)\b/i;

export function chartMentionIn(masked: string, sentence: Span, mentions: CompanyMention[], metrics: MetricMention[], periods: PeriodRef[], matcher: SubjectMatcher): Omit<ChartMention, 'text'> | null {
  const text = masked.slice(sentence.start, sentence.end);
  const m = CHART_WORDS.exec(text);
  if (!m) return null;
  const kind = m.groups!.kind?.toLowerCase();
  const shape = m.groups!.shape!.toLowerCase();
  const type = kind === 'stacked' || shape === 'area' ? 'stacked' : shape === 'line' ? 'line' : 'grouped';
  // A chart shows each company, so a group named in words ("the big four") is drawn as its members.
  const tickers = [...new Set(mentions.flatMap((x) => (x.ticker === null ? [] : x.isGroup ? (matcher.companies.find((c) => c.ticker === x.ticker)?.members ?? []) : [x.ticker])))];
  const metric = metrics.find((x) => x.start >= sentence.start + m.index) ?? metrics[0] ?? null;
  const period = periods.find((p) => p.kind === 'range') ?? periods.find((p) => p.kind !== 'span') ?? null;
  const yearKind = /\bfiscal\b/i.test(text) ? 'fiscal' : /\bcalendar\b/i.test(text) ? 'calendar' : null;
  return { start: sentence.start, end: sentence.end, type, metric: metric ? { id: metric.id, words: metric.text } : null, tickers, period, yearKind };
}

/**
 * The series request for a described chart. Years the words leave unqualified are calendar
 * years when the companies' fiscal years differ, so every bar covers the same months (the
 * `seed` preset of `airace chart` draws fiscal years as reported instead).
 */
export function chartRequest(mention: ChartMention, companies: Company[]): { request: SeriesRequest | null; notes: string[]; error: string | null } {
  const notes: string[] = [];
  if (mention.tickers.length === 0) return { request: null, notes, error: 'the words name no company airace knows' };
  if (!mention.metric) return { request: null, notes, error: 'the words name no metric airace knows' };
  const p = mention.period;
  if (!p || p.year === null) return { request: null, notes, error: 'the words give no years' };
  const chosen = companies.filter((c) => mention.tickers.includes(c.ticker));
  const fiscalDiffers = chosen.some((c) => c.fiscalYearEndMonth !== 12);
  let period: 'fy' | 'cy' = 'fy';
  if (mention.yearKind === 'fiscal') period = 'fy';
  else if (mention.yearKind === 'calendar' || fiscalDiffers) period = 'cy';
  if (fiscalDiffers && mention.yearKind === null) {
    const others = chosen.filter((c) => c.fiscalYearEndMonth !== 12).map((c) => c.name);
    notes.push(`Years drawn as calendar years so every company covers the same months (${others.join(', ')} ${others.length === 1 ? 'reports' : 'report'} fiscal years ending in another month; \`airace chart --preset seed\` draws fiscal years as reported).`);
  }
  const currencies = new Set(chosen.map((c) => c.currency));
  const request: SeriesRequest = {
    metric: mention.metric.id,
    tickers: mention.tickers,
    period,
    from: String(p.year),
    to: String(p.endYear ?? p.year),
    ...(currencies.size > 1 ? { currency: 'USD' } : {}),
  };
  return { request, notes, error: null };
}

/** Draws a described chart: a Vega-Lite spec and alt text (files are written separately, see write-charts.ts). */
export async function chartFromWords(mention: ChartMention, companies: Company[], cache: SeriesCache): Promise<ChartEntry> {
  const entry: ChartEntry = { text: mention.text, start: mention.start, end: mention.end, type: mention.type, request: null, alt: null, files: [], spec: null, notes: [], error: null };
  const { request, notes, error } = chartRequest(mention, companies);
  entry.notes.push(...notes);
  if (!request) return { ...entry, error };
  entry.request = request;
  const result = await cache.series(request);
  if (result instanceof Error) return { ...entry, error: result.message };
  // The generated title states the metric, companies, years and their kind in words.
  entry.spec = buildChart(result, { type: mention.type });
  entry.alt = describeChart(result, { type: mention.type }).alt;
  return entry;
}
