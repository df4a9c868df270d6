// Every query parameter the dashboard and API accept, named like the CLI flags and defined once
// as a zod schema: request validation, the TypeScript types of parsed queries, the OpenAPI
// document (and so the /api reference) and 400 messages all come from here. Values are read
// the same way everywhere: keywords case-insensitively (`period=FY`, `metric=CAPEX`), lists
// comma-separated or repeated (`companies=AMZN&companies=MSFT`), flags as true/false/on/off.
import { z } from 'zod';
import { PERIODS } from '../model/series.js';
import { BASES } from '../model/fact.js';
import { METRIC_IDS } from '../series/metrics.js';
import { CHART_TYPES } from '../chart/chart.js';
import { PRESET_NAMES } from '../chart/presets.js';
import { FIGURE_PRESET_NAMES } from '../chart/figure-presets.js';
import { TRANSFORMS } from '../series/analytics.js';
import { MAX_SLOTS } from '../series/period-range.js';
import { canonicalSegment, segmentNamed, SERIES_SEGMENT_NAMES } from '../series/segments.js';
import { EVENT_KINDS } from '../model/race-event.js';
import { metricLabel, PERIOD_WORDS, TRANSFORM_WORDS } from '../series/labels.js';
import { FLAG_WORDS, parseFlag, parseList } from '../model/list-input.js';
import { chartText } from '../chart/chart-text.js';
import { ApiError } from './api-error.js';
import { DEFAULT_SCALE, MAX_CHART_TEXT, MAX_SCALE, MIN_SCALE } from '../chart/chart-limits.js';
import { PRICE_WINDOW_KINDS as PRICE_WINDOWS } from '../model/price.js';

/** Same defaults as `airace series` and `airace chart`. */
export const DEFAULTS = {
  metric: 'capex',
  companies: ['AMZN', 'MSFT', 'GOOGL', 'META'],
  period: 'fy',
  basis: 'actual',
  type: 'grouped',
  scale: DEFAULT_SCALE,
  width: 800,
} as const;

export const MAX_COMPANIES = 12;
export const MAX_TEXT = MAX_CHART_TEXT;
/** Chart widths the API draws (CSS pixels): from a small phone to a wide desktop column. */
export const CHART_WIDTH = { min: 280, max: 1600 } as const;
/** Request bodies of POST /api/v1/check and /check (the app default is 16 KiB): a 256 KB article takes a few seconds to check. */
export const CHECK_BODY_LIMIT = 256 * 1024;

export interface ParameterDef {
  description: string;
  /** From the value as the query string carries it (one string) to what handlers use. */
  schema: z.ZodType;
  /** What a 400 lists as allowed: the choices, or a description of the accepted form. */
  allowed: readonly string[];
  /** A list parameter: repeated values are joined with commas before parsing. */
  list?: boolean;
  example?: string;
}

/** An invalid value, reported as a 400 naming the parameter with what it allows. */
export function invalid(ctx: z.RefinementCtx, reason: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: reason });
  return z.NEVER;
}

/** A keyword read case-insensitively; empty means absent (a form's "none" option). */
export function keyword<T extends string>(values: readonly T[], words?: (v: T) => string) {
  const schema = z.string().transform((v, ctx): T | undefined => {
    const w = v.trim().toLowerCase();
    if (w === '') return undefined;
    if (!(values as readonly string[]).includes(w)) return invalid(ctx, `expected one of ${values.join(', ')}`);
    return w as T;
  });
  const listing = words ? ` (${values.map((v) => `\`${v}\`: ${words(v)}`).join('; ')})` : '';
  return { schema: schema.meta({ type: 'string', enum: [...values] }), listing };
}

function flag(name: string) {
  return z
    .string()
    .transform((v, ctx) => {
      try {
        return parseFlag(name, v) ?? false;
      } catch {
        return invalid(ctx, 'expected true or false');
      }
    })
    .meta({ type: 'string', enum: ['true', 'false'] });
}

const BOUND = /^(\d{4})(?:-?Q([1-4]))?$/i;
const bound = z
  .string()
  .transform((v, ctx) => {
    const t = v.trim();
    if (t === '') return undefined;
    return BOUND.test(t) ? t.toUpperCase() : invalid(ctx, 'expected a year such as 2024, or a quarter such as 2024-Q3');
  })
  .meta({ type: 'string', pattern: '^\\d{4}(-?[Qq][1-4])?$' });

/** Printable text: control characters would make ill-formed SVG, so they become spaces. */
const text = z
  .string()
  .transform((v, ctx) => {
    const clean = chartText(v);
    if (clean.length > MAX_TEXT) return invalid(ctx, `longer than ${MAX_TEXT} characters`);
    return clean === '' ? undefined : clean;
  })
  .meta({ type: 'string', maxLength: MAX_TEXT });

export function integer(min: number, max: number, what: string) {
  return z
    .string()
    .transform((v, ctx) => {
      const t = v.trim();
      if (t === '') return undefined;
      const n = Number(t);
      return Number.isInteger(n) && n >= min && n <= max ? n : invalid(ctx, `expected ${what}`);
    })
    .meta({ type: 'integer', minimum: min, maximum: max });
}

export const list = (maxLength: number, spaces = true) =>
  z
    .string()
    .max(maxLength)
    .transform((v) => parseList(v, { spaces }))
    .meta({ type: 'string', maxLength });

const metric = keyword(METRIC_IDS, metricLabel);
const period = keyword(PERIODS, (p) => PERIOD_WORDS[p].plural);
const transform = keyword(TRANSFORMS, (t) => TRANSFORM_WORDS[t].label);

export const PARAMETERS = {
  metric: {
    description: `Metric (default \`${DEFAULTS.metric}\`; definitions at /api/v1/metrics)${metric.listing}.`,
    schema: metric.schema,
    allowed: METRIC_IDS,
    example: 'capex',
  },
  companies: {
    description: `Tickers or names, comma-separated or repeated (\`companies=AMZN&companies=MSFT\`); "Google" works for GOOGL; GROUP4 is the big four summed. At most ${MAX_COMPANIES}. Default: ${DEFAULTS.companies.join(',')}.`,
    schema: list(400),
    allowed: ['tickers from /api/v1/companies, comma-separated'],
    list: true,
    example: 'AMZN,MSFT',
  },
  period: {
    description: `Period kind (default \`${DEFAULTS.period}\`)${period.listing}. Each company's fiscal year is its own (Microsoft's ends in June); calendar years and trailing twelve months are built from calendar quarters.`,
    schema: period.schema,
    allowed: PERIODS,
    example: 'fy',
  },
  from: {
    description: 'First period: a year (2022) or a quarter (2024-Q3). Default: the first period with data.',
    schema: bound,
    allowed: ['a year such as 2022', 'a quarter such as 2024-Q3'],
    example: '2022',
  },
  to: {
    description: `Last period, like from. At most ${MAX_SLOTS} periods in a range.`,
    schema: bound,
    allowed: ['a year such as 2025', 'a quarter such as 2025-Q4', `at most ${MAX_SLOTS} periods after from`],
    example: '2025',
  },
  currency: {
    description: 'Convert to this currency. USD converts Alibaba’s RMB at the rates its releases state. Default: the companies’ common reporting currency, else USD.',
    schema: z
      .string()
      .transform((v, ctx) => {
        const t = v.trim().toUpperCase();
        if (t === '') return undefined;
        return /^[A-Z]{3}$/.test(t) ? t : invalid(ctx, 'expected a currency code such as USD');
      })
      .meta({ type: 'string', pattern: '^[A-Za-z]{3}$' }),
    allowed: ['USD', 'the reporting currency shared by all chosen companies (CNY for BABA)'],
    example: 'USD',
  },
  basis: {
    description: '`actual` (reported figures, the default), `guidance` or `commitment` (statements about the future), `derived`.',
    schema: keyword(BASES).schema,
    allowed: BASES,
  },
  'as-first-reported': {
    description: `Use the first filed version of each figure instead of the newest: ${FLAG_WORDS.on.filter(Boolean).join('/')} or ${FLAG_WORDS.off.join('/')}; a bare \`as-first-reported\` is true.`,
    schema: flag('as-first-reported'),
    allowed: ['true', 'false'],
  },
  segment: {
    description: `One segment of a metric a company reports in segments (cloud_revenue): ${SERIES_SEGMENT_NAMES.join(', ')}. Each period then uses the preferred figure among that segment's; without it, a value never joins two segments.`,
    schema: z
      .string()
      .transform((v, ctx) => {
        const t = v.trim();
        if (t === '') return undefined;
        const s = segmentNamed(t);
        return s ? canonicalSegment(s).name : invalid(ctx, `expected one of ${SERIES_SEGMENT_NAMES.join(', ')}`);
      })
      .meta({ type: 'string' }),
    allowed: SERIES_SEGMENT_NAMES,
    example: 'Microsoft Cloud',
  },
  transform: {
    description: `Turn values into percentages, as \`airace series --transform\`${transform.listing}. Not with stacked charts of growth, whose sums mean nothing.`,
    schema: transform.schema,
    allowed: TRANSFORMS,
  },
  type: {
    description: 'Chart type: `grouped` columns (default), `line` or `stacked` columns (money and shares only).',
    schema: keyword(CHART_TYPES).schema,
    allowed: CHART_TYPES,
  },
  preset: {
    description: 'A named chart; replaces the series parameters and the type. `seed` redraws the seed article’s chart; `plan-vs-actual` is the figure of guidance and pledges against spending.',
    schema: keyword([...PRESET_NAMES, ...FIGURE_PRESET_NAMES]).schema,
    allowed: [...PRESET_NAMES, ...FIGURE_PRESET_NAMES],
  },
  title: {
    description: `Chart title in your own words (at most ${MAX_TEXT} characters; drawn as text, never evaluated). Default: a title naming the metric, companies, period and basis.`,
    schema: text,
    allowed: [`text of at most ${MAX_TEXT} characters`],
  },
  subtitle: {
    description: `Chart subtitle (at most ${MAX_TEXT} characters). Default: the metric in plain words, the period kind and the currency.`,
    schema: text,
    allowed: [`text of at most ${MAX_TEXT} characters`],
  },
  width: {
    description: `Width of the whole chart in CSS pixels, ${CHART_WIDTH.min} to ${CHART_WIDTH.max} (default ${DEFAULTS.width}). The chart is laid out for it: narrow charts get fewer ticks and labels, horizontal bars and wrapped titles, never smaller text.`,
    schema: integer(CHART_WIDTH.min, CHART_WIDTH.max, `a whole number of pixels from ${CHART_WIDTH.min} to ${CHART_WIDTH.max}`),
    allowed: [`a whole number from ${CHART_WIDTH.min} to ${CHART_WIDTH.max}`],
    example: '390',
  },
  scale: {
    description: `PNG pixel density, ${MIN_SCALE} to ${MAX_SCALE} (default ${DEFAULT_SCALE}).`,
    schema: z
      .string()
      .transform((v, ctx) => {
        if (v.trim() === '') return undefined;
        const n = Number(v);
        return n >= MIN_SCALE && n <= MAX_SCALE ? n : invalid(ctx, `expected a number from ${MIN_SCALE} to ${MAX_SCALE}`);
      })
      .meta({ type: 'number', minimum: MIN_SCALE, maximum: MAX_SCALE, default: DEFAULTS.scale }),
    allowed: [`a number from ${MIN_SCALE} to ${MAX_SCALE}`],
  },
  ticker: {
    description: 'One ticker or company name.',
    schema: z.string().trim().min(1).max(100),
    allowed: ['a ticker from /api/v1/companies'],
    example: 'AMZN',
  },
  'facts-metric': {
    description: 'A metric id or a raw taxonomy:Concept; all metrics when omitted.',
    schema: z
      .string()
      .max(200)
      .transform((v) => v.trim() || undefined),
    allowed: ['a metric id such as capex'],
  },
  'from-year': {
    description: 'First year of period end.',
    schema: integer(1900, 2200, 'a year such as 2022'),
    allowed: ['a year such as 2022'],
  },
  'to-year': {
    description: 'Last year of period end.',
    schema: integer(1900, 2200, 'a year such as 2025'),
    allowed: ['a year such as 2025'],
  },
  annotate: {
    description: `Mark events on the chart, as \`airace chart --annotate\`: \`true\` marks the events naming the companies shown (a preset marks its own: the seed chart, the events of the seed article), or a comma-separated list of kinds (${EVENT_KINDS.join(', ')}), which adds events about companies outside the store (OpenAI, DeepSeek).`,
    schema: z.string().max(200),
    allowed: ['true', 'false', ...EVENT_KINDS],
  },
  kind: {
    description: `Event kinds, comma-separated or repeated: ${EVENT_KINDS.join(', ')}. All kinds when omitted.`,
    schema: list(200).pipe(
      z.array(z.string()).transform((kinds, ctx) => {
        const lower = kinds.map((k) => k.toLowerCase());
        const bad = lower.find((k) => !(EVENT_KINDS as readonly string[]).includes(k));
        return bad === undefined ? [...new Set(lower)] : invalid(ctx, `expected one of ${EVENT_KINDS.join(', ')}`);
      }),
    ),
    allowed: EVENT_KINDS,
    list: true,
  },
  'event-companies': {
    description: 'Tickers, names or aliases of stored companies (a group means its members), or other names the timeline uses (OpenAI, DeepSeek, US Government); comma-separated or repeated. All events when omitted.',
    schema: list(400, false),
    allowed: ['tickers from /api/v1/companies, or names the events use, comma-separated'],
    list: true,
  },
  'from-date': {
    description: 'First date: a year (2025, from 1 January) or a day (2025-02-24).',
    schema: z.string().max(10),
    allowed: ['a year such as 2025', 'a date such as 2025-02-24'],
  },
  'to-date': {
    description: 'Last date: a year (2025, to 31 December) or a day (2025-12-31).',
    schema: z.string().max(10),
    allowed: ['a year such as 2025', 'a date such as 2025-12-31'],
  },
  text: {
    description: `The article to check, plain text or markdown (at most ${CHECK_BODY_LIMIT / 1024} KB).`,
    schema: z.string(),
    allowed: [`an article of at most ${CHECK_BODY_LIMIT / 1024} KB`],
  },
  date: {
    description: 'The article’s date (YYYY-MM-DD), used when the article states none: it resolves “this year” and the guidance in force at the time.',
    schema: z.string().max(10),
    allowed: ['a date such as 2025-02-25'],
  },
  page: {
    description: 'Which page of a long table (the methodology’s data coverage): 1, 2, …; the first when omitted.',
    schema: z.string().max(10),
    allowed: ['a page number such as 2'],
  },
  'price-companies': {
    description: 'Comma-separated companies (all their listings: BABA means the NYSE ADR and 9988.HK) or listings (9988.HK). Every listing when omitted.',
    schema: list(400, false),
    allowed: ['tickers from /api/v1/companies or listings from /api/v1/prices/listings, comma-separated'],
    list: true,
  },
  rebase: {
    description: 'Index every line to 100 at the close on or before this day (YYYY-MM-DD or a year); closes in each listing’s currency when omitted.',
    schema: z.string().max(10),
    allowed: ['a date such as 2025-01-02', 'a year such as 2025'],
  },
  primary: {
    description: 'Only each company’s primary listing (true/false).',
    schema: flag('primary'),
    allowed: ['true', 'false'],
  },
  window: {
    description: 'What a price change measures: ytd (from the last close of the previous year, the default), days (over `days` calendar days), day (the session against the one before it), between (from `from` to `to`). Every end is the last close on or before the date.',
    schema: keyword(PRICE_WINDOWS).schema,
    allowed: PRICE_WINDOWS,
  },
  days: {
    description: 'Calendar days of a `window=days` change.',
    schema: integer(1, 36600, 'a whole number of days such as 30'),
    allowed: ['a whole number of days such as 30'],
  },
  'as-of': {
    description: 'The end of a ytd, days or day window (YYYY-MM-DD); today, i.e. the latest close, when omitted.',
    schema: z.string().max(10),
    allowed: ['a date such as 2025-03-01'],
  },
  top: {
    description: 'Largest daily moves per listing and calendar year (default 3).',
    schema: integer(1, 50, 'a whole number from 1 to 50'),
    allowed: ['a whole number from 1 to 50'],
  },
  min: {
    description: 'Smallest daily move listed, in percent (default 5).',
    schema: z
      .string()
      .transform((v, ctx) => {
        const t = v.trim();
        if (t === '') return undefined;
        const n = Number(t);
        return Number.isFinite(n) && n >= 0 && n <= 100 ? n : invalid(ctx, 'expected a percentage from 0 to 100');
      })
      .meta({ type: 'number', minimum: 0, maximum: 100 }),
    allowed: ['a percentage from 0 to 100'],
  },
  prices: {
    description: 'The share-price section’s companies or listings (BABA, 9988.HK), comma-separated; the page’s companies when omitted.',
    schema: list(400, false),
    allowed: ['tickers or listings from /api/v1/prices/listings, comma-separated'],
    list: true,
  },
  'prices-from': {
    description: 'Where the share-price section rebases its lines to 100 (YYYY-MM-DD or a year); a year before the newest close when omitted.',
    schema: z.string().max(10),
    allowed: ['a date such as 2025-01-02', 'a year such as 2025'],
  },
  table: {
    description: 'Which table of the page the CSV holds; the first when omitted.',
    schema: z.string().max(40),
    allowed: ['a table name listed in the page’s JSON'],
  },
} satisfies Record<string, ParameterDef>;

export type ParameterName = keyof typeof PARAMETERS;

/** Which definition each field of a query schema came from (for 400 messages and list handling). */
const fieldDefs = new WeakMap<z.ZodType, { name: string; def: ParameterDef }>();

type Field<T extends Record<string, ParameterDef>, N extends keyof T> = z.ZodOptional<T[N]['schema']>;

/**
 * A querystring schema from a table of parameter definitions (the series and chart ones here,
 * the models ones in models-query.ts): every parameter optional unless `required`. `alias` lets
 * one definition serve under another name (the facts endpoint's `metric` takes raw concepts
 * too, so it is described by `facts-metric`).
 */
export function querySchemaOf<T extends Record<string, ParameterDef>, const N extends keyof T & string, const A extends Record<string, keyof T & string> = Record<never, never>>(
  table: T,
  names: readonly N[],
  alias?: A,
  required: readonly string[] = [],
) {
  const shape: Record<string, z.ZodType> = {};
  const add = (as: string, name: keyof T & string) => {
    const def: ParameterDef = table[name]!;
    const described = def.schema.meta({ description: def.description, ...(def.example ? { examples: [def.example] } : {}) });
    const field = required.includes(as) ? described : described.optional();
    fieldDefs.set(field, { name, def });
    shape[as] = field;
  };
  for (const name of names) add(name, name);
  for (const [as, name] of Object.entries(alias ?? {})) add(as, name);
  return z.object(shape) as unknown as z.ZodObject<{ [K in N]: Field<T, K> } & { [K in keyof A]: Field<T, A[K]> }>;
}

/** A querystring schema of the series and chart parameters. */
export function querySchema<const N extends ParameterName, const A extends Record<string, ParameterName> = Record<never, never>>(names: readonly N[], alias?: A, required: readonly string[] = []) {
  return querySchemaOf(PARAMETERS, names, alias, required);
}

export const SERIES_PARAMETERS = ['metric', 'companies', 'period', 'from', 'to', 'currency', 'basis', 'as-first-reported', 'segment', 'transform'] as const;
export const CHART_PARAMETERS = [...SERIES_PARAMETERS, 'type', 'preset', 'annotate', 'title', 'subtitle', 'width'] as const;

/** One schema per route and page query. */
export const QUERIES = {
  series: querySchema(SERIES_PARAMETERS),
  chart: querySchema(CHART_PARAMETERS),
  chartPng: querySchema([...CHART_PARAMETERS, 'scale']),
  facts: querySchema(['ticker', 'as-first-reported'], { metric: 'facts-metric', from: 'from-year', to: 'to-year' }, ['ticker']),
  events: querySchema(['kind'], { companies: 'event-companies', from: 'from-date', to: 'to-date' }),
  prices: querySchema(['primary'], { companies: 'price-companies', from: 'from-date', to: 'to-date', rebase: 'rebase' }),
  priceChart: querySchema(['primary', 'width'], { companies: 'price-companies', from: 'from-date', to: 'to-date', rebase: 'rebase' }),
  priceChartPng: querySchema(['primary', 'width', 'scale'], { companies: 'price-companies', from: 'from-date', to: 'to-date', rebase: 'rebase' }),
  priceChange: querySchema(['window', 'days', 'as-of', 'primary'], { companies: 'price-companies', from: 'from-date', to: 'to-date' }),
  priceMoves: querySchema(['top', 'min'], { companies: 'price-companies', from: 'from-date', to: 'to-date' }),
  check: querySchema(['date']),
  /** Explore and its twins: a chart query, and which table the CSV twin holds. */
  explorePage: querySchema([...CHART_PARAMETERS, 'table', 'prices', 'prices-from']),
  companyPage: querySchema(['currency', 'table', 'prices', 'prices-from']),
  /** Pages whose only parameter picks the CSV twin's table (the overview). */
  tablePage: querySchema(['table']),
  /** Methodology: the CSV twin's table and the page of the coverage table. */
  methodologyPage: querySchema(['table', 'page']),
  none: z.object({}),
} as const;

export type SeriesQueryInput = z.output<typeof QUERIES.series>;
export type ChartQueryInput = z.output<typeof QUERIES.chart>;
export type FactsQueryInput = z.output<typeof QUERIES.facts>;
export type EventsQueryInput = z.output<typeof QUERIES.events>;

/**
 * A raw query (Fastify's parse, a form, an object a page builds) as the schema reads it: one
 * string per parameter, repeated list values joined with commas, other repeats keep the last.
 */
export function normalizeQuery(schema: z.ZodObject, raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value === undefined || value === null) continue;
    const field = schema.shape[key] as z.ZodType | undefined;
    const isList = field ? fieldDefs.get(field)?.def.list === true : false;
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) continue;
    out[key] = isList ? values.map((v) => (Array.isArray(v) ? v.join(',') : String(v))).join(',') : String(values[values.length - 1]);
  }
  return out;
}

/** The 400 for a value a schema refuses: which parameter, what was given, what is allowed. */
function errorFor(schema: z.ZodObject, issues: z.core.$ZodIssue[], given: Record<string, string>): ApiError {
  const issue = issues[0]!;
  const key = String(issue.path[0] ?? 'query');
  const field = schema.shape[key] as z.ZodType | undefined;
  const known = field ? fieldDefs.get(field) : undefined;
  if (!known) return new ApiError(400, `invalid query: unknown parameter ${key}`, key, Object.keys(schema.shape));
  const shown = given[key] === undefined ? '' : `: ${given[key]}`;
  const reason = issue.code === 'custom' ? issue.message : issue.code === 'too_big' ? `at most ${String((issue as { maximum?: unknown }).maximum)} characters` : issue.code === 'invalid_type' && given[key] === undefined ? 'required' : `expected ${known.def.allowed.join(' or ')}`;
  return new ApiError(400, `invalid ${key}${shown} (${reason})`, key, known.def.allowed);
}

/** Parses a raw query with `schema`, or throws the 400 naming the first bad parameter. */
export function parseQuery<S extends z.ZodObject>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const given = normalizeQuery(schema, raw);
  const result = schema.safeParse(given);
  if (!result.success) throw errorFor(schema, result.error.issues, given);
  return result.data;
}

/** Allowed values for a parameter by its public name (for 400 bodies). */
export function allowedFor(name: string): readonly string[] {
  return (PARAMETERS as Record<string, ParameterDef>)[name]?.allowed ?? [];
}
