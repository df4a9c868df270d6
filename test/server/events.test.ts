// Events on the web: /api/v1/events and its twins (the same JSON and CSV as `airace events`),
// the overview's timeline and annotated seed chart, each company's events, and the `annotate`
// chart parameter.
import { DATA_AS_OF_COLUMNS } from '../../src/views/csv.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { EVENT_COLUMNS } from '../../src/views/event-rows.js';
import { EVENT_KINDS } from '../../src/model/race-event.js';
import { chartPreset } from '../../src/chart/presets.js';
import { runCli } from '../helpers/run-cli.js';
import { csvEvents } from '../events/events-csv-file.js';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string) => server.app.inject({ method: 'GET', url });
const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

/** What `airace events ...` prints on the same database. */
async function cli(args: string[]): Promise<string> {
  const r = await runCli(['--db', server.dbFile, 'events', ...args]);
  expect(r.code).toBe(0);
  return r.stdout;
}

interface EventBody {
  id: string;
  date: string;
  kind: string;
  companies: { name: string; ticker: string | null }[];
  sourceUrl: string;
}

describe('GET /api/v1/events', () => {
  it('returns the same JSON as `airace events --format json`, for the same filters', async () => {
    const all = await get('/api/v1/events');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toMatch(/^application\/json/);
    expect(all.json()).toEqual(JSON.parse(await cli(['--format', 'json'])));
    expect(all.json().events).toHaveLength(csvEvents.length);

    const filtered = (await get('/api/v1/events?companies=Google,Meta&kind=guidance&from=2025&to=2025-10-29')).json();
    expect(filtered).toEqual(JSON.parse(await cli(['--companies', 'Google,Meta', '--kind', 'guidance', '--from', '2025', '--to', '2025-10-29', '--format', 'json'])));
    expect(filtered.events.length).toBeGreaterThan(0);
    for (const e of filtered.events as EventBody[]) {
      expect(e.kind).toBe('guidance');
      expect(e.companies.some((c) => c.ticker === 'GOOGL' || c.ticker === 'META')).toBe(true);
      expect(e.date >= '2025-01-01' && e.date <= '2025-10-29').toBe(true);
    }
  });

  it('has a .json twin and a .csv twin with the CLI’s columns and rows', async () => {
    expect((await get('/api/v1/events.json?kind=model')).json()).toEqual((await get('/api/v1/events?kind=model')).json());
    const res = await get('/api/v1/events.csv?companies=BABA&kind=commitment');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\n')[0]).toBe([...EVENT_COLUMNS, ...DATA_AS_OF_COLUMNS].join(','));
    expect(res.body).toBe(await cli(['--companies', 'BABA', '--kind', 'commitment', '--format', 'csv']));
    const pledge = csvRows(res.body).find((r) => r.id === '2025-02-24-commitment-baba');
    expect(pledge).toMatchObject({ amount: '380000000000', currency: 'CNY', source_url: expect.stringMatching(/^https?:\/\//) });
  });

  it('takes names the timeline uses for companies outside the store, and lists of kinds', async () => {
    const openai = (await get('/api/v1/events?companies=OpenAI')).json().events as EventBody[];
    expect(openai.length).toBeGreaterThan(0);
    for (const e of openai) expect(e.companies.map((c) => c.name)).toContain('OpenAI');
    const repeated = (await get('/api/v1/events?kind=model,Policy')).json().events as EventBody[];
    expect(new Set(repeated.map((e) => e.kind))).toEqual(new Set(['model', 'policy']));
  });

  it.each([
    ['/api/v1/events?kind=rumour', 'kind', [...EVENT_KINDS]],
    ['/api/v1/events?from=2025-02-30', 'from', ['a year such as 2025', 'a date such as 2025-02-24']],
    ['/api/v1/events.csv?to=next-year', 'to', ['a year such as 2025', 'a date such as 2025-12-31']],
  ])('%s → 400 naming %s and what is allowed', async (url, parameter, allowed) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ error: expect.stringContaining(`invalid ${parameter}`), parameter, allowed });
  });

  it('answers 404 for an unknown company, listing tickers and the names events use', async () => {
    const res = await get('/api/v1/events?companies=AMZN,NOPE');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: expect.stringMatching(/^unknown company: NOPE \(valid: .*AMZN/), parameter: 'companies', allowed: expect.arrayContaining(['AMZN', 'BABA', 'OpenAI']) });
  });

  it('is in the OpenAPI document with its parameters', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/events', '/api/v1/events.json', '/api/v1/events.csv']) {
      const names = (doc.paths[path].get.parameters as { name: string }[]).map((p) => p.name);
      expect(names.sort(), path).toEqual(['companies', 'from', 'kind', 'to']);
    }
    const companies = (doc.paths['/api/v1/events'].get.parameters as { name: string; schema: { default?: string } }[]).find((p) => p.name === 'companies')!;
    // Unlike series, events have no default companies: omitted means all.
    expect(companies.schema.default).toBeUndefined();
  });
});

describe('the overview’s timeline and annotated seed chart', () => {
  it('the JSON twin holds the whole timeline and the seed chart’s events', async () => {
    const d = (await get('/index.json')).json();
    expect(d.timeline).toEqual((await get('/api/v1/events')).json().events);
    expect(d.seed.events.map((e: EventBody) => e.id)).toEqual(chartPreset('seed').annotate!.ids);
    expect(d.seed.links.svg).toBe('/api/v1/chart.svg?preset=seed&annotate=true');
  });

  it('draws the seed chart with its events marked and each mark linked to its source', async () => {
    const body = (await get('/')).body;
    const src = /<figure class="frame" id="chart-seed" data-chart data-src="([^"]+)">/.exec(body)![1]!.replaceAll('&amp;', '&');
    const spec = (await get(src.replace('/chart.svg', '/chart.vl.json'))).json();
    const placed = spec.usermeta.airace.annotations.placed as unknown[];
    expect(placed).toHaveLength(chartPreset('seed').annotate!.ids!.length);
    // The page names the events it marks, and the chart the page loads links each mark to its source.
    expect(body).toContain('Marked on the chart');
    const svg = (await get(`${src}&width=800`)).body;
    const deepseek = (await get('/api/v1/events?companies=DeepSeek&kind=model&from=2025-01-20&to=2025-01-20')).json().events[0] as EventBody;
    expect(svg).toContain(`href="${deepseek.sourceUrl}"`);
  });

  it('lists every event by year with its date, kind, title, companies linked and source linked', async () => {
    const body = (await get('/')).body;
    expect(body).toContain('<h2 id="timeline-heading">Timeline</h2>');
    expect(body).toMatch(/<details class="timeline-year" open>\s*<summary>2025 · \d+ events<\/summary>/);
    expect(body).toMatch(/<details class="timeline-year">\s*<summary>2023 · \d+ events<\/summary>/);
    for (const e of csvEvents.slice(0, 5)) expect(body).toContain(`datetime="${e.date}"`);
    const row = /<tr id="event-2025-02-24-commitment-baba">([\s\S]*?)<\/tr>/.exec(body)![1]!;
    expect(row).toContain('commitment');
    expect(row).toContain('<a href="/company/BABA">BABA</a>');
    expect(row).toMatch(/<a class="value" href="https:\/\/[^"]+" title="[^"]*" data-value="380000000000" data-verified="mapped">RMB 380\.0B<\/a>/);
    // Every event row links to its source.
    const rows = body.match(/<tr id="event-[^"]+">[\s\S]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(csvEvents.length);
    for (const r of rows) expect(r).toMatch(/<td class="event-source"><span class="citation"><a class="doc" href="https:\/\/[^"]+" data-verified="(filing|mapped|secondary)">/);
  });

  it('has the timeline as a CSV twin', async () => {
    const res = await get('/index.csv?table=events');
    expect(res.body.split('\n')[0]).toBe([...EVENT_COLUMNS, ...DATA_AS_OF_COLUMNS].join(','));
    expect(csvRows(res.body)).toHaveLength(csvEvents.length);
  });
});

describe('events on company pages', () => {
  it('shows the company’s events with a CSV twin, and a group’s members’ events', async () => {
    const body = (await get('/company/META')).body;
    expect(body).toContain('<table id="events" class="events">');
    const meta = (await get('/api/v1/events?companies=META')).json().events as EventBody[];
    expect(meta.length).toBeGreaterThan(0);
    for (const e of meta) expect(body).toContain(`<tr id="event-${e.id}">`);
    expect((await get('/company/META.json')).json().events).toEqual(meta);
    const csv = csvRows((await get('/company/META.csv?table=events')).body);
    expect(csv.map((r) => r.id)).toEqual(meta.map((e) => e.id));

    const group = (await get('/company/GROUP4.json')).json().events as EventBody[];
    expect(group).toEqual((await get('/api/v1/events?companies=AMZN,MSFT,GOOGL,META')).json().events);
  });
});

describe('the annotate chart parameter', () => {
  it('marks the events naming the companies shown, or the kinds asked for', async () => {
    const q = 'metric=capex&companies=META&period=quarter&from=2025-Q1&to=2025-Q4&type=line';
    const plain = (await get(`/api/v1/chart.vl.json?${q}`)).json();
    expect(plain.usermeta.airace.annotations).toBeUndefined();
    const marked = (await get(`/api/v1/chart.vl.json?${q}&annotate=true`)).json();
    const metaIn2025 = ((await get('/api/v1/events?companies=META&from=2025&to=2025')).json().events as EventBody[]).map((e) => e.id);
    expect(marked.usermeta.airace.annotations.placed.map((p: { id: string }) => p.id).sort()).toEqual([...metaIn2025].sort());
    const kinds = (await get(`/api/v1/chart.vl.json?${q}&annotate=model`)).json();
    for (const p of kinds.usermeta.airace.annotations.placed as { id: string }[]) expect(p.id).toMatch(/-model-/);
  });

  it('keeps annotate in the explore page’s state and download links', async () => {
    const body = (await get('/explore?metric=capex&companies=META&period=quarter&from=2025-Q1&to=2025-Q4&annotate=true')).body;
    expect(body).toContain('href="/api/v1/chart.svg?metric=capex&amp;companies=META&amp;period=quarter&amp;from=2025-Q1&amp;to=2025-Q4&amp;type=grouped&amp;annotate=true"');
    expect(body).toMatch(/<input type="checkbox" id="annotate" name="annotate" value="true" checked/);
  });

  it('rejects unknown kinds, and annotations on the plan-vs-actual figure', async () => {
    expect((await get('/api/v1/chart.svg?annotate=rumour')).json()).toMatchObject({ parameter: 'annotate', allowed: expect.arrayContaining(['true', ...EVENT_KINDS]) });
    const figure = await get('/api/v1/chart.svg?preset=plan-vs-actual&annotate=true');
    expect(figure.statusCode).toBe(400);
    expect(figure.json()).toMatchObject({ parameter: 'annotate' });
  });
});
