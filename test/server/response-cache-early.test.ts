// A request written exactly as one already answered is answered before its query is validated
// again (preValidation), with the same body and ETag as the normalised path, and never after the
// store generation has changed.
import { expect, it } from 'vitest';
import Fastify, { type RouteOptions } from 'fastify';
import { ResponseCache, cachedRoute } from '../../src/server/response-cache.js';

it('answers a repeat as written without validating or handling it, and stops at a new generation', async () => {
  let generation = 'g1';
  const cache = new ResponseCache(async () => generation);
  let validations = 0;
  let handled = 0;
  const app = Fastify();
  app.setValidatorCompiler(() => (data: unknown) => {
    validations++;
    const q = data as Record<string, string>;
    // Normalises as the real query schemas do: the key is built from what validation returns.
    return { value: { name: String(q.name ?? '').toUpperCase(), n: Number(q.n ?? 0) } };
  });
  const route: RouteOptions = {
    method: 'GET',
    url: '/answer',
    schema: { querystring: { type: 'object' } },
    handler: async (request) => {
      handled++;
      return `${JSON.stringify(request.query)} ${generation} ${handled}`;
    },
  };
  app.route(cachedRoute(route, cache));
  await app.ready();
  const first = await app.inject('/answer?name=abc&n=1');
  expect([first.statusCode, validations, handled]).toEqual([200, 1, 1]);
  const again = await app.inject('/answer?name=abc&n=1');
  expect([again.statusCode, validations, handled]).toEqual([200, 1, 1]);
  expect(again.body).toBe(first.body);
  expect(again.headers.etag).toBe(first.headers.etag);
  // Written differently, the same normalised request: validated, not handled, the same ETag.
  const other = await app.inject('/answer?n=1&name=ABC');
  expect([other.statusCode, validations, handled]).toEqual([200, 2, 1]);
  expect(other.headers.etag).toBe(first.headers.etag);
  // ...and from then on answered early too.
  await app.inject('/answer?n=1&name=ABC');
  expect(validations).toBe(2);
  const notModified = await app.inject({ url: '/answer?name=abc&n=1', headers: { 'if-none-match': first.headers.etag as string } });
  expect([notModified.statusCode, validations, handled]).toEqual([304, 2, 1]);
  // A write: the early path must not answer from before it.
  generation = 'g2';
  const after = await app.inject('/answer?name=abc&n=1');
  expect([after.statusCode, validations, handled]).toEqual([200, 3, 2]);
  expect(after.body).not.toBe(first.body);
  expect(after.headers.etag).not.toBe(first.headers.etag);
  const stale = await app.inject({ url: '/answer?name=abc&n=1', headers: { 'if-none-match': first.headers.etag as string } });
  expect(stale.statusCode).toBe(200);
  await app.close();
});
