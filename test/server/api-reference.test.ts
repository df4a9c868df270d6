// The API reference is true: real responses parse with the response schemas the OpenAPI
// document is built from, every route documents its answer and its errors with examples,
// and /api and /api/v1 are pages, not 404s.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckReportSchema, CompanySchema, ErrorSchema, EventSchema, FactSchema, MetricSchema, SeriesResultSchema } from '../../src/server/api-schemas.js';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

describe('response schemas', () => {
  it('parse what the server actually sends', async () => {
    const cases: [string, z.ZodType][] = [
      ['/api/v1/companies', z.object({ companies: z.array(CompanySchema) })],
      ['/api/v1/metrics', z.object({ metrics: z.array(MetricSchema) })],
      ['/api/v1/series?metric=capex&companies=AMZN,BABA&period=quarter&currency=USD', SeriesResultSchema],
      ['/api/v1/series?metric=capex&transform=yoy', SeriesResultSchema],
      ['/api/v1/facts?ticker=BABA', z.object({ ticker: z.string(), facts: z.array(FactSchema) })],
      ['/api/v1/events', z.object({ events: z.array(EventSchema) })],
      ['/api/v1/series?period=weekly', ErrorSchema],
      ['/api/v1/series?companies=NOPE', ErrorSchema],
    ];
    for (const [url, schema] of cases) {
      const res = await get(url);
      const parsed = schema.safeParse(res.json());
      expect(parsed.success, `${url}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
    }
    const article = readFileSync(new URL('../../examples/articles/big-four-capex.md', import.meta.url), 'utf8');
    const check = await server.app.inject({ method: 'POST', url: '/api/v1/check', headers: { 'content-type': 'text/plain' }, payload: article });
    expect(CheckReportSchema.safeParse(check.json()).success).toBe(true);
  });
});

describe('the OpenAPI document', () => {
  it('documents every route’s response and its 400, 404, 429 and 500 errors, with examples', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.responses['200'], where).toBeDefined();
        expect(Object.keys(op.responses['200']!.content ?? {}).length, `${where} 200 has a schema`).toBeGreaterThan(0);
        if (path === '/api/v1/openapi.json') continue;
        for (const status of path.includes('/admin/') ? ['401', '403', '429', '500'] : ['400', '404', '429', '500']) {
          const body = op.responses[status]?.content?.['application/json']?.schema as { examples?: unknown[]; $ref?: string } | undefined;
          expect(body, `${where} documents ${status}`).toBeDefined();
        }
        if (!path.includes('/admin/')) {
          const example = (op.responses['400']!.content!['application/json']!.schema as { examples?: { parameter: string }[] }).examples?.[0];
          expect(example?.parameter, `${where} 400 example`).toBe('period');
        }
      }
    }
    const series = doc.paths['/api/v1/series'].get;
    expect(JSON.stringify(series.responses['200'])).toContain('SeriesResult');
    const period = series.parameters.find((p: { name: string }) => p.name === 'period');
    expect(period.description).toContain('`fy`: fiscal years');
  });

  it('puts every route in a group the document declares and describes, and declares no group without a route', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    const declared = new Map((doc.tags as { name: string; description?: string }[]).map((t) => [t.name, t.description ?? '']));
    const used = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.tags?.length, `${where} has a tag`).toBeGreaterThan(0);
        for (const tag of op.tags ?? []) {
          expect(declared.has(tag), `${where}: tag "${tag}" is in the document's tags`).toBe(true);
          expect(declared.get(tag), `tag "${tag}" has a description`).not.toBe('');
          used.add(tag);
        }
      }
    }
    expect([...declared.keys()].filter((t) => !used.has(t)), 'declared tags no route uses').toEqual([]);
    // The groups this round added routes for.
    expect(doc.paths['/api/v1/models'].get.tags).toEqual(['models']);
    expect(doc.paths['/api/v1/prices'].get.tags).toEqual(['prices']);
  });

  it('is readable at /api, and /api/v1 is the API’s index', async () => {
    const page = await get('/api');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('airace API reference');
    expect((await get('/api/json')).json().info.title).toBe('airace API');
    const index = await get('/api/v1');
    expect(index.statusCode).toBe(200);
    expect(index.json()).toMatchObject({ reference: '/api', openapi: '/api/v1/openapi.json', endpoints: expect.arrayContaining(['/api/v1/series', '/api/v1/chart.svg']) });
    const browser = await get('/api/v1', { accept: 'text/html' });
    expect(browser.statusCode).toBe(302);
    expect(browser.headers.location).toBe('/api');
  });
});
