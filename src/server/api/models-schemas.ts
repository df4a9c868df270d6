// The shapes the models endpoints answer with, as zod schemas (see api-schemas.ts): the OpenAPI
// document and the /api reference describe them, and a test parses real responses with them.
// They mirror ModelJson, ModelSeriesResult and ModelLoad.
import { z } from 'zod';
import { MODEL_GROUPINGS, MODEL_METRICS, MODEL_PERIODS } from '../../model/model-series.js';

const strings = z.array(z.string());

const LoadSchema = z
  .object({
    id: z.number().int(),
    retrieved: z.string().describe('When it was retrieved from Epoch: YYYY-MM-DD, or YYYY-MM when only the month is known.'),
    confirmed: z.string().describe('The last day it was confirmed current (a later sync found it unchanged).'),
    source: z.string().describe('The URL it was downloaded from, or the file imported.'),
    sourceKind: z.enum(['sync', 'import']),
    sha256: z.string(),
    format: z.enum(['epoch', 'transcribed']),
    datasets: strings.describe('Epoch tables the rows come from: notable, large_scale, all.'),
    rows: z.number().int(),
    columns: strings.describe('The source column names read.'),
    loadedAt: z.string(),
  })
  .loose()
  .meta({ id: 'ModelLoad', description: 'A retrieval of Epoch AI’s table' });

const common = {
  loaded: z.boolean().describe('False when no models data is loaded (then `notice` says how to load it).'),
  notice: z.string().nullable(),
  dataAsOf: z.string().nullable().describe('How current the data is: the day the retrieval was last confirmed, or its snapshot month.'),
  credit: z.string().describe('The CC BY 4.0 credit Epoch AI’s licence requires wherever these rows are shown.'),
  load: LoadSchema.nullable().describe('The retrieval the values come from; null when no models data is loaded.'),
};

const ModelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organizations: strings,
    actors: z.array(z.object({ name: z.string(), ticker: z.string().nullable() })).describe('Who the model counts for: a tracked company (with its ticker) or a lab as itself.'),
    countries: strings,
    countryGroup: z.enum(['US', 'China', 'Other']),
    publicationDate: z.string().nullable(),
    domains: strings,
    parameters: z.number().nullable(),
    trainingComputeFlop: z.number().nullable().describe('Epoch AI’s estimate, FLOP; null means no public estimate (never zero).'),
    trainingCostUsd: z.number().nullable(),
    costBasis: z.string().nullable().describe('2023 USD (cloud rental prices in 2023 dollars) or cloud.'),
    hardware: z.string().nullable(),
    hardwareQuantity: z.number().nullable(),
    confidence: z.string().nullable().describe('Epoch’s confidence in the estimates: Confident, Likely, Speculative, Unknown, Unverified.'),
    accessibility: z.string().nullable(),
    openWeights: z.boolean().nullable(),
    links: strings,
    dataset: z.string().nullable(),
    snapshot: z.string().nullable(),
    source: z.object({ table: z.string(), retrieved: z.string(), line: z.number().int() }).loose().nullable(),
  })
  .loose()
  .meta({ id: 'Model' });

export const ModelListSchema = z
  .object({ ...common, count: z.number().int(), withoutComputeEstimate: z.number().int(), models: z.array(ModelSchema) })
  .loose()
  .meta({ id: 'ModelList', description: 'The models of the retrieval, newest first' });

const ModelSourceSchema = z
  .object({
    model: z.string(),
    organization: z.string().nullable(),
    publicationDate: z.string().nullable(),
    value: z.number().nullable(),
    confidence: z.string().nullable(),
    url: z.string().nullable(),
    dataset: z.string().nullable(),
    table: z.string(),
    retrieved: z.string(),
    line: z.number().int().describe('The line of Epoch’s table the row starts on.'),
  })
  .loose()
  .meta({ id: 'ModelSource' });

export const ModelSeriesSchema = z
  .object({
    ...common,
    metric: z.enum(MODEL_METRICS),
    unit: z.enum(['FLOP', 'models', 'percent']),
    period: z.enum(MODEL_PERIODS),
    by: z.enum(MODEL_GROUPINGS),
    definition: z.string(),
    coverageEnd: z.string().nullable().describe('The newest publication date in the table: a period after it is partial.'),
    notes: strings.describe('What was left out, said plainly.'),
    series: z.array(
      z
        .object({
          key: z.string(),
          label: z.string(),
          colour: z.string(),
          ticker: z.string().nullable(),
          points: z.array(
            z
              .object({
                label: z.string(),
                start: z.string(),
                end: z.string(),
                value: z.number().nullable().describe('Null when missing (see missing), never zero for an unknown estimate.'),
                missing: z.object({ reason: z.enum(['no-models', 'no-estimate', 'no-accessibility']), detail: z.string() }).nullable(),
                models: z.number().int().describe('Models of the group released in the period.'),
                counted: z.number().int().describe('Of those, how many the value could use (with an estimate, or a known accessibility).'),
                sources: z.array(ModelSourceSchema),
              })
              .loose(),
          ),
        })
        .loose(),
    ),
  })
  .loose()
  .meta({ id: 'ModelSeries', description: 'One series per group, with the Epoch rows behind each value' });

export const ModelLoadsSchema = z
  .object({ loaded: z.boolean(), notice: z.string().nullable(), loads: z.array(LoadSchema) })
  .meta({ id: 'ModelLoads', description: 'Every retrieval stored, newest first' });
