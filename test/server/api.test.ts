import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATA_AS_OF_COLUMNS } from '../../src/views/csv.js';
import { parse } from 'csv-parse/sync';
import { main } from '../../src/cli/main.js';
import { PERIODS } from '../../src/model/series.js';
import { METRIC_IDS } from '../../src/series/metrics.js';
import { SERIES_CSV_COLUMNS } from '../../src/views/series-rows.js';
import { FACT_COLUMNS } from '../../src/views/fact-rows.js';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

/** Runs the CLI in-process against the same database file and returns what it printed. */
async function cli(args: string[]): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const errWrite = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(['node', 'airace', '--db', server.dbFile, ...args]);
    expect(code).toBe(0);
  } finally {
    write.mockRestore();
    errWrite.mockRestore();
  }
  return out;
}

const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('GET /api/v1/series', () => {
  it('returns the same JSON as `airace series --format json` for the same query', async () => {
    const res = await get('/api/v1/series?metric=capex&companies=AMZN,GOOGL&period=fy&from=2022&to=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const printed = await cli(['series', '--metric', 'capex', '--companies', 'AMZN,GOOGL', '--period', 'fy', '--from', '2022', '--to', '2025', '--format', 'json']);
    expect(res.json()).toEqual(JSON.parse(printed));
  });

  it('accepts names and aliases like the CLI, and defaults like the CLI', async () => {
    const api = (await get('/api/v1/series?companies=Google,Amazon&period=cy&currency=usd')).json();
    const printed = JSON.parse(await cli(['series', '--companies', 'Google,Amazon', '--period', 'cy', '--currency', 'usd', '--format', 'json']));
    expect(api).toEqual(printed);
    expect(api.series.map((s: { ticker: string }) => s.ticker)).toEqual(['GOOGL', 'AMZN']);
  });

  it('applies --transform like the CLI', async () => {
    for (const transform of ['yoy', 'share']) {
      const api = (await get(`/api/v1/series?metric=capex&companies=AMZN,MSFT&period=fy&from=2023&to=2025&transform=${transform}`)).json();
      const printed = JSON.parse(await cli(['series', '--companies', 'AMZN,MSFT', '--from', '2023', '--to', '2025', '--transform', transform, '--format', 'json']));
      expect(api).toEqual(printed);
      expect(api.unit).toBe('percent');
    }
    expect((await get('/api/v1/series?transform=cagr')).json()).toMatchObject({ parameter: 'transform', allowed: ['yoy', 'share'] });
  });

  it('carries sources on every value', async () => {
    const body = (await get('/api/v1/series?metric=capex&companies=AMZN&period=fy&from=2024&to=2024')).json();
    const [point] = body.series[0].points;
    expect(point).toMatchObject({ label: 'FY2024', value: 82_999_000_000 });
    expect(point.sources[0].url).toMatch(/^https?:\/\//);
  });

  it('serves the same rows as CSV', async () => {
    const res = await get('/api/v1/series.csv?metric=capex&companies=AMZN,MSFT&period=fy&from=2024&to=2024');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\n')[0]).toBe([...SERIES_CSV_COLUMNS, ...DATA_AS_OF_COLUMNS].join(','));
    const rows = csvRows(res.body);
    expect(rows.find((r) => r.ticker === 'AMZN')).toMatchObject({ label: 'FY2024', value: '82999000000', unit: 'USD', basis: 'actual' });
    expect(rows.find((r) => r.ticker === 'AMZN')!.source_urls).toMatch(/^https?:\/\//);
  });
});

describe('validation errors name the parameter and the allowed values', () => {
  it.each([
    ['/api/v1/series?period=weekly', 'period', [...PERIODS]],
    ['/api/v1/series?metric=nope', 'metric', [...METRIC_IDS]],
    ['/api/v1/chart.svg?type=pie', 'type', ['grouped', 'line', 'stacked']],
    ['/api/v1/series?basis=hope', 'basis', ['actual', 'guidance', 'commitment', 'derived']],
  ])('%s → 400 naming %s', async (url, parameter, allowed) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: expect.stringContaining(parameter), parameter, allowed });
  });

  it('rejects malformed bounds, over-long ranges and unsupported currencies', async () => {
    const from = await get('/api/v1/series?from=20x2');
    expect(from.statusCode).toBe(400);
    expect(from.json()).toMatchObject({ parameter: 'from', allowed: expect.arrayContaining(['a year such as 2022']) });

    const long = await get('/api/v1/series?period=quarter&from=1900&to=2025');
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ parameter: 'to', error: expect.stringMatching(/range too long/) });

    const currency = await get('/api/v1/series?companies=AMZN,BABA&currency=CNY');
    expect(currency.statusCode).toBe(400);
    expect(currency.json()).toMatchObject({ parameter: 'currency', allowed: ['USD'] });
    expect((await get('/api/v1/series?companies=BABA&currency=CNY')).statusCode).toBe(200);
  });

  it('answers 400 on the PNG scale and on a missing ticker', async () => {
    expect((await get('/api/v1/chart.png?scale=9')).json()).toMatchObject({ parameter: 'scale' });
    const noTicker = await get('/api/v1/facts');
    expect(noTicker.statusCode).toBe(400);
    expect(noTicker.json()).toMatchObject({ parameter: 'ticker' });
  });
});

describe('unknown companies', () => {
  it('are 404 with the known tickers, on every surface', async () => {
    for (const [url, parameter] of [
      ['/api/v1/series?companies=AMZN,NOPE', 'companies'],
      ['/api/v1/chart.svg?companies=NOPE', 'companies'],
      ['/api/v1/facts?ticker=NOPE', 'ticker'],
      ['/company/NOPE.json', 'ticker'],
      ['/explore.json?companies=NOPE', 'companies'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: 'unknown company: NOPE', parameter, allowed: expect.arrayContaining(['AMZN', 'BABA', 'GROUP4']) });
    }
  });

  it('get an HTML page listing the companies on page routes', async () => {
    const res = await get('/company/NOPE');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('unknown company: NOPE');
    expect(res.body).toContain('<a href="/company/AMZN">AMZN</a>');
  });
});

describe('GET /api/v1/facts', () => {
  it('lists every version with provenance and marks the one the engine uses', async () => {
    const body = (await get('/api/v1/facts?ticker=Amazon&metric=capex')).json();
    expect(body.ticker).toBe('AMZN');
    const fy2024 = body.facts.filter((f: { periodStart: string; periodEnd: string }) => f.periodStart === '2024-01-01' && f.periodEnd === '2024-12-31');
    expect(fy2024.filter((f: { used: boolean }) => f.used)).toHaveLength(1);
    expect(fy2024.find((f: { used: boolean }) => f.used)).toMatchObject({ value: 82_999_000_000, sourceKind: 'bundled', sourceUrl: expect.stringMatching(/^https?:\/\//) });
  });

  it('as CSV with the CLI columns', async () => {
    const res = await get('/api/v1/facts.csv?ticker=AMZN&metric=capex&from=2024&to=2024');
    expect(res.body.split('\n')[0]).toBe([...FACT_COLUMNS, ...DATA_AS_OF_COLUMNS].join(','));
    expect(csvRows(res.body).some((r) => r.value === '82999000000' && r.used === '1')).toBe(true);
  });
});

describe('charts', () => {
  it('renders SVG, PNG and Vega-Lite JSON from the same query', async () => {
    const q = 'metric=capex&companies=AMZN,GOOGL&period=fy&from=2022&to=2025&type=grouped';
    const svg = await get(`/api/v1/chart.svg?${q}`);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg[^>]*role="img"[^>]*aria-label="Grouped column chart of capital expenditures/);

    const png = await get(`/api/v1/chart.png?${q}&scale=1`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');

    const vl = (await get(`/api/v1/chart.vl.json?${q}`)).json();
    expect(vl.$schema).toMatch(/vega-lite/);
    expect(vl.data.values.find((r: { ticker: string; label: string }) => r.ticker === 'AMZN' && r.label === 'FY2024')).toMatchObject({ value: 82_999_000_000 });
  });

  it('draws the seed preset and the plan-vs-actual figure', async () => {
    const vl = (await get('/api/v1/chart.vl.json?preset=seed')).json();
    expect(vl.usermeta.airace.title).toMatch(/Amazon, Microsoft, Alphabet and Meta/);
    const plan = await get('/api/v1/chart.svg?preset=plan-vs-actual');
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toMatch(/^<svg[^>]*aria-label="/);
    expect((await get('/api/v1/chart.svg?preset=nope')).json()).toMatchObject({ parameter: 'preset', allowed: ['seed', 'plan-vs-actual'] });
  });
});

describe('pages and their twins', () => {
  it('every page has a .json twin from the same data and a Link header to it', async () => {
    for (const [page, json] of [
      ['/', '/index.json'],
      ['/company/AMZN', '/company/AMZN.json'],
      ['/explore?metric=revenue&companies=AMZN', '/explore.json?metric=revenue&companies=AMZN'],
      ['/methodology', '/methodology.json'],
    ]) {
      const html = await get(page);
      expect(html.statusCode, page).toBe(200);
      expect(html.headers.link, page).toBe(`<${json}>; rel="alternate"; type="application/json"`);
      const data = await get(json);
      expect(data.statusCode, json).toBe(200);
      expect(data.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('the overview JSON holds the leaderboard, the big four and plans against actuals', async () => {
    const d = (await get('/index.json')).json();
    expect(d.leaderboard.rows.map((r: { ticker: string }) => r.ticker)).toEqual(['AMZN', 'MSFT', 'GOOGL', 'META', 'BABA']);
    for (const r of d.leaderboard.rows) expect(r.capexFy.point.sources[0].url).toMatch(/^https?:\/\//);
    expect(d.bigFour.series[0].ticker).toBe('GROUP4');
    expect(d.plan.data.pledge).toMatchObject({ ticker: 'BABA', currency: 'CNY' });
    expect(d.plan.data.pledge.sources[0].url).toMatch(/^https?:\/\//);
    expect(d.plan.data.histories.map((h: { ticker: string }) => h.ticker).sort()).toEqual(['AMZN', 'GOOGL', 'META', 'MSFT']);
    for (const h of d.plan.data.histories) expect(h.label).toBe('FY2025');
  });

  it('every number on the overview links to its source', async () => {
    const body = (await get('/')).body;
    const values = body.match(/<[a-z]+ [^>]*data-value="[^"]*"[^>]*>/g) ?? [];
    expect(values.length).toBeGreaterThan(30);
    for (const tag of values) expect(tag).toMatch(/^<a class="value" href="https:\/\/[^"]+"[^>]* data-verified="(xbrl|filing|mapped|secondary)"/);
  });

  it('has CSV twins for its tables', async () => {
    const leaderboard = csvRows((await get('/index.csv')).body);
    expect(leaderboard.map((r) => r.ticker)).toEqual(['AMZN', 'MSFT', 'GOOGL', 'META', 'BABA']);
    const seed = csvRows((await get('/index.csv?table=seed')).body);
    expect(seed.find((r) => r.ticker === 'AMZN' && r.label === 'FY2024')?.value).toBe('82999000000');
    const bad = await get('/index.csv?table=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ parameter: 'table', allowed: ['leaderboard', 'seed', 'big-four', 'guidance', 'pledge', 'events'] });
    const pledge = csvRows((await get('/index.csv?table=pledge')).body);
    expect(pledge.every((r) => r.ticker === 'BABA' && r.currency === 'CNY')).toBe(true);

    const company = csvRows((await get('/company/AMZN.csv')).body);
    expect(company.some((r) => r.metric === 'capex' && r.label === 'FY2024' && r.value === '82999000000')).toBe(true);
    const facts = csvRows((await get('/company/AMZN.csv?table=facts')).body);
    expect(facts.every((r) => /^https?:\/\//.test(r.source_url!))).toBe(true);

    const q = 'metric=capex&companies=AMZN&period=fy&from=2024&to=2024';
    expect((await get(`/explore.csv?${q}`)).body).toBe((await get(`/api/v1/series.csv?${q}`)).body);
    expect(csvRows((await get('/methodology.csv')).body).length).toBeGreaterThan(50);
  });

  it('the company page shows every metric by year and quarter, and the facts with sources', async () => {
    const body = (await get('/company/AMZN')).body;
    expect(body).toContain('<table id="years">');
    expect(body).toContain('<table id="quarters">');
    expect(body).toContain('<table id="facts" class="facts">');
    expect(body).toMatch(/<a class="value" href="https:\/\/[^"]+" title="[^"]*" data-value="82999000000" data-verified="[a-z]+">\$83\.0B<\/a>/);
  });

  it('the methodology page defines every metric at its anchor', async () => {
    const body = (await get('/methodology')).body;
    for (const id of METRIC_IDS) expect(body).toContain(`<dt id="${id}">`);
    for (const id of ['finance-leases', 'ytd-quarters', 'fiscal-years', 'guidance', 'currency']) expect(body).toContain(`id="${id}"`);
  });

  it('the explore page keeps its state in the URL and links downloads to the API with the same query', async () => {
    const body = (await get('/explore?metric=revenue&companies=Google&period=cy&from=2022&to=2024&type=line')).body;
    expect(body).toContain('<link rel="canonical" href="/explore?metric=revenue&amp;companies=GOOGL&amp;period=cy&amp;from=2022&amp;to=2024&amp;type=line">');
    expect(body).toContain('href="/api/v1/series.csv?metric=revenue&amp;companies=GOOGL&amp;period=cy&amp;from=2022&amp;to=2024"');
    expect(body).toContain('href="/api/v1/chart.svg?metric=revenue&amp;companies=GOOGL&amp;period=cy&amp;from=2022&amp;to=2024&amp;type=line"');
    expect(body).toContain('&lt;iframe src=&quot;http://localhost:80/embed?metric=revenue&amp;amp;companies=GOOGL');
    expect(body).toMatch(/<option value="revenue" selected>/);
  });

  it('the explore form shows a bad query as an error beside the form', async () => {
    const res = await get('/explore?period=weekly');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="explore-form"');
    expect(res.body).toContain('invalid period: weekly');
  });

  it('the embed page renders the chart alone, in the same frame as the pages, with a credit', async () => {
    const res = await get('/embed?preset=seed');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<figure class="frame" id="chart-embed" data-chart data-src="/api/v1/chart.svg?preset=seed">');
    for (const tab of ['Chart', 'Table', 'Sources', 'Download']) expect(res.body).toContain(`>${tab}</a>`);
    expect(res.body).toMatch(/class="embed-credit"><a href="[^"]+">airace<\/a> · <a href="[^"]+">source data<\/a>/);
    expect(res.body).not.toContain('<nav aria-label="Main"');
  });
});

describe('OpenAPI', () => {
  it('documents the API paths with their parameters, not the pages', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/companies', '/api/v1/metrics', '/api/v1/series', '/api/v1/series.csv', '/api/v1/facts', '/api/v1/facts.csv', '/api/v1/chart.svg', '/api/v1/chart.png', '/api/v1/chart.vl.json', '/api/v1/admin/reload']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/'))).toEqual([]);
    const params = doc.paths['/api/v1/series'].get.parameters as { name: string; schema: { enum?: string[] } }[];
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(['metric', 'companies', 'period', 'from', 'to', 'currency', 'basis', 'as-first-reported']));
    expect(params.find((p) => p.name === 'period')!.schema.enum).toEqual([...PERIODS]);
  });

  it('lists the companies and metrics', async () => {
    expect((await get('/api/v1/companies')).json().companies.map((c: { ticker: string }) => c.ticker)).toEqual(expect.arrayContaining(['AMZN', 'BABA', 'GROUP4']));
    expect((await get('/api/v1/metrics')).json().metrics.map((m: { id: string }) => m.id)).toEqual([...METRIC_IDS]);
  });
});

describe('company pages', () => {
  it('list Alibaba’s fiscal years and quarters in time order, newest first, each column at one scale', async () => {
    const body = (await get('/company/BABA')).body;
    const rows = (id: string) => {
      const t = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(body)![1]!;
      return [...t.matchAll(/<tr><th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]!);
    };
    const years = rows('years');
    expect(years.length).toBeGreaterThan(3);
    expect(years).toEqual([...years].sort().reverse());
    const quarters = rows('quarters');
    expect(quarters.length).toBeGreaterThan(4);
    expect(quarters).toEqual([...quarters].sort().reverse());
    // One scale per column: a revenue column near a trillion reads in billions throughout.
    const table = /<table id="years">([\s\S]*?)<\/table>/.exec(body)![1]!;
    expect(table).not.toMatch(/RMB \d+\.\dT/);
  });
});
