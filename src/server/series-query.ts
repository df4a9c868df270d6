// Turns a query string (from a page, a form or the API) into a series request and back into
// a canonical query string, so the URL always holds the whole state of a chart or table.
import type { Company } from '../model/company.js';
import { BASES, type Basis } from '../model/fact.js';
import { PERIODS, type Period } from '../model/series.js';
import type { SeriesRequest } from '../series/engine.js';
import { METRIC_IDS } from '../series/metrics.js';
import { findCompany } from '../series/company-lookup.js';
import { CHART_TYPES, type ChartType } from '../chart/chart.js';
import { chartPreset, PRESET_NAMES } from '../chart/presets.js';
import { FIGURE_PRESET_NAMES, figurePreset, isFigurePreset } from '../chart/figure-presets.js';
import { TRANSFORMS, type Transform } from '../series/analytics.js';
import type { ChartOptions } from '../chart/chart-options.js';
import { EVENT_KINDS, type EventKind } from '../model/race-event.js';
import { ApiError } from './api-error.js';
import { DEFAULTS, MAX_COMPANIES, MAX_TEXT, allowedFor } from './query-parameters.js';

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
}

/** The last value of a parameter given once or repeated; undefined when absent. */
function one(q: RawQuery, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === null) return undefined;
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return last === undefined ? undefined : String(last).trim();
}

function choice<T extends string>(q: RawQuery, name: string, allowed: readonly T[], fallback: T): T {
  const v = one(q, name);
  if (v === undefined || v === '') return fallback;
  const lower = v.toLowerCase();
  if (!(allowed as readonly string[]).includes(lower)) throw new ApiError(400, `invalid ${name}: ${v} (expected one of ${allowed.join(', ')})`, name, allowed);
  return lower as T;
}

function bound(q: RawQuery, name: 'from' | 'to'): string | undefined {
  const v = one(q, name);
  if (v === undefined || v === '') return undefined;
  if (!/^\d{4}(-?Q[1-4])?$/i.test(v)) throw new ApiError(400, `invalid ${name}: ${v} (expected a year such as 2024, or a quarter such as 2024-Q3)`, name, allowedFor(name));
  return v.toUpperCase();
}

function text(q: RawQuery, name: 'title' | 'subtitle'): string | undefined {
  const v = one(q, name);
  if (v === undefined || v === '') return undefined;
  if (v.length > MAX_TEXT) throw new ApiError(400, `invalid ${name}: longer than ${MAX_TEXT} characters`, name, allowedFor(name));
  return v;
}

function flag(q: RawQuery, name: string): boolean {
  const v = one(q, name);
  if (v === undefined) return false;
  if (['', 'true', '1', 'on'].includes(v.toLowerCase())) return true;
  if (['false', '0', 'off'].includes(v.toLowerCase())) return false;
  throw new ApiError(400, `invalid ${name}: ${v} (expected true or false)`, name, ['true', 'false']);
}

/** `annotate=true` (or bare), `annotate=model,guidance`; absent, `false`, `0` or `off` for none. */
function annotateOf(q: RawQuery): true | EventKind[] | undefined {
  const v = one(q, 'annotate');
  if (v === undefined || ['false', '0', 'off'].includes(v.toLowerCase())) return undefined;
  if (['', 'true', '1', 'on'].includes(v.toLowerCase())) return true;
  const kinds = v.toLowerCase().split(/[,\s]+/).filter(Boolean);
  const bad = kinds.find((k) => !(EVENT_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) throw new ApiError(400, `invalid annotate: ${v} (expected true or event kinds: ${EVENT_KINDS.join(', ')})`, 'annotate', allowedFor('annotate'));
  return [...new Set(kinds)] as EventKind[];
}

/** Companies from `companies=AMZN,MSFT` or repeated `companies=AMZN&companies=MSFT` (a form's checkboxes). */
function companyList(q: RawQuery, known: Company[], parameter = 'companies'): Company[] {
  const v = q[parameter];
  if (v === undefined || v === null) return DEFAULTS.companies.map((t) => findCompany(known, t)).filter((c): c is Company => c !== undefined);
  const names = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(/[,\s]+/)).filter(Boolean);
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
function currencyOf(q: RawQuery, chosen: Company[], known: Company[]): string | undefined {
  const v = one(q, 'currency');
  if (v === undefined || v === '') return undefined;
  const code = v.toUpperCase();
  const members = chosen.flatMap((c) => (c.kind === 'group' ? known.filter((k) => c.members.includes(k.ticker)) : [c]));
  const shared = new Set(members.map((c) => c.currency));
  const allowed = ['USD', ...[...shared].filter((c) => shared.size === 1 && c !== 'USD')];
  if (!/^[A-Z]{3}$/.test(code) || !allowed.includes(code)) {
    throw new ApiError(400, `invalid currency: ${v} (airace converts reporting currencies to USD only; allowed here: ${allowed.join(', ')})`, 'currency', allowed);
  }
  return code;
}

export function parseSeriesQuery(q: RawQuery, known: Company[]): SeriesQuery {
  const chosen = companyList(q, known);
  return {
    metric: choice(q, 'metric', METRIC_IDS, DEFAULTS.metric),
    companies: chosen.map((c) => c.ticker),
    period: choice(q, 'period', PERIODS, DEFAULTS.period),
    from: bound(q, 'from'),
    to: bound(q, 'to'),
    currency: currencyOf(q, chosen, known),
    basis: choice(q, 'basis', BASES, DEFAULTS.basis),
    asFirstReported: flag(q, 'as-first-reported'),
    transform: one(q, 'transform') ? choice(q, 'transform', TRANSFORMS, TRANSFORMS[0]) : undefined,
  };
}

/** A chart query; `preset=seed` stands for the whole preset, as `airace chart --preset` does. */
export function parseChartQuery(q: RawQuery, known: Company[]): ChartQuery {
  const presetName = one(q, 'preset');
  const annotate = annotateOf(q);
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
      title: text(q, 'title'),
      subtitle: text(q, 'subtitle'),
      preset: f.name,
      figure: true,
    };
  }
  if (presetName) {
    const name = choice(q, 'preset', [...PRESET_NAMES, ...FIGURE_PRESET_NAMES], PRESET_NAMES[0]!);
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
      title: text(q, 'title') ?? p.options.title,
      subtitle: text(q, 'subtitle') ?? p.options.subtitle,
      preset: name,
      annotate,
    };
  }
  return { ...parseSeriesQuery(q, known), type: choice(q, 'type', CHART_TYPES, DEFAULTS.type), title: text(q, 'title'), subtitle: text(q, 'subtitle'), annotate };
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
  };
}

export function chartOptionsOf(q: ChartQuery): ChartOptions & { type: ChartType } {
  return { type: q.type, ...(q.title ? { title: q.title } : {}), ...(q.subtitle ? { subtitle: q.subtitle } : {}) };
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
