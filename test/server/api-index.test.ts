// GET /api/v1 lists every API route the server registers (seen here through Fastify's onRoute
// hook, not the table the index reads), and every route it lists answers on the bundled data, with
// Epoch AI's table from ../shared imported when it is there (the models charts are a 404 without it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { buildServer } from '../../src/server/build-server.js';
import { ApiIndexSchema, type ApiIndex } from '../../src/server/api-index.js';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { TRANSCRIBED_FILE, sharedModelsPresent } from '../models/models-fixtures.js';

interface Registered { method: string; url: string; hidden: boolean }
type OpenApiParameter = { name: string; in: string; required?: boolean; example?: unknown; schema?: { example?: unknown; examples?: unknown[]; enum?: unknown[]; default?: unknown } };

let app: FastifyInstance;
let store: Store;
let dir: string;
const registered: Registered[] = [];
let index: ApiIndex;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'airace-api-index-'));
  store = await openStore(join(dir, 'airace.db'));
  await ensureBundledData(store);
  if (sharedModelsPresent) await importModelsFile(store, TRANSCRIBED_FILE);
  else console.warn(`api-index.test: no ${TRANSCRIBED_FILE}; the models charts may answer their documented 404 (no models data)`);
  app = buildServer({ store, rateLimit: false });
  // Added before the routes' plugin loads (it loads on ready), so it sees every route.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = Boolean((route.schema as { hide?: boolean } | undefined)?.hide);
    for (const method of methods) registered.push({ method, url: route.url, hidden });
  });
  const res = await app.inject({ method: 'GET', url: '/api/v1' });
  expect(res.statusCode).toBe(200);
  index = ApiIndexSchema.parse(res.json());
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/v1', () => {
  it('lists every GET route registered under /api/v1, and every other API route, with its method', () => {
    const underApi = registered.filter((r) => r.url === '/api/v1' || r.url.startsWith('/api/v1/'));
    // Fastify adds a HEAD twin to every GET route; the index lists the GET.
    const gets = underApi.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(20);
    // No route under /api/v1 is hidden from the OpenAPI document, so none is left out of the index.
    expect(underApi.filter((r) => r.hidden)).toEqual([]);
    const listed = new Set(index.operations.map((o) => `${o.method} ${o.path}`));
    for (const r of underApi.filter((r) => r.method !== 'HEAD')) expect(listed.has(`${r.method} ${r.url}`), `${r.method} ${r.url} is listed`).toBe(true);
    expect(listed.size, 'each operation listed once').toBe(index.operations.length);
    // Nothing listed that the server does not answer.
    const served = new Set(underApi.map((r) => `${r.method} ${r.url}`));
    expect(index.operations.filter((o) => !served.has(`${o.method} ${o.path}`))).toEqual([]);
    // `endpoints` keeps its old shape: every path once.
    expect(index.endpoints).toEqual([...new Set(index.operations.map((o) => o.path))]);
    expect(index.endpoints).toContain('/api/v1/events.json');
  });

  it('says what each operation does and which need a token, as the OpenAPI document does', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, { summary?: string; tags?: string[]; security?: unknown[] }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
    expect(index.operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(documented.map((d) => `${d.method} ${d.path}`).sort());
    for (const { method, path, op } of documented) {
      const listed = index.operations.find((o) => o.method === method && o.path === path)!;
      expect(listed.summary, `${method} ${path}`).toBe(op.summary);
      expect(listed.summary.length, `${method} ${path} has a summary`).toBeGreaterThan(0);
      expect(listed.tag).toBe(op.tags?.[0]);
      expect(listed.needsToken, `${method} ${path} needs a token`).toBe((op.security?.length ?? 0) > 0);
    }
    expect(index.operations.find((o) => o.path === '/api/v1/admin/reload')).toMatchObject({ method: 'POST', needsToken: true });
    expect(index.operations.filter((o) => o.needsToken).map((o) => o.path)).toEqual(['/api/v1/admin/reload']);
  });

  it('lists only endpoints that answer on the bundled data, given the query parameters they require', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> };
    for (const op of index.operations) {
      // The minimal query: each required parameter with the example the reference gives it.
      const query = new URLSearchParams();
      for (const p of doc.paths[op.path]![op.method.toLowerCase()]!.parameters ?? []) {
        if (!p.required || p.in !== 'query') continue;
        const value = p.example ?? p.schema?.example ?? p.schema?.examples?.[0] ?? p.schema?.enum?.[0] ?? p.schema?.default;
        expect(value, `${op.path}: required ${p.name} has an example`).toBeDefined();
        query.set(p.name, String(value));
      }
      const url = `${op.path}${query.size ? `?${query}` : ''}`;
      const res = op.method === 'POST'
        ? await app.inject({ method: 'POST', url, headers: { 'content-type': 'text/plain' }, payload: 'Amazon spent $83 billion on capex in 2024.' })
        : await app.inject({ method: 'GET', url });
      const where = `${op.method} ${url}`;
      // A listed path is a route: never the not-found handler's answer.
      expect(res.body, where).not.toContain(`not found: ${op.path}`);
      if (!sharedModelsPresent && res.statusCode === 404 && res.body.includes('No models data is loaded')) continue;
      expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).not.toBe(404);
      // Without a token the admin route refuses (403 while off); every other route answers.
      if (op.needsToken) expect([401, 403], where).toContain(res.statusCode);
      else expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBe(200);
    }
  });
});
