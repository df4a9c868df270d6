// The JSON shapes of the /api/v1/prices endpoints, as zod schemas: the OpenAPI document is
// generated from them, and the tests parse real responses with them, so docs and data agree.
import { z } from 'zod';
import { PRICE_WINDOW_KINDS } from '../../model/price.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('ISO date');

export const priceSourceSchema = z
  .object({
    provider: z.string().describe('Stooq, or the host of AIRACE_PRICES_URL'),
    url: z.string().describe('the download the closes came from'),
    retrievedAt: z.string().describe('when it was downloaded (ISO timestamp)'),
    symbol: z.string().describe('the source’s symbol: baba.us, 9988.hk'),
  })
  .describe('Where a listing’s closes came from');

const listingFields = {
  listing: z.string().describe('airace’s listing id: BABA, 9988.HK'),
  ticker: z.string().describe('the company’s ticker'),
  name: z.string(),
  colour: z.string(),
  exchange: z.string().describe('NYSE, Nasdaq, HKEX'),
  kind: z.string().describe('ordinary, ADR, class A'),
  currency: z.string().describe('the listing’s own currency; prices are never converted'),
  primary: z.boolean().describe('the listing a sentence means when it names no market'),
  symbol: z.string(),
};

const closeOn = z.object({ asked: isoDate.describe('the date asked for'), date: isoDate.describe('the trading day whose close it is (on or before asked)'), close: z.number() });

const missing = z
  .object({ reason: z.enum(['no-price-data', 'no-base', 'no-end']), detail: z.string(), hint: z.string().nullable().describe('the command that loads what is missing') })
  .nullable();

const dataAsOf = z.object({ newestPeriodEnd: isoDate.nullable().describe('the newest close shown'), newestDocumentDate: isoDate.nullable().describe('the day the newest download was made') }).describe('How current the prices shown are');

const unlisted = z.array(z.object({ ticker: z.string(), name: z.string(), hint: z.string() })).describe('Companies asked for that have no listing stored yet');

export const sharePriceSchema = z
  .object({
    series: z.literal('share_price'),
    from: isoDate.nullable(),
    to: isoDate.nullable(),
    rebase: isoDate.nullable().describe('the day every line is indexed to 100 at, or null for closes'),
    dataAsOf,
    listings: z.array(
      z.object({
        ...listingFields,
        source: priceSourceSchema.nullable(),
        base: closeOn.nullable().describe('the close the line is rebased to'),
        points: z.array(z.object({ date: isoDate, close: z.number(), index: z.number().optional().describe('100 at the base close; only when rebased') })),
        missing,
      }),
    ),
    unlisted,
  })
  .describe('Daily closes per listing (the share_price series), in each listing’s currency');

export const priceChangeSchema = z
  .object({
    series: z.literal('price_change'),
    window: z.object({ kind: z.enum(PRICE_WINDOW_KINDS), asOf: isoDate.optional(), days: z.number().optional(), from: isoDate.optional(), to: isoDate.optional(), label: z.string() }),
    dataAsOf,
    listings: z.array(z.object({ ...listingFields, source: priceSourceSchema.nullable(), change: z.number().nullable().describe('percent'), base: closeOn.nullable(), end: closeOn.nullable(), missing })),
    unlisted,
  })
  .describe('Percent change per listing over a window (the price_change series)');

export const movesSchema = z
  .object({
    moves: z.array(
      z.object({
        ...listingFields,
        date: isoDate,
        previousDate: isoDate,
        close: z.number(),
        previousClose: z.number(),
        change: z.number().describe('percent, close against the previous session'),
        rank: z.number().describe('1 for the listing’s largest move of the year'),
        source: priceSourceSchema,
      }),
    ),
  })
  .describe('The largest daily moves per listing: the market moves on the timeline');

export const listingsSchema = z
  .object({
    listings: z.array(
      z.object({
        ...listingFields,
        sourceKind: z.enum(['bundled', 'inferred']),
        note: z.string().nullable(),
        days: z.number(),
        first: isoDate.nullable(),
        last: isoDate.nullable(),
        source: priceSourceSchema.nullable(),
      }),
    ),
  })
  .describe('Where each company trades (data/listings.csv) and the prices stored for each listing');

export const apiErrorSchema = z.object({ error: z.string(), parameter: z.string().nullable(), allowed: z.array(z.string()) }).describe('A bad request: which parameter, and what it accepts');

/** A zod schema as the OpenAPI 3.0 JSON Schema a Fastify route declares. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0' }) as Record<string, unknown>;
}
