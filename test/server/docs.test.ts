// docs/api.md and docs/dashboard.md keep up with the routes and parameters (Datasette's test_docs habit).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/server/query-parameters.js';
import { testServer, type TestServer } from './test-server.js';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

describe('server docs', () => {
  it('docs/api.md documents every API path and query parameter', async () => {
    const doc = read('docs/api.md');
    const paths = Object.keys((await server.app.inject('/api/v1/openapi.json')).json().paths);
    for (const path of paths) expect(doc, path).toContain(path);
    // Aliases: definitions that serve under another name (`from` on the facts and events endpoints).
    const aliases = ['facts-metric', 'from-year', 'to-year', 'event-companies', 'from-date', 'to-date', 'price-companies'];
    for (const name of Object.keys(PARAMETERS).filter((n) => !aliases.includes(n))) expect(doc, name).toContain(`\`${name}\``);
  });

  it('docs/dashboard.md describes every page', () => {
    const doc = read('docs/dashboard.md');
    for (const page of ['(`/`)', '/company/', '/explore', '/check', '/methodology', '/embed']) expect(doc, page).toContain(page);
  });
});
