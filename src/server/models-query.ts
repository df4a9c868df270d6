// The query parameters of the models pages and API, named like `airace models` flags and
// defined once as zod schemas, read as every other query is (query-parameters.ts): the OpenAPI
// document, validation, types and 400 messages come from here.
import { z } from 'zod';
import { MODEL_GROUPINGS, MODEL_METRICS, MODEL_PERIODS, type ModelGrouping, type ModelMetric, type ModelPeriod } from '../model/model-series.js';
import { parseDateBound, parseRetrievalDate } from '../series/date-bound.js';
import type { ModelFilter } from '../series/model-catalog.js';
import { MODELS_CHARTS, type ModelsChartRequest } from '../views/models-chart.js';
import { integer, invalid, keyword, list, PARAMETERS, parseQuery, querySchemaOf, type ParameterDef } from './query-parameters.js';
import type { RawQuery } from './series-query.js';

/** A string checked by one of the CLI's own readers (the same rules as its flags); empty means absent. */
function checkedBy(parse: (input: string) => string, reason: string) {
  return z
    .string()
    .max(10)
    .transform((v, ctx) => {
      const t = v.trim();
      if (t === '') return undefined;
      try {
        return parse(t);
      } catch {
        return invalid(ctx, reason);
      }
    })
    .meta({ type: 'string', maxLength: 10 });
}

/** A year or a day (the series layer turns it into a date). */
const dateBound = (option: 'from' | 'to') => checkedBy((t) => parseDateBound(option, t), 'expected a year such as 2020 or a date such as 2020-06-01');
const asOf = checkedBy((t) => parseRetrievalDate('as-of', t), 'expected a day such as 2026-04-24 or a month such as 2026-04');

export const MODEL_PARAMETERS = {
  org: {
    description: 'Comma-separated or repeated organisations (Epoch’s names: Google DeepMind), companies (Alphabet, GOOGL, Google: all of Alphabet’s labs) or labs (OpenAI, DeepSeek).',
    schema: list(400, false),
    allowed: ['organisation, company or lab names, comma-separated'],
    list: true,
    example: 'Alibaba,DeepSeek',
  },
  country: {
    description: 'Comma-separated or repeated country groups (US, China, Other: airace’s grouping of Epoch’s countries) or countries as Epoch names them (France).',
    schema: list(200, false),
    allowed: ['US', 'China', 'Other', 'a country as Epoch names it'],
    list: true,
    example: 'US,China',
  },
  from: {
    description: 'First publication date: a year (2020, from 1 January) or a day (2020-06-01).',
    schema: dateBound('from'),
    allowed: ['a year such as 2020', 'a date such as 2020-06-01'],
    example: '2020',
  },
  to: {
    description: 'Last publication date: a year (2025, to 31 December) or a day.',
    schema: dateBound('to'),
    allowed: ['a year such as 2025', 'a date such as 2025-12-31'],
  },
  'as-of': {
    description: 'Read the newest retrieval of Epoch’s table on or before this day (every retrieval is kept); the newest when omitted.',
    schema: asOf,
    allowed: ['a day such as 2026-04-24', 'a month such as 2026-04'],
  },
  metric: {
    description: `Models metric (default \`frontier_compute\`): ${MODEL_METRICS.join(', ')}.`,
    schema: keyword(MODEL_METRICS).schema,
    allowed: MODEL_METRICS,
    example: 'frontier_compute',
  },
  by: {
    description: 'One series per country group, company (tracked companies and labs as themselves), organisation (Epoch’s names) or all models together. Default: country, or company when org is given.',
    schema: keyword(MODEL_GROUPINGS).schema,
    allowed: MODEL_GROUPINGS,
  },
  period: {
    description: 'cy (calendar year, the default) or quarter.',
    schema: keyword(MODEL_PERIODS).schema,
    allowed: MODEL_PERIODS,
  },
  top: {
    description: 'With by=company or organization and no org: the n with most models (default 8).',
    schema: integer(1, 30, 'a whole number from 1 to 30'),
    allowed: ['a whole number from 1 to 30'],
  },
  chart: {
    description: 'compute (training compute over time, log scale; the default), per-year (models released per year by the leading labs and companies), open-weights (open-weights share by country) or series (any metric, with metric and by).',
    schema: keyword(MODELS_CHARTS).schema,
    allowed: MODELS_CHARTS,
  },
  highlight: {
    description: 'With chart=compute: comma-separated makers whose models are ringed and named (default Alibaba,DeepSeek).',
    schema: list(200, false),
    allowed: ['company or lab names, comma-separated'],
    list: true,
  },
  // Chart text, width and pixel density mean what they mean for every other chart.
  title: PARAMETERS.title,
  subtitle: PARAMETERS.subtitle,
  width: PARAMETERS.width,
  scale: PARAMETERS.scale,
  table: PARAMETERS.table,
} satisfies Record<string, ParameterDef>;

export type ModelParameterName = keyof typeof MODEL_PARAMETERS;

export const MODEL_LIST_PARAMETERS = ['org', 'country', 'from', 'to', 'as-of'] as const;
export const MODEL_SERIES_PARAMETERS = [...MODEL_LIST_PARAMETERS, 'metric', 'by', 'period', 'top'] as const;
export const MODEL_CHART_PARAMETERS = [...MODEL_SERIES_PARAMETERS, 'chart', 'highlight', 'title', 'subtitle', 'width'] as const;

/** One schema per models route and page query. */
export const MODEL_QUERIES = {
  list: querySchemaOf(MODEL_PARAMETERS, MODEL_LIST_PARAMETERS),
  series: querySchemaOf(MODEL_PARAMETERS, MODEL_SERIES_PARAMETERS),
  chart: querySchemaOf(MODEL_PARAMETERS, MODEL_CHART_PARAMETERS),
  chartPng: querySchemaOf(MODEL_PARAMETERS, [...MODEL_CHART_PARAMETERS, 'scale']),
  /** The models page: the list filter, and which table the CSV twin holds. */
  page: querySchemaOf(MODEL_PARAMETERS, [...MODEL_LIST_PARAMETERS, 'table']),
} as const;

export function parseModelFilter(q: RawQuery): ModelFilter {
  const v = parseQuery(MODEL_QUERIES.list, q);
  return { orgs: nonEmpty(v.org), countries: nonEmpty(v.country), from: v.from, to: v.to, asOf: v['as-of'] };
}

const nonEmpty = (items: string[] | undefined) => (items?.length ? items : undefined);

export interface ModelSeriesQuery extends ModelFilter {
  metric: ModelMetric;
  by?: ModelGrouping;
  period: ModelPeriod;
  top?: number;
}

export function parseModelSeriesQuery(q: RawQuery): ModelSeriesQuery {
  const v = parseQuery(MODEL_QUERIES.series, q);
  return { ...parseModelFilter(q), metric: v.metric ?? 'frontier_compute', by: v.by, period: v.period ?? 'cy', top: v.top };
}

export function parseModelsChartQuery(q: RawQuery): ModelsChartRequest {
  const v = parseQuery(MODEL_QUERIES.chart, q);
  return {
    ...parseModelSeriesQuery(q),
    // A chart's metric only matters for chart=series; the others choose their own.
    metric: v.metric,
    chart: v.chart ?? 'compute',
    highlight: nonEmpty(v.highlight),
    title: v.title,
    subtitle: v.subtitle,
    width: v.width,
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
