// The models page, the race page's and company pages' models sections, and /api/v1/models,
// without models data (a clear empty state, the rest of airace unaffected) and with the
// transcribed table imported (the compute chart names Qwen and DeepSeek models, carries
// Epoch's credit and "data as of"; the API's values are the series layer's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../server/test-server.js';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { getModelSeries } from '../../src/series/model-series.js';
import { TRANSCRIBED_FILE, readShared, sharedModelsPresent, table } from './models-fixtures.js';
import { needs } from '../helpers/requirements.js';

const EMPTY = 'airace models sync';

describe('models surfaces without models data', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('shows the models page’s empty state with the one command that loads the data', async () => {
    const r = await s.app.inject('/models');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('No models data is loaded yet.');
    expect(r.body).toContain(`<code>${EMPTY}</code>`);
    expect(r.body).not.toContain('data-chart');
    const json = JSON.parse((await s.app.inject('/models.json')).body);
    expect(json).toMatchObject({ loaded: false, notice: expect.stringContaining(EMPTY) });
  });

  it('answers the API with loaded: false (and a chart with 404), saying how to load it', async () => {
    for (const url of ['/api/v1/models', '/api/v1/models/series?metric=frontier_compute', '/api/v1/models/loads']) {
      const r = await s.app.inject(url);
      expect(r.statusCode, url).toBe(200);
      expect(JSON.parse(r.body), url).toMatchObject({ loaded: false, notice: expect.stringContaining(EMPTY) });
    }
    const chart = await s.app.inject('/api/v1/models/chart.svg');
    expect(chart.statusCode).toBe(404);
    expect(JSON.parse(chart.body).error).toContain(EMPTY);
  });

  it('leaves the race page and company pages whole, with the empty state in their models sections', async () => {
    const race = await s.app.inject('/');
    expect(race.statusCode).toBe(200);
    expect(race.body).toContain('id="chart-seed"');
    expect(race.body).toMatch(/id="models-heading"[\s\S]*No models data is loaded yet[\s\S]*airace models sync/);
    expect(JSON.parse((await s.app.inject('/index.json')).body).models.loaded).toBe(false);
    const baba = await s.app.inject('/company/BABA');
    expect(baba.statusCode).toBe(200);
    expect(baba.body).toMatch(/Money and models[\s\S]*<code>airace models sync<\/code>/);
    expect(baba.body).toContain('id="facts"');
  });
});

describe('models surfaces with the transcribed table imported', needs('shared-models'), () => {
  let s: TestServer;
  const { header, rows } = sharedModelsPresent ? table(readShared(TRANSCRIBED_FILE)) : { header: [], rows: [] };
  const col = (n: string) => header.indexOf(n);
  beforeAll(async () => {
    s = await testServer();
    await importModelsFile(s.store, TRANSCRIBED_FILE);
  });
  afterAll(() => s.close());

  it('draws the compute-over-time chart with Alibaba’s Qwen and DeepSeek’s models named, credited and dated', async () => {
    const page = (await s.app.inject('/models')).body;
    // The chart sits in the frame every chart has, drawn by the models chart API for the frame's width.
    const figure = /<figure class="frame" id="chart-compute"[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
    expect(figure).not.toBe('');
    const src = /data-src="([^"]+)"/.exec(figure)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(src).toMatch(/^\/api\/v1\/models\/chart\.svg\?chart=compute/);
    for (const tab of ['Chart', 'Table', 'Sources', 'Download']) expect(figure).toContain(`>${tab}</a>`);
    const drawn = async (width: number) => {
      const svg = (await s.app.inject(`${src}&width=${width}`)).body;
      expect(Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1])).toBeLessThanOrEqual(width);
      return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#39;|&apos;/g, "'"));
    };
    const texts = await drawn(910);
    const qwen = texts.filter((t) => /^Qwen/.test(t));
    const deepseek = texts.filter((t) => /^DeepSeek/.test(t));
    expect(qwen.length).toBeGreaterThan(0);
    expect(deepseek.length).toBeGreaterThan(0);
    // Each name drawn is a real model of those makers with a compute estimate.
    for (const name of [...qwen, ...deepseek]) {
      const row = rows.find((r) => r[col('model')]!.replace(/\s+/g, ' ').trim() === name);
      expect(row, name).toBeDefined();
      expect(row![col('organization')]).toMatch(/Alibaba|DeepSeek/);
      expect(row![col('training_compute_flop')]).not.toBe('');
    }
    // Log scale, the credit Epoch's licence asks for, how current the data is.
    expect(texts).toEqual(expect.arrayContaining(['1e22', '1e26']));
    expect(texts.join(' ')).toContain('Licensed under CC BY 4.0');
    expect(texts.join(' ')).toContain('Data as of April 2026');
    // The dots: one per model with an estimate in the years shown (2017 on).
    const estimated = rows.filter((r) => r[col('training_compute_flop')] !== '' && r[col('publication_date')]! >= '2017').length;
    expect(page).toContain(`(${estimated} models)`);
    // Drawn for a phone, it names models too.
    expect((await drawn(360)).some((t) => /^DeepSeek/.test(t))).toBe(true);
  });

  it('puts the models section on the race page and money and models on Alibaba’s page', async () => {
    const race = (await s.app.inject('/')).body;
    expect(race).toMatch(/id="models-heading"[\s\S]*id="chart-models"/);
    const baba = (await s.app.inject('/company/BABA')).body;
    const models2025 = rows.filter((r) => r[col('publication_date')]!.startsWith('2025') && r[col('organization')]!.split(',').some((o) => o === 'Alibaba' || o === 'Alibaba DAMO Academy')).length;
    const row = /<tr><th scope="row">2025<\/th>([\s\S]*?)<\/tr>/.exec(baba.slice(baba.indexOf('id="money-models"')))?.[1] ?? '';
    expect(row).toContain('FY2025');
    expect(row).toMatch(new RegExp(`<td class="num">${models2025}\\b`));
    const csv = (await s.app.inject('/company/BABA.csv?table=models')).body.split('\n');
    expect(csv[0]).toBe('year,capex_fiscal_year,capex,currency,capex_missing,capex_source,models_released,models_with_compute_estimate,largest_model,largest_training_compute_flop,largest_model_url,open_weights_models,models_with_known_accessibility,models_retrieved,data_as_of_period_end,data_as_of_document_date');
  });

  it('serves the models and series the CLI gives, with sources and the credit', async () => {
    const list = JSON.parse((await s.app.inject('/api/v1/models?org=Alibaba&from=2025')).body);
    const expected = rows.filter((r) => r[col('publication_date')]! >= '2025' && r[col('organization')]!.split(',').includes('Alibaba'));
    expect(list.count).toBe(expected.length);
    expect(list.credit).toMatch(/Licensed under CC BY 4\.0/);
    expect(list.models.every((m: { source: { table: string; line: number } }) => m.source.table === 'models.csv' && m.source.line > 1)).toBe(true);
    const api = JSON.parse((await s.app.inject('/api/v1/models/series?metric=frontier_compute&country=US,China&period=cy')).body);
    expect(api).toEqual(JSON.parse(JSON.stringify(await getModelSeries(s.store.db, { metric: 'frontier_compute', period: 'cy', countries: ['US', 'China'] }))));
    const csv = (await s.app.inject('/api/v1/models/series.csv?metric=models_released&org=DeepSeek')).body;
    expect(csv.split('\n')[0]).toBe('metric,by,series,ticker,period,start,end,value,unit,models,counted,missing_reason,missing_detail,source_models,source_urls,retrieved');
    const svg = await s.app.inject('/api/v1/models/chart.svg?chart=open-weights');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('Share of models with open weights');
  });

  it('names the wrong parameter in a 400', async () => {
    const cases: [string, string][] = [
      ['/api/v1/models/series?metric=bogus', 'metric'],
      ['/api/v1/models?org=Nonexistent%20Lab', 'org'],
      ['/api/v1/models?country=Atlantis', 'country'],
      ['/api/v1/models?from=soon', 'from'],
      ['/api/v1/models?as-of=2026-13', 'as-of'],
      ['/api/v1/models/chart.svg?chart=pie', 'chart'],
    ];
    for (const [url, parameter] of cases) {
      const r = await s.app.inject(url);
      expect(r.statusCode, url).toBe(400);
      expect(JSON.parse(r.body).parameter, url).toBe(parameter);
    }
  });

  it('documents every models endpoint in the OpenAPI document, with response schemas', async () => {
    const doc = JSON.parse((await s.app.inject('/api/v1/openapi.json')).body);
    for (const path of ['/api/v1/models', '/api/v1/models.csv', '/api/v1/models/series', '/api/v1/models/series.csv', '/api/v1/models/chart.svg', '/api/v1/models/chart.png', '/api/v1/models/chart.vl.json', '/api/v1/models/loads']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const series = doc.paths['/api/v1/models/series'].get;
    expect(series.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['org', 'country', 'from', 'to', 'metric', 'by', 'period']));
    // Named schemas are components, referred to directly or through allOf (with a description).
    type Schema = { $ref?: string; allOf?: Schema[]; properties?: Record<string, Schema>; items?: Schema };
    const schema = (x: Schema): Schema => (x.$ref ? schema(doc.components.schemas[x.$ref.split('/').pop()!]) : x.allOf?.length === 1 ? schema(x.allOf[0]!) : x);
    const result = schema(series.responses['200'].content['application/json'].schema);
    const point = schema(schema(schema(result.properties!.series!).items!).properties!.points!.items!);
    expect(schema(schema(point.properties!.sources!).items!).properties!.line).toBeDefined();
  });
});
