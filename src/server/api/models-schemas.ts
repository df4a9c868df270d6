// OpenAPI response schemas of the models endpoints (documentation: handlers send JSON strings,
// so these never filter what is sent). They mirror ModelJson, ModelSeriesResult and ModelLoad.
const nullable = (type: string, description?: string) => ({ type, nullable: true, ...(description ? { description } : {}) });
const strings = { type: 'array', items: { type: 'string' } };

const load = {
  type: 'object',
  nullable: true,
  description: 'The retrieval of Epoch AI’s table the values come from; null when no models data is loaded.',
  properties: {
    id: { type: 'integer' },
    retrieved: { type: 'string', description: 'When it was retrieved from Epoch: YYYY-MM-DD, or YYYY-MM when only the month is known.' },
    confirmed: { type: 'string', description: 'The last day it was confirmed current (a later sync found it unchanged).' },
    source: { type: 'string', description: 'The URL it was downloaded from, or the file imported.' },
    sourceKind: { type: 'string', enum: ['sync', 'import'] },
    sha256: { type: 'string' },
    format: { type: 'string', enum: ['epoch', 'transcribed'] },
    datasets: { ...strings, description: 'Epoch tables the rows come from: notable, large_scale, all.' },
    rows: { type: 'integer' },
    columns: { ...strings, description: 'The source column names read.' },
    loadedAt: { type: 'string' },
  },
};

const common = {
  loaded: { type: 'boolean', description: 'False when no models data is loaded (then `notice` says how to load it).' },
  notice: nullable('string'),
  dataAsOf: nullable('string', 'How current the data is: the day the retrieval was last confirmed, or its snapshot month.'),
  credit: { type: 'string', description: 'The CC BY 4.0 credit Epoch AI’s licence requires wherever these rows are shown.' },
};

const model = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    organizations: strings,
    actors: { type: 'array', description: 'Who the model counts for: a tracked company (with its ticker) or a lab as itself.', items: { type: 'object', properties: { name: { type: 'string' }, ticker: nullable('string') } } },
    countries: strings,
    countryGroup: { type: 'string', enum: ['US', 'China', 'Other'] },
    publicationDate: nullable('string'),
    domains: strings,
    parameters: nullable('number'),
    trainingComputeFlop: nullable('number', 'Epoch AI’s estimate, FLOP; null means no public estimate (never zero).'),
    trainingCostUsd: nullable('number'),
    costBasis: nullable('string', '2023 USD (cloud rental prices in 2023 dollars) or cloud.'),
    hardware: nullable('string'),
    hardwareQuantity: nullable('number'),
    confidence: nullable('string', 'Epoch’s confidence in the estimates: Confident, Likely, Speculative, Unknown, Unverified.'),
    accessibility: nullable('string'),
    openWeights: nullable('boolean'),
    links: strings,
    dataset: nullable('string'),
    snapshot: nullable('string'),
    source: { type: 'object', nullable: true, properties: { table: { type: 'string' }, retrieved: { type: 'string' }, line: { type: 'integer' } } },
  },
};

export const MODEL_LIST_RESPONSE = {
  200: {
    description: 'The models of the retrieval, newest first',
    type: 'object',
    properties: { ...common, load, count: { type: 'integer' }, withoutComputeEstimate: { type: 'integer' }, models: { type: 'array', items: model } },
  },
};

const sourceRef = {
  type: 'object',
  properties: {
    model: { type: 'string' },
    organization: nullable('string'),
    publicationDate: nullable('string'),
    value: nullable('number'),
    confidence: nullable('string'),
    url: nullable('string'),
    dataset: nullable('string'),
    table: { type: 'string' },
    retrieved: { type: 'string' },
    line: { type: 'integer', description: 'The line of Epoch’s table the row starts on.' },
  },
};

export const MODEL_SERIES_RESPONSE = {
  200: {
    description: 'One series per group, with the Epoch rows behind each value',
    type: 'object',
    properties: {
      ...common,
      metric: { type: 'string' },
      unit: { type: 'string', enum: ['FLOP', 'models', 'percent'] },
      period: { type: 'string' },
      by: { type: 'string' },
      definition: { type: 'string' },
      coverageEnd: nullable('string', 'The newest publication date in the table: a period after it is partial.'),
      load,
      notes: { ...strings, description: 'What was left out, said plainly.' },
      series: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            key: { type: 'string' },
            label: { type: 'string' },
            colour: { type: 'string' },
            ticker: nullable('string'),
            points: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  label: { type: 'string' },
                  start: { type: 'string' },
                  end: { type: 'string' },
                  value: nullable('number', 'Null when missing (see missing), never zero for an unknown estimate.'),
                  missing: { type: 'object', nullable: true, properties: { reason: { type: 'string', enum: ['no-models', 'no-estimate', 'no-accessibility'] }, detail: { type: 'string' } } },
                  models: { type: 'integer', description: 'Models of the group released in the period.' },
                  counted: { type: 'integer', description: 'Of those, how many the value could use (with an estimate, or a known accessibility).' },
                  sources: { type: 'array', items: sourceRef },
                },
              },
            },
          },
        },
      },
    },
  },
};

export const MODEL_LOADS_RESPONSE = {
  200: {
    description: 'Every retrieval stored, newest first',
    type: 'object',
    properties: { loaded: { type: 'boolean' }, notice: nullable('string'), loads: { type: 'array', items: { ...load, nullable: false } } },
  },
};
