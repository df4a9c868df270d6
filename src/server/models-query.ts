// The query parameters of the models pages and API, named like `airace models` flags and
// described once: the OpenAPI document, validation and 400 messages come from here.
import { MODEL_GROUPINGS, MODEL_METRICS, MODEL_PERIODS, type ModelGrouping, type ModelMetric, type ModelPeriod } from '../model/model-series.js';
import { InvalidOptionError, UnknownChoiceError } from '../model/errors.js';
import { parseDateBound } from '../series/date-bound.js';
import { isRealDate } from '../series/real-date.js';
import type { ModelFilter } from '../series/model-catalog.js';
import { MODELS_CHARTS, type ModelsChartKind, type ModelsChartRequest } from '../views/models-chart.js';
import type { ParameterDef } from './query-parameters.js';
import { checkChartText } from '../chart/chart-limits.js';
import type { RawQuery } from './series-query.js';

export const MODEL_PARAMETERS = {
  org: {
    description: 'Comma-separated organisations (Epoch’s names: Google DeepMind), companies (Alphabet, GOOGL, Google: all of Alphabet’s labs) or labs (OpenAI, DeepSeek).',
    schema: { type: 'string', maxLength: 400 },
    allowed: ['organisation, company or lab names, comma-separated'],
  },
  country: {
    description: 'Comma-separated country groups (US, China, Other: airace’s grouping of Epoch’s countries) or countries as Epoch names them (France).',
    schema: { type: 'string', maxLength: 200 },
    allowed: ['US', 'China', 'Other', 'a country as Epoch names it'],
  },
  from: {
    description: 'First publication date: a year (2020, from 1 January) or a day (2020-06-01).',
    schema: { type: 'string', maxLength: 10 },
    allowed: ['a year such as 2020', 'a date such as 2020-06-01'],
  },
  to: {
    description: 'Last publication date: a year (2025, to 31 December) or a day.',
    schema: { type: 'string', maxLength: 10 },
    allowed: ['a year such as 2025', 'a date such as 2025-12-31'],
  },
  'as-of': {
    description: 'Read the newest retrieval of Epoch’s table on or before this day (every retrieval is kept); the newest when omitted.',
    schema: { type: 'string', maxLength: 10 },
    allowed: ['a day such as 2026-04-24', 'a month such as 2026-04'],
  },
  metric: {
    description: `Models metric: ${MODEL_METRICS.join(', ')}.`,
    schema: { type: 'string', enum: MODEL_METRICS, default: 'frontier_compute' },
    allowed: MODEL_METRICS,
  },
  by: {
    description: 'One series per country group, company (tracked companies and labs as themselves), organisation (Epoch’s names) or all models together. Default: country, or company when org is given.',
    schema: { type: 'string', enum: MODEL_GROUPINGS },
    allowed: MODEL_GROUPINGS,
  },
  period: {
    description: 'cy (calendar year) or quarter.',
    schema: { type: 'string', enum: MODEL_PERIODS, default: 'cy' },
    allowed: MODEL_PERIODS,
  },
  top: {
    description: 'With by=company or organization and no org: the n with most models (default 8).',
    schema: { type: 'integer', minimum: 1, maximum: 30 },
    allowed: ['a whole number from 1 to 30'],
  },
  chart: {
    description: 'compute (training compute over time, log scale), per-year (models released per year by the leading labs and companies), open-weights (open-weights share by country) or series (any metric, with metric and by).',
    schema: { type: 'string', enum: MODELS_CHARTS, default: 'compute' },
    allowed: MODELS_CHARTS,
  },
  highlight: {
    description: 'With chart=compute: comma-separated makers whose models are ringed and named (default Alibaba,DeepSeek).',
    schema: { type: 'string', maxLength: 200 },
    allowed: ['company or lab names, comma-separated'],
  },
} satisfies Record<string, ParameterDef>;

export type ModelParameterName = keyof typeof MODEL_PARAMETERS;

export const MODEL_LIST_PARAMETERS: ModelParameterName[] = ['org', 'country', 'from', 'to', 'as-of'];
export const MODEL_SERIES_PARAMETERS: ModelParameterName[] = [...MODEL_LIST_PARAMETERS, 'metric', 'by', 'period', 'top'];
export const MODEL_CHART_PARAMETERS: ModelParameterName[] = [...MODEL_SERIES_PARAMETERS, 'chart', 'highlight'];

/** A querystring JSON Schema for these parameters, plus any shared ones (title, scale) given as already-described properties. */
export function modelsQuerySchema(names: ModelParameterName[], extra: Record<string, unknown> = {}) {
  const properties: Record<string, unknown> = { ...extra };
  for (const name of names) properties[name] = { ...MODEL_PARAMETERS[name].schema, description: MODEL_PARAMETERS[name].description };
  return { type: 'object', properties } as const;
}

function last(q: RawQuery, name: string): string | undefined {
  const v = q[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return s === undefined || s === null || String(s).trim() === '' ? undefined : String(s).trim();
}

/** Comma-separated or repeated; organisation names keep their spaces. */
function list(q: RawQuery, name: string): string[] | undefined {
  const v = q[name];
  if (v === undefined || v === null) return undefined;
  const items = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

function choice<T extends string>(q: RawQuery, name: string, allowed: readonly T[]): T | undefined {
  const v = last(q, name)?.toLowerCase();
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UnknownChoiceError(name, v, allowed);
  return v as T;
}

export function parseModelFilter(q: RawQuery): ModelFilter {
  const from = last(q, 'from');
  const to = last(q, 'to');
  const asOf = last(q, 'as-of');
  if (asOf !== undefined && !((/^\d{4}-\d{2}-\d{2}$/.test(asOf) && isRealDate(asOf)) || /^\d{4}-(0[1-9]|1[0-2])$/.test(asOf))) {
    throw new InvalidOptionError('as-of', asOf, MODEL_PARAMETERS['as-of'].allowed);
  }
  return {
    orgs: list(q, 'org'),
    countries: list(q, 'country'),
    from: from === undefined ? undefined : parseDateBound('from', from),
    to: to === undefined ? undefined : parseDateBound('to', to),
    asOf,
  };
}

export interface ModelSeriesQuery extends ModelFilter {
  metric: ModelMetric;
  by?: ModelGrouping;
  period: ModelPeriod;
  top?: number;
}

export function parseModelSeriesQuery(q: RawQuery): ModelSeriesQuery {
  const top = last(q, 'top');
  if (top !== undefined && !(/^\d+$/.test(top) && Number(top) >= 1 && Number(top) <= 30)) throw new InvalidOptionError('top', top, MODEL_PARAMETERS.top.allowed);
  return {
    ...parseModelFilter(q),
    metric: choice(q, 'metric', MODEL_METRICS) ?? 'frontier_compute',
    by: choice(q, 'by', MODEL_GROUPINGS),
    period: choice(q, 'period', MODEL_PERIODS) ?? 'cy',
    top: top === undefined ? undefined : Number(top),
  };
}

export function parseModelsChartQuery(q: RawQuery): ModelsChartRequest {
  const s = parseModelSeriesQuery(q);
  const title = last(q, 'title');
  const subtitle = last(q, 'subtitle');
  if (title !== undefined) checkChartText('title', title);
  if (subtitle !== undefined) checkChartText('subtitle', subtitle);
  return {
    ...s,
    // A chart's metric only matters for chart=series; the others choose their own.
    metric: q.metric === undefined ? undefined : s.metric,
    chart: (choice(q, 'chart', MODELS_CHARTS) ?? 'compute') as ModelsChartKind,
    highlight: list(q, 'highlight'),
    title,
    subtitle,
  };
}

/** The canonical query string of a models request, for links and twins. */
export function modelsQueryString(params: Record<string, string | number | string[] | undefined | null>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    out.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return out.toString().replace(/%2C/g, ',');
}
