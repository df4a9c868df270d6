// Turns a query string (from a page, a form or the API) into a series request and back into
// a canonical query string, so the URL always holds the whole state of a chart or table.
import type { Company } from '../model/company.js';
import type { Basis } from '../model/fact.js';
import type { Period } from '../model/series.js';
import type { SeriesRequest } from '../series/engine.js';
import { findCompany } from '../series/company-lookup.js';
import type { ChartType } from '../chart/chart.js';
import { chartPreset } from '../chart/presets.js';
import { figurePreset, isFigurePreset } from '../chart/figure-presets.js';
import type { Transform } from '../series/analytics.js';
import type { ChartOptions } from '../chart/chart-options.js';
import { combinationRefusal } from '../chart/chart-combinations.js';
import { METRICS } from '../series/metrics.js';
import { segmentOption } from '../series/segments.js';
import { EVENT_KINDS, type EventKind } from '../model/race-event.js';
import { FLAG_WORDS, parseList } from '../model/list-input.js';
import { ApiError } from './api-error.js';
import { DEFAULTS, MAX_COMPANIES, QUERIES, allowedFor, parseQuery, type SeriesQueryInput } from './query-parameters.js';

export type RawQuery = Record<string, unknown>;

export interface SeriesQuery {
  metric: string;
  /** Tickers, resolved from names and aliases, without repeats. */
  companies: string[];
  period: Period;
  from?: string;
  to?: string;
  currency?: string;
  basis: Basis;
  asFirstReported: boolean;
  /** One segment of a segmented metric, by its series name (`Microsoft Cloud`). */
  segment?: string;
  /** yoy or share, as `airace series --transform`. */
  transform?: Transform;
}

export interface ChartQuery extends SeriesQuery {
  type: ChartType;
  title?: string;
  subtitle?: string;
  /** Set when the chart is a named preset; the other fields then come from the preset. */
  preset?: string;
  /** True for a figure preset (plan-vs-actual): not one series, so the series fields are unused. */
  figure?: boolean;
  /** Events to mark: `true` (the companies' events, or a preset's own), or these kinds; none when absent. */
  annotate?: true | EventKind[];
  /** Width of the whole chart in CSS pixels; the chart's own default when absent. */
  width?: number;
}

/** `annotate=true` (or bare), `annotate=model,guidance`; absent, `false`, `0` or `off` for none. */
function annotateOf(v: string | undefined): true | EventKind[] | undefined {
  if (v === undefined) return undefined;
  const word = v.trim().toLowerCase();
  if ((FLAG_WORDS.off as readonly string[]).includes(word)) return undefined;
  if ((FLAG_WORDS.on as readonly string[]).includes(word)) return true;
  const kinds = parseList(word);
  const bad = kinds.find((k) => !(EVENT_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) throw new ApiError(400, `invalid annotate: ${v} (expected true or event kinds: ${EVENT_KINDS.join(', ')})`, 'annotate', allowedFor('annotate'));
  return [...new Set(kinds)] as EventKind[];
}

/** Companies by ticker, name or alias (`companies=AMZN,MSFT` or repeated, as a form's checkboxes send it). */
function companyList(names: string[] | undefined, known: Company[], parameter = 'companies'): Company[] {
  if (names === undefined) return DEFAULTS.companies.map((t) => findCompany(known, t)).filter((c): c is Company => c !== undefined);
  if (names.length === 0) throw new ApiError(400, `invalid ${parameter}: choose at least one company`, parameter, known.map((c) => c.ticker));
  const chosen: Company[] = [];
  for (const name of names) {
    const c = findCompany(known, name);
    if (!c) throw new ApiError(404, `unknown company: ${name}`, parameter, known.map((x) => x.ticker));
    if (!chosen.includes(c)) chosen.push(c);
  }
  if (chosen.length > MAX_COMPANIES) throw new ApiError(400, `invalid ${parameter}: at most ${MAX_COMPANIES} companies`, parameter, known.map((c) => c.ticker));
  return chosen;
}

/** USD always works; another currency only when every chosen company (and group member) reports in it. */
function currencyOf(code: string | undefined, chosen: Company[], known: Company[]): string | undefined {
  if (code === undefined) return undefined;
  const members = chosen.flatMap((c) => (c.kind === 'group' ? known.filter((k) => c.members.includes(k.ticker)) : [c]));
  const shared = new Set(members.map((c) => c.currency));
  const allowed = ['USD', ...[...shared].filter((c) => shared.size === 1 && c !== 'USD')];
  if (!/^[A-Z]{3}$/.test(code) || !allowed.includes(code)) {
    throw new ApiError(400, `invalid currency: ${code} (airace converts reporting currencies to USD only; allowed here: ${allowed.join(', ')})`, 'currency', allowed);
  }
  return code;
}

/** The series fields of an already-parsed query, with the companies resolved and the currency checked against them. */
function seriesFields(v: SeriesQueryInput, known: Company[], type?: ChartType): SeriesQuery {
  const chosen = companyList(v.companies, known);
  const metric = v.metric ?? DEFAULTS.metric;
  const refusal = combinationRefusal({ unit: METRICS.get(metric)?.unit ?? 'money', transform: v.transform, type });
  if (refusal) throw new ApiError(400, `invalid ${refusal.parameter}: ${refusal.parameter === 'type' ? type : v.transform} (${refusal.reason})`, refusal.parameter, allowedFor(refusal.parameter));
  return {
    metric,
    companies: chosen.map((c) => c.ticker),
    period: v.period ?? DEFAULTS.period,
    from: v.from,
    to: v.to,
    currency: currencyOf(v.currency, chosen, known),
    basis: v.basis ?? DEFAULTS.basis,
    asFirstReported: v['as-first-reported'] ?? false,
    ...(v.segment === undefined ? {} : { segment: v.segment }),
    transform: v.transform,
  };
}

/** A series query from a query Fastify already validated with QUERIES.series (parsing it again gives the same values). */
export function seriesQueryOf(v: SeriesQueryInput, known: Company[]): SeriesQuery {
  return seriesFields(v, known);
}

/** A chart query; `preset=seed` stands for the whole preset, as `airace chart --preset` does. */
export function parseChartQuery(q: RawQuery, known: Company[]): ChartQuery {
  const v = parseQuery(QUERIES.chart, q);
  const presetName = v.preset;
  const annotate = annotateOf(v.annotate);
  if (presetName && isFigurePreset(presetName)) {
    const f = figurePreset(presetName);
    if (annotate) throw new ApiError(400, `invalid annotate: the ${f.name} figure marks its own statements and has no period axis`, 'annotate', ['false']);
    return {
      metric: DEFAULTS.metric,
      companies: f.tickers,
      period: 'fy',
      basis: 'actual',
      asFirstReported: false,
      type: DEFAULTS.type,
      title: v.title,
      subtitle: v.subtitle,
      width: v.width,
      preset: f.name,
      figure: true,
    };
  }
  if (presetName) {
    const name = presetName;
    const p = chartPreset(name);
    return {
      metric: p.request.metric,
      companies: p.request.tickers,
      period: p.request.period as Period,
      from: p.request.from,
      to: p.request.to,
      currency: p.request.currency,
      basis: p.request.basis ?? 'actual',
      asFirstReported: false,
      type: p.type,
      title: v.title ?? p.options.title,
      subtitle: v.subtitle ?? p.options.subtitle,
      width: v.width,
      preset: name,
      annotate,
    };
  }
  return { ...seriesFields(v, known, v.type ?? DEFAULTS.type), type: v.type ?? DEFAULTS.type, title: v.title, subtitle: v.subtitle, width: v.width, annotate };
}

export function seriesRequestOf(q: SeriesQuery): SeriesRequest {
  return {
    metric: q.metric,
    tickers: q.companies,
    period: q.period,
    from: q.from,
    to: q.to,
    currency: q.currency,
    basis: q.basis,
    asFirstReported: q.asFirstReported || undefined,
    ...(q.segment === undefined ? {} : { segment: segmentOption(q.segment) }),
  };
}

export function chartOptionsOf(q: ChartQuery): ChartOptions & { type: ChartType } {
  return { type: q.type, ...(q.title ? { title: q.title } : {}), ...(q.subtitle ? { subtitle: q.subtitle } : {}), ...(q.width ? { width: q.width } : {}) };
}

function annotateParam(q: ChartQuery): [string, string][] {
  if (!q.annotate) return [];
  return [['annotate', q.annotate === true ? 'true' : q.annotate.join(',')]];
}

/** The canonical query string (no leading `?`): defaults left out only where the CLI has them too. */
export function queryString(q: SeriesQuery | ChartQuery, { chart = 'type' in q }: { chart?: boolean } = {}): string {
  const c = q as ChartQuery;
  if (chart && c.preset) {
    const p = c.figure ? figurePreset(c.preset) : chartPreset(c.preset);
    const custom = [...(c.title && c.title !== p.options.title ? [['title', c.title]] : []), ...(c.subtitle && c.subtitle !== p.options.subtitle ? [['subtitle', c.subtitle]] : [])];
    return new URLSearchParams([['preset', c.preset], ...annotateParam(c), ...custom]).toString().replace(/%2C/g, ',');
  }
  const params: [string, string][] = [
    ['metric', q.metric],
    ['companies', q.companies.join(',')],
    ['period', q.period],
  ];
  if (q.from) params.push(['from', q.from]);
  if (q.to) params.push(['to', q.to]);
  if (q.currency) params.push(['currency', q.currency]);
  if (q.basis !== 'actual') params.push(['basis', q.basis]);
  if (q.asFirstReported) params.push(['as-first-reported', 'true']);
  if (q.segment) params.push(['segment', q.segment]);
  if (q.transform) params.push(['transform', q.transform]);
  if (chart) {
    params.push(['type', c.type]);
    params.push(...annotateParam(c));
    if (c.title) params.push(['title', c.title]);
    if (c.subtitle) params.push(['subtitle', c.subtitle]);
  }
  // URLSearchParams writes commas as %2C; they are legal in a query and easier to read.
  return new URLSearchParams(params).toString().replace(/%2C/g, ',');
}
