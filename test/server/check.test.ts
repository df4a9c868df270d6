// The claim checker on the web: POST /api/v1/check (JSON, plain text), the /check page and its
// twins, escaping of the (untrusted) article, and the body limit of these routes alone.
import { DATA_AS_OF_COLUMNS } from '../../src/views/csv.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CLAIM_COLUMNS } from '../../src/views/claim-rows.js';
import { CHECK_BODY_LIMIT } from '../../src/server/query-parameters.js';
import { CHECK_RATE_LIMIT } from '../../src/server/routes.js';
import { runCli } from '../helpers/run-cli.js';
import { testServer, type TestServer } from './test-server.js';

const ARTICLE_FILE = new URL('../../examples/articles/big-four-capex.md', import.meta.url);
const article = readFileSync(ARTICLE_FILE, 'utf8');

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

const postJson = (url: string, body: unknown) => server.app.inject({ method: 'POST', url, payload: body as object });
const postForm = (url: string, fields: Record<string, string>) =>
  server.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

interface ClaimBody {
  text: string;
  verdict: string;
  actual: { value: number; display: string } | null;
  difference: { display: string } | null;
  sources: Array<{ url: string; form: string | null; accession: string | null; filed: string | null; readAt: string | null; verified: string }>;
}

const alphabetClaim = (claims: ClaimBody[]) => claims.find((c) => c.text === 'Alphabet spent $81.5 billion over the same year')!;

describe('POST /api/v1/check', () => {
  it('returns the checker’s verdicts with evidence: the wrong Alphabet figure is contradicted', async () => {
    const res = await postJson('/api/v1/check', { text: article });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const report = res.json();
    expect(report.articleDate).toMatchObject({ date: '2026-02-20', from: 'article' });
    const alphabet = alphabetClaim(report.claims);
    expect(alphabet).toMatchObject({ verdict: 'contradicted', actual: { value: 91_447_000_000 }, difference: { display: '+$9.947B (+12.2%)' } });
    expect(alphabet.sources.length).toBeGreaterThan(0);
    for (const { url } of alphabet.sources) expect(url).toMatch(/^https?:\/\//);
    expect(report.claims.find((c: ClaimBody) => c.text === 'Amazon alone spent $131.8 billion in 2025')).toMatchObject({ verdict: 'supported' });
    expect(report.summary).toMatchObject({ claims: report.claims.length, contradicted: 1 });
  });

  it('gives the same claims as `airace check --format json`', async () => {
    const res = (await postJson('/api/v1/check', { text: article })).json();
    const r = await runCli(['--db', server.dbFile, 'check', ARTICLE_FILE.pathname, '--no-charts', '--format', 'json']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(res.claims).toEqual(printed.claims);
    expect(res.articleDate).toEqual(printed.articleDate);
  });

  it('sends each described chart’s Vega-Lite spec instead of file paths', async () => {
    const { charts } = (await postJson('/api/v1/check', { text: article })).json();
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart).not.toHaveProperty('files');
      expect(chart.spec.$schema).toMatch(/vega-lite/);
      expect(chart.alt).toBeTruthy();
    }
    expect(charts[0].request).toMatchObject({ metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META'] });
  });

  it('takes the article as text/plain with the date in the query string', async () => {
    const undated = article.replace(/_Published: 2026-02-20_/, '');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/check?date=2026-02-20', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: undated });
    expect(res.statusCode).toBe(200);
    expect(res.json().articleDate).toMatchObject({ date: '2026-02-20', from: 'option' });
    expect(alphabetClaim(res.json().claims).verdict).toBe('contradicted');
  });

  it.each([
    ['no text', {}, 'text'],
    ['blank text', { text: '   ' }, 'text'],
    ['a date not in YYYY-MM-DD', { text: article, date: '20 Feb 2026' }, 'date'],
  ])('answers 400 naming the field for %s', async (_, body, parameter) => {
    const res = await postJson('/api/v1/check', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: expect.stringContaining(`invalid ${parameter}`), parameter, allowed: expect.any(Array) });
  });

  it('accepts articles up to its own body limit, larger than the server’s 16 KiB default, and refuses more with 413', async () => {
    const filler = 'Nothing to see here, no figures at all. '.repeat(1000); // 40 KB
    const ok = await postJson('/api/v1/check', { text: filler });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().summary.claims).toBe(0);

    const huge = 'x'.repeat(CHECK_BODY_LIMIT + 1);
    const api = await postJson('/api/v1/check', { text: huge });
    expect(api.statusCode).toBe(413);
    expect(api.json()).toMatchObject({ error: expect.stringContaining(`${CHECK_BODY_LIMIT / 1024} KB`) });
    const page = await postForm('/check', { text: huge });
    expect(page.statusCode).toBe(413);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('allows fewer checks per minute than other requests, counted per client across all check routes', async () => {
    const limited = await testServer({ rateLimit: 100 });
    try {
      // The API, the page and its twins draw on one budget: four routes do not give four times the checks.
      const routes = ['/api/v1/check', '/check.json', '/check', '/check.csv'];
      const check = (i: number) => limited.app.inject({ method: 'POST', url: routes[i % routes.length]!, payload: { text: 'No figures here.' } });
      for (let i = 0; i < CHECK_RATE_LIMIT; i++) expect((await check(i)).statusCode).toBe(200);
      const over = await check(CHECK_RATE_LIMIT);
      expect(over.statusCode).toBe(429);
      expect(over.headers['retry-after']).toBeDefined();
      expect((await limited.app.inject('/api/v1/metrics')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('is in the OpenAPI document with its body', async () => {
    const doc = (await server.app.inject('/api/v1/openapi.json')).json();
    const op = doc.paths['/api/v1/check'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'text/plain']));
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['text']);
  });
});

describe('the /check page', () => {
  it('is a form that posts to /check and works without JavaScript', async () => {
    const res = await server.app.inject('/check');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form method="post" action="/check" id="check-form"');
    expect(res.body).toMatch(/<textarea id="article" name="text"/);
    expect(res.body).toContain('<a href="/check" aria-current="page">Check an article</a>');
  });

  it('shows each claim’s verdict, our figure, the difference, sources and reason, and the charts in their frames', async () => {
    const res = await postForm('/check', { text: article, date: '' });
    expect(res.statusCode).toBe(200);
    const alphabet = /<li class="claim claim-contradicted" id="claim-\d+">([\s\S]*?)<\/dl>/.exec(res.body)![1]!;
    expect(alphabet).toContain('<span class="verdict verdict-contradicted">Contradicted</span>');
    expect(alphabet).toContain('Alphabet spent $81.5 billion over the same year');
    expect(alphabet).toContain('<dt>Our figure</dt><dd><strong>$91.447B</strong>');
    expect(alphabet).toContain('<dt>Difference</dt><dd>+$9.947B (+12.2%)</dd>');
    // Each document says what it is and how the figure was verified, as everywhere on the site.
    expect(alphabet).toMatch(/<dt>Sources<\/dt><dd><span class="citation"><a class="doc" href="https:\/\/www\.sec\.gov\/[^"]+" data-verified="(xbrl|filing|mapped|secondary)">Form 10-K, filed \d{4}-\d{2}-\d{2}<\/a>[\s\S]*?<a class="verified verified-/);
    expect(alphabet).toContain('<dt>Period</dt>');
    expect(res.body.match(/<span class="verdict verdict-supported">/g)!.length).toBeGreaterThanOrEqual(5);
    // Each described chart is framed like every other chart, drawn by the chart API from its query.
    const sources = [...res.body.matchAll(/<figure class="frame" id="chart-\d" data-chart data-src="([^"]+)">/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    expect(sources).toHaveLength(2);
    for (const src of sources) {
      const svg = await server.app.inject(`${src}&width=640`);
      expect(svg.statusCode, src).toBe(200);
      expect(svg.body).toMatch(/^<svg[^>]*width="640"[^>]*role="img"/);
    }
    // The article stays in the form, to edit and check again.
    expect(res.body).toContain('Alphabet spent $81.5 billion over the same year. Meta&#39;s capex jumped 87% in 2025');
  });

  it('escapes the article everywhere it appears', async () => {
    const attack = '<script>alert(1)</script>';
    const text = `${attack}\nAlphabet spent $81.5 billion in 2025 <img src=x onerror=alert(2)>.\n</textarea><script>alert(3)</script>`;
    const res = await postForm('/check', { text, date: '2026-02-20' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script>alert/);
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('</textarea><script>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const scripts = res.body.match(/<script\b[^>]*>/g) ?? [];
    for (const tag of scripts) expect(tag).toMatch(/\bsrc="\/static\/|type="application\/json"/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('keeps the article and names the problem on a bad request', async () => {
    const res = await postForm('/check', { text: 'Alphabet spent $81.5 billion in 2025.', date: 'yesterday' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('invalid date: yesterday');
    expect(res.body).toContain('>Alphabet spent $81.5 billion in 2025.</textarea>');
  });

  it('has .json and .csv twins for the same POST', async () => {
    const json = await postForm('/check.json', { text: article });
    expect(json.json()).toEqual((await postJson('/api/v1/check', { text: article })).json());
    const csv = await postForm('/check.csv', { text: article });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toBe([...CLAIM_COLUMNS, ...DATA_AS_OF_COLUMNS].join(','));
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.verdict === 'contradicted')).toMatchObject({ text: 'Alphabet spent $81.5 billion over the same year', actual_value: '91447000000', subject: 'GOOGL' });
  });
});
