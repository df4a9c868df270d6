// Every query parameter the dashboard and API accept, named like the CLI flags, described
// once: the OpenAPI document, request validation and 400 messages all come from here.
import { PERIODS } from '../model/series.js';
import { BASES } from '../model/fact.js';
import { METRIC_IDS } from '../series/metrics.js';
import { CHART_TYPES } from '../chart/chart.js';
import { PRESET_NAMES } from '../chart/presets.js';
import { FIGURE_PRESET_NAMES } from '../chart/figure-presets.js';
import { TRANSFORMS } from '../series/analytics.js';
import { MAX_SLOTS } from '../series/period-range.js';
import { EVENT_KINDS } from '../model/race-event.js';
import { DEFAULT_SCALE, MAX_CHART_TEXT, MAX_SCALE, MIN_SCALE } from '../chart/chart-limits.js';
import { PRICE_WINDOW_KINDS as PRICE_WINDOWS } from '../model/price.js';

export interface ParameterDef {
  description: string;
  /** JSON Schema of the value as it arrives in the query string. */
  schema: Record<string, unknown>;
  /** What a 400 lists as allowed: the enum, or a description of the accepted form. */
  allowed: readonly string[];
}

/** Same defaults as `airace series` and `airace chart`. */
export const DEFAULTS = {
  metric: 'capex',
  companies: ['AMZN', 'MSFT', 'GOOGL', 'META'],
  period: 'fy',
  basis: 'actual',
  type: 'grouped',
  scale: DEFAULT_SCALE,
} as const;

export const MAX_COMPANIES = 12;
export const MAX_TEXT = MAX_CHART_TEXT;
/** Request bodies of POST /api/v1/check and /check (the app default is 16 KiB): a 256 KB article takes a few seconds to check. */
export const CHECK_BODY_LIMIT = 256 * 1024;

const BOUND = '^\\d{4}(-?[Qq][1-4])?$';
const FLAG = ['true', 'false', '1', '0', ''];

export const PARAMETERS = {
  metric: {
    description: 'Metric id (see /api/v1/metrics).',
    schema: { type: 'string', enum: METRIC_IDS, default: DEFAULTS.metric },
    allowed: METRIC_IDS,
  },
  companies: {
    description: `Comma-separated tickers or names ("Google" works for GOOGL); GROUP4 is the big four summed. At most ${MAX_COMPANIES}.`,
    schema: { type: 'string', maxLength: 400, default: DEFAULTS.companies.join(',') },
    allowed: ['tickers from /api/v1/companies, comma-separated'],
  },
  period: {
    description: 'quarter (calendar quarter), fy (each company’s fiscal year), cy (calendar year) or ttm (trailing four quarters).',
    schema: { type: 'string', enum: PERIODS, default: DEFAULTS.period },
    allowed: PERIODS,
  },
  from: {
    description: 'First period: a year (2022) or a quarter (2024-Q3). Default: the first period with data.',
    schema: { type: 'string', pattern: BOUND },
    allowed: ['a year such as 2022', 'a quarter such as 2024-Q3'],
  },
  to: {
    description: `Last period, like from. At most ${MAX_SLOTS} periods in a range.`,
    schema: { type: 'string', pattern: BOUND },
    allowed: ['a year such as 2025', 'a quarter such as 2025-Q4', `at most ${MAX_SLOTS} periods after from`],
  },
  currency: {
    description: 'Convert to this currency. USD converts Alibaba’s RMB at the rates its releases state. Default: the companies’ common reporting currency, else USD.',
    schema: { type: 'string', pattern: '^[A-Za-z]{3}$' },
    allowed: ['USD', 'the reporting currency shared by all chosen companies (CNY for BABA)'],
  },
  basis: {
    description: 'actual (reported), guidance or commitment.',
    schema: { type: 'string', enum: BASES, default: DEFAULTS.basis },
    allowed: BASES,
  },
  'as-first-reported': {
    description: 'Use the first filed version of each figure instead of the newest (true/false).',
    schema: { type: 'string', enum: FLAG },
    allowed: FLAG.filter(Boolean),
  },
  transform: {
    description: 'Turn values into yoy (year-over-year growth, %) or share (% of the total of the companies shown), as `airace series --transform`.',
    schema: { type: 'string', enum: TRANSFORMS },
    allowed: TRANSFORMS,
  },
  type: {
    description: 'Chart type.',
    schema: { type: 'string', enum: CHART_TYPES, default: DEFAULTS.type },
    allowed: CHART_TYPES,
  },
  preset: {
    description: 'A named chart; replaces the series parameters and the type. `seed` redraws the seed article’s chart; `plan-vs-actual` is the figure of guidance and pledges against spending.',
    schema: { type: 'string', enum: [...PRESET_NAMES, ...FIGURE_PRESET_NAMES] },
    allowed: [...PRESET_NAMES, ...FIGURE_PRESET_NAMES],
  },
  title: {
    description: `Chart title (at most ${MAX_TEXT} characters).`,
    schema: { type: 'string', maxLength: MAX_TEXT },
    allowed: [`text of at most ${MAX_TEXT} characters`],
  },
  subtitle: {
    description: `Chart subtitle (at most ${MAX_TEXT} characters).`,
    schema: { type: 'string', maxLength: MAX_TEXT },
    allowed: [`text of at most ${MAX_TEXT} characters`],
  },
  scale: {
    description: `PNG pixel density, ${MIN_SCALE} to ${MAX_SCALE}.`,
    schema: { type: 'number', minimum: MIN_SCALE, maximum: MAX_SCALE, default: DEFAULTS.scale },
    allowed: [`a number from ${MIN_SCALE} to ${MAX_SCALE}`],
  },
  ticker: {
    description: 'One ticker or company name.',
    schema: { type: 'string', maxLength: 100 },
    allowed: ['a ticker from /api/v1/companies'],
  },
  'facts-metric': {
    description: 'A metric id or a raw taxonomy:Concept; all metrics when omitted.',
    schema: { type: 'string', maxLength: 200 },
    allowed: ['a metric id such as capex'],
  },
  'from-year': {
    description: 'First year of period end.',
    schema: { type: 'integer', minimum: 1900, maximum: 2200 },
    allowed: ['a year such as 2022'],
  },
  'to-year': {
    description: 'Last year of period end.',
    schema: { type: 'integer', minimum: 1900, maximum: 2200 },
    allowed: ['a year such as 2025'],
  },
  annotate: {
    description: `Mark events on the chart, as \`airace chart --annotate\`: \`true\` marks the events naming the companies shown (a preset marks its own: the seed chart, the events of the seed article), or a comma-separated list of kinds (${EVENT_KINDS.join(', ')}), which adds events about companies outside the store (OpenAI, DeepSeek).`,
    schema: { type: 'string', maxLength: 200 },
    allowed: ['true', 'false', ...EVENT_KINDS],
  },
  kind: {
    description: `Comma-separated event kinds: ${EVENT_KINDS.join(', ')}. All kinds when omitted.`,
    schema: { type: 'string', maxLength: 200 },
    allowed: EVENT_KINDS,
  },
  'event-companies': {
    description: 'Comma-separated tickers, names or aliases of stored companies (a group means its members), or other names the timeline uses (OpenAI, DeepSeek). All events when omitted.',
    schema: { type: 'string', maxLength: 400 },
    allowed: ['tickers from /api/v1/companies, or names the events use, comma-separated'],
  },
  'from-date': {
    description: 'First date: a year (2025, from 1 January) or a day (2025-02-24).',
    schema: { type: 'string', maxLength: 10 },
    allowed: ['a year such as 2025', 'a date such as 2025-02-24'],
  },
  'to-date': {
    description: 'Last date: a year (2025, to 31 December) or a day (2025-12-31).',
    schema: { type: 'string', maxLength: 10 },
    allowed: ['a year such as 2025', 'a date such as 2025-12-31'],
  },
  text: {
    description: `The article to check, plain text or markdown (at most ${CHECK_BODY_LIMIT / 1024} KB).`,
    schema: { type: 'string' },
    allowed: [`an article of at most ${CHECK_BODY_LIMIT / 1024} KB`],
  },
  date: {
    description: 'The article’s date (YYYY-MM-DD), used when the article states none: it resolves “this year” and the guidance in force at the time.',
    schema: { type: 'string', maxLength: 10 },
    allowed: ['a date such as 2025-02-25'],
  },
  'price-companies': {
    description: 'Comma-separated companies (all their listings: BABA means the NYSE ADR and 9988.HK) or listings (9988.HK). Every listing when omitted.',
    schema: { type: 'string', maxLength: 400 },
    allowed: ['tickers from /api/v1/companies or listings from /api/v1/prices/listings, comma-separated'],
  },
  rebase: {
    description: 'Index every line to 100 at the close on or before this day (YYYY-MM-DD or a year); closes in each listing’s currency when omitted.',
    schema: { type: 'string', maxLength: 10 },
    allowed: ['a date such as 2025-01-02', 'a year such as 2025'],
  },
  primary: {
    description: 'Only each company’s primary listing (true/false).',
    schema: { type: 'string', enum: FLAG },
    allowed: FLAG.filter(Boolean),
  },
  window: {
    description: 'What a price change measures: ytd (from the last close of the previous year, the default), days (over `days` calendar days), day (the session against the one before it), between (from `from` to `to`). Every end is the last close on or before the date.',
    schema: { type: 'string', enum: PRICE_WINDOWS, default: 'ytd' },
    allowed: PRICE_WINDOWS,
  },
  days: {
    description: 'Calendar days of a `window=days` change.',
    schema: { type: 'integer', minimum: 1, maximum: 36600 },
    allowed: ['a whole number of days such as 30'],
  },
  'as-of': {
    description: 'The end of a ytd, days or day window (YYYY-MM-DD); today, i.e. the latest close, when omitted.',
    schema: { type: 'string', maxLength: 10 },
    allowed: ['a date such as 2025-03-01'],
  },
  top: {
    description: 'Largest daily moves per listing and calendar year.',
    schema: { type: 'integer', minimum: 1, maximum: 50, default: 3 },
    allowed: ['a whole number from 1 to 50'],
  },
  min: {
    description: 'Smallest daily move listed, in percent.',
    schema: { type: 'number', minimum: 0, maximum: 100, default: 5 },
    allowed: ['a percentage from 0 to 100'],
  },
  table: {
    description: 'Which table of the page the CSV holds; the first when omitted.',
    schema: { type: 'string', maxLength: 40 },
    allowed: ['a table name listed in the page’s JSON'],
  },
} satisfies Record<string, ParameterDef>;

export type ParameterName = keyof typeof PARAMETERS;

export const SERIES_PARAMETERS: ParameterName[] = ['metric', 'companies', 'period', 'from', 'to', 'currency', 'basis', 'as-first-reported', 'transform'];
export const CHART_PARAMETERS: ParameterName[] = [...SERIES_PARAMETERS, 'type', 'preset', 'annotate', 'title', 'subtitle'];

/**
 * A querystring JSON Schema. `alias` lets one definition serve under another name (the facts
 * endpoint's `metric` takes raw concepts too, so it is described by `facts-metric`).
 */
export function querySchema(names: ParameterName[], alias: Partial<Record<string, ParameterName>> = {}) {
  const properties: Record<string, unknown> = {};
  for (const name of names) properties[name] = { ...PARAMETERS[name].schema, description: PARAMETERS[name].description };
  for (const [as, name] of Object.entries(alias)) properties[as] = { ...PARAMETERS[name!].schema, description: PARAMETERS[name!].description };
  return { type: 'object', properties } as const;
}

/** Allowed values for a parameter by its public name (for 400 bodies). */
export function allowedFor(name: string): readonly string[] {
  return (PARAMETERS as Record<string, ParameterDef>)[name]?.allowed ?? [];
}
