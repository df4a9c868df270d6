// The shapes the API answers with, as zod schemas: the OpenAPI document (and so the /api
// reference) describes every response and error from these, and a test parses real responses
// with them, so the reference cannot drift from what the server sends.
import { z } from 'zod';
import { BASES, CONFIDENCES, SOURCE_KINDS, VERIFICATION_LEVELS } from '../model/fact.js';
import { MISSING_REASONS, PERIODS } from '../model/series.js';
import { EVENT_KINDS } from '../model/race-event.js';
import { CHECK_BODY_LIMIT, PARAMETERS } from './query-parameters.js';

const isoDate = z.string().meta({ format: 'date', examples: ['2024-12-31'] });

export const SourceRefSchema = z
  .object({
    factId: z.number().int(),
    kind: z.enum(SOURCE_KINDS).describe('bundled: the verified data shipped with airace; sec: synced from SEC EDGAR'),
    url: z.string().describe('The document of record: the filing or release that states the figure'),
    form: z.string().nullable().describe('10-K, 10-Q, 8-K, 20-F, 6-K … when known'),
    accession: z.string().nullable(),
    filed: z.string().nullable().describe('Filing date'),
    readAt: z.string().nullable().describe('Where the value was read, when not in the document of record itself'),
    verified: z.enum(VERIFICATION_LEVELS).describe('xbrl: equals SEC’s XBRL fact; filing: read in the document; mapped: read elsewhere, not yet checked in it; secondary: no primary document'),
    confidence: z.enum(CONFIDENCES),
    note: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string(),
    value: z.number(),
  })
  .loose()
  .meta({ id: 'SourceRef', description: 'The evidence behind a value' });

export const SeriesPointSchema = z
  .object({
    label: z.string().meta({ examples: ['FY2024', '2025', '2025-Q3', 'TTM 2025-Q3'] }),
    start: isoDate,
    end: isoDate,
    value: z.number().nullable().describe('In currency units (not millions), or percent; null when missing'),
    basis: z.enum(BASES),
    complete: z.boolean().describe('false: part of the period has no data (the value is then null)'),
    derived: z.boolean().describe('true: computed by airace (a quarter from year-to-date figures, a sum, a ratio)'),
    derivation: z.string().nullable().meta({ examples: ['Q4 = FY − 9M YTD'] }),
    missing: z.object({ reason: z.enum(MISSING_REASONS), detail: z.string() }).nullable(),
    partialValue: z.number().nullable().describe('Sum of the parts that exist, for incomplete values'),
    fx: z.object({ pair: z.string(), rate: z.number(), date: z.string(), source: SourceRefSchema }).nullable().describe('The stated rate that converted the value'),
    sources: z.array(SourceRefSchema),
    segment: z.string().nullable().optional().describe('Only for a metric reported in segments (cloud_revenue): the one segment the value and all its sources are; null when it has none'),
  })
  .loose()
  .meta({ id: 'SeriesPoint' });

/** How current what a response shows is: the newest period end and the newest filing date among it. */
export const DataAsOfSchema = z
  .object({ newestPeriodEnd: z.string().nullable(), newestDocumentDate: z.string().nullable() })
  .describe('How current the figures are')
  .meta({ id: 'DataAsOf' });

export const SeriesResultSchema = z
  .object({
    metric: z.string().meta({ examples: ['capex', 'capex_yoy'] }),
    unit: z.string().describe('A currency code, or percent').meta({ examples: ['USD'] }),
    currency: z.string().nullable(),
    period: z.enum(PERIODS),
    basis: z.enum(BASES),
    definition: z.string(),
    dataAsOf: DataAsOfSchema,
    series: z.array(
      z
        .object({
          ticker: z.string(),
          name: z.string(),
          colour: z.string(),
          reportingCurrency: z.string(),
          definition: z.string().nullable().describe('The company’s own definition, where it differs'),
          points: z.array(SeriesPointSchema),
        })
        .loose(),
    ),
  })
  .loose()
  .meta({ id: 'SeriesResult', description: 'A metric for companies over periods, every value with its sources (the JSON of `airace series --format json`)' });

export const CompanySchema = z
  .object({
    ticker: z.string(),
    name: z.string(),
    kind: z.enum(['company', 'group']),
    cik: z.number().nullable(),
    country: z.string(),
    fiscalYearEndMonth: z.number().int().min(1).max(12),
    currency: z.string(),
    colour: z.string(),
    aliases: z.array(z.string()),
    members: z.array(z.string()),
  })
  .loose()
  .meta({ id: 'Company' });

export const MetricSchema = z
  .object({
    id: z.string(),
    label: z.string().describe('The metric in words, as every page, chart and CSV names it'),
    unit: z.enum(['money', 'percent']),
    kind: z.enum(['reported', 'derived']),
    definition: z.string(),
    summary: z.string().describe('The definition in plain words'),
    inputs: z.array(z.string()).optional(),
  })
  .loose()
  .meta({ id: 'Metric' });

export const FactSchema = z
  .object({
    id: z.number().int(),
    ticker: z.string(),
    metric: z.string(),
    concept: z.string().nullable(),
    value: z.number(),
    unit: z.string(),
    periodStart: z.string().nullable(),
    periodEnd: z.string(),
    basis: z.enum(BASES),
    confidence: z.enum(CONFIDENCES),
    preferred: z.boolean(),
    sourceKind: z.enum(SOURCE_KINDS),
    sourceUrl: z.string(),
    form: z.string().nullable(),
    accession: z.string().nullable(),
    filed: z.string().nullable(),
    used: z.boolean().describe('The version the series engine takes'),
  })
  .loose()
  .meta({ id: 'Fact' });

export const EventSchema = z
  .object({
    id: z.string(),
    date: isoDate,
    kind: z.enum(EVENT_KINDS),
    title: z.string().describe('airace’s own words'),
    companies: z.array(z.object({ name: z.string(), ticker: z.string().nullable() })),
    amount: z.number().nullable(),
    currency: z.string().nullable(),
    amountText: z.string().nullable(),
    sourceUrl: z.string(),
    note: z.string().nullable(),
  })
  .loose()
  .meta({ id: 'Event' });

export const CheckReportSchema = z
  .object({
    articleDate: z.object({ date: z.string(), from: z.enum(['article', 'option']), words: z.string().nullable() }).loose().nullable(),
    summary: z.object({ claims: z.number(), supported: z.number(), close: z.number(), contradicted: z.number(), notCheckable: z.number(), charts: z.number() }).loose(),
    policy: z.string(),
    claims: z.array(z.object({ id: z.number(), text: z.string(), verdict: z.enum(['supported', 'close', 'contradicted', 'not-checkable']) }).loose()),
    charts: z.array(z.object({ text: z.string(), type: z.string(), spec: z.unknown().nullable() }).loose()),
  })
  .loose()
  .meta({ id: 'CheckReport', description: 'Each figure of the article with its verdict and evidence (see docs/check.md for every field)' });

const checkFields = z.object({ text: z.string().describe(PARAMETERS.text.description), date: z.string().optional().describe(PARAMETERS.date.description) });

/** The article to check, in each of the forms it may come. */
export const CHECK_BODY = {
  'application/json': checkFields,
  'text/plain': z.string().describe(`The article (its date, if needed, in the \`date\` query parameter); at most ${CHECK_BODY_LIMIT / 1024} KB`),
  'application/x-www-form-urlencoded': checkFields,
};

export const ErrorSchema = z
  .object({
    error: z.string().describe('What went wrong, naming the value'),
    parameter: z.string().nullable().describe('The parameter at fault'),
    allowed: z.array(z.string()).describe('What the parameter allows'),
    requestId: z.string().optional().describe('On 500s: quote it when reporting the problem (the server log has the details)'),
  })
  .meta({ id: 'Error' });

const errorExample = (example: z.input<typeof ErrorSchema>, description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema.meta({ examples: [example] }) } },
});

/** The error responses every API route can give, each with an example. */
export const ERROR_RESPONSES = {
  400: errorExample({ error: 'invalid period: weekly (expected one of quarter, fy, cy, ttm)', parameter: 'period', allowed: ['quarter', 'fy', 'cy', 'ttm'] }, 'A parameter is invalid: `parameter` names it, `allowed` lists what it takes'),
  404: errorExample({ error: 'unknown company: NOPE', parameter: 'companies', allowed: ['AMZN', 'BABA', 'GOOGL', 'GROUP4', 'META', 'MSFT'] }, 'An unknown company (or path)'),
  429: errorExample({ error: 'Rate limit exceeded, retry in 1 minute', parameter: null, allowed: [] }, 'Over the rate limit; `Retry-After` says when to come back'),
  500: errorExample({ error: 'internal server error', parameter: null, allowed: [], requestId: 'r-3f9a1c' }, 'A bug: the response carries the request id that the server log records'),
} as const;

/** A 200 that is not JSON: CSV, SVG, PNG. */
export function fileResponse(type: string, description: string, schema: z.ZodType = z.string()) {
  return { description, content: { [type]: { schema } } };
}
