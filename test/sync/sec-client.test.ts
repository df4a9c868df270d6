// The SEC client, retry delays and rate limiter against the fixture server. Nothing here touches
// the store, so it runs once rather than once per test dialect.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecFixtureServer } from './sec-fixture-server.js';
import { fixtureCompanies, AMZN_CIK } from './fixtures/sec-fixtures.js';
import { failure, testClient } from './sync-test-kit.js';
import { parseRetryAfter, backoffDelay } from '../../src/ingest/http/retry-delay.js';
import { RateLimiter, type Clock } from '../../src/ingest/http/rate-limiter.js';
import { MissingUserAgentError, secConfigFromEnv, USER_AGENT_HELP } from '../../src/ingest/sec/sec-config.js';
import { parseCompanyFacts } from '../../src/ingest/sec/companyfacts-parse.js';
import { companyFactsUrl } from '../../src/ingest/sec/sec-urls.js';

let server: SecFixtureServer;
const factsPath = SecFixtureServer.companyFactsPath(AMZN_CIK);

beforeAll(async () => {
  server = await SecFixtureServer.start(fixtureCompanies());
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.clearFaults());


describe('SecClient', () => {
  it('declares the User-Agent, asks for gzip and decodes it', async () => {
    const { client } = testClient(server);
    const url = companyFactsUrl(client.config, AMZN_CIK);
    const res = await client.get(url);
    expect(res.kind).toBe('ok');
    const doc = parseCompanyFacts(res.kind === 'ok' ? res.body : '', url);
    expect(doc.cik).toBe(AMZN_CIK);
    const last = server.requestsTo(factsPath).at(-1)!;
    expect(last.headers['user-agent']).toBe('airace tests tests@example.com');
    expect(last.headers['accept-encoding']).toBe('gzip, deflate');
    expect(res.kind === 'ok' && res.validators?.etag).toMatch(/^"/);
  });

  it('sends stored validators and reports a 304 as not modified', async () => {
    const { client } = testClient(server);
    const url = companyFactsUrl(client.config, AMZN_CIK);
    const first = await client.get(url);
    if (first.kind !== 'ok') throw new Error('expected a body');
    const second = await client.get(url, { validators: first.validators });
    expect(second.kind).toBe('not-modified');
    const last = server.requestsTo(factsPath).at(-1)!;
    expect(last.headers['if-none-match']).toBe(first.validators!.etag);
    expect(last.headers['if-modified-since']).toBe(first.validators!.lastModified);
    expect(last.status).toBe(304);
  });

  it('waits as long as Retry-After says (seconds) before retrying a 429', async () => {
    const { client, sleeps } = testClient(server);
    server.fault(factsPath, { kind: 'status', status: 429, retryAfter: '3' });
    const retries: number[] = [];
    const res = await client.get(companyFactsUrl(client.config, AMZN_CIK), { onRetry: (i) => retries.push(i.delayMs) });
    expect(res.kind).toBe('ok');
    expect(sleeps).toEqual([3000]);
    expect(retries).toEqual([3000]);
  });

  it('honours Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:12 GMT', now)).toBe(12_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('retries a 500 and a reset connection, then succeeds', async () => {
    const { client, sleeps } = testClient(server);
    server.fault(factsPath, { kind: 'status', status: 500 });
    server.fault(factsPath, { kind: 'reset' });
    const before = server.requestsTo(factsPath).length;
    const res = await client.get(companyFactsUrl(client.config, AMZN_CIK));
    expect(res.kind).toBe('ok');
    expect(server.requestsTo(factsPath).length - before).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('times out a slow response and retries it', async () => {
    const { client } = testClient(server, { timeoutMs: 150 });
    server.fault(factsPath, { kind: 'hang', ms: 1500 });
    const reasons: string[] = [];
    const res = await client.get(companyFactsUrl(client.config, AMZN_CIK), { onRetry: (i) => reasons.push(i.reason) });
    expect(res.kind).toBe('ok');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/no complete response .* within 0\.15 s/);
  });

  it('gives up on a body that keeps arriving truncated, with a clear message', async () => {
    const { client } = testClient(server);
    server.fault(factsPath, { kind: 'truncate' }, 10);
    const err = await failure(client.get(companyFactsUrl(client.config, AMZN_CIK)));
    expect(err.kind).toBe('truncated');
    expect(err.message).toMatch(/truncated response from .*CIK0001018724\.json: the connection closed after \d+ bytes of \d+/);
    expect(err.attempts).toBe(4);
  });

  it('fails at once on a wrong content type, a 404 and a 403', async () => {
    const { client } = testClient(server);
    server.fault(factsPath, { kind: 'content-type', type: 'text/html' });
    const wrong = await failure(client.get(companyFactsUrl(client.config, AMZN_CIK)));
    expect(wrong.kind).toBe('content-type');
    expect(wrong.message).toMatch(/expected JSON .* but got text\/html starting "<!DOCTYPE html>/);
    expect(wrong.attempts).toBe(1);

    const missing = await failure(client.get(companyFactsUrl(client.config, 4242)));
    expect(missing.kind).toBe('not-found');
    expect(missing.message).toMatch(/not found \(404\).*CIK0000004242/);

    const anonymous = testClient(server, { userAgent: 'node' }).client;
    const refused = await failure(anonymous.get(companyFactsUrl(anonymous.config, AMZN_CIK)));
    expect(refused.kind).toBe('forbidden');
    expect(refused.message).toMatch(/User-Agent/);
  });

  it('refuses a Retry-After longer than it is willing to wait', async () => {
    const { client, sleeps } = testClient(server, { maxRetryAfterMs: 60_000 });
    server.fault(factsPath, { kind: 'status', status: 503, retryAfter: '600' });
    const err = await failure(client.get(companyFactsUrl(client.config, AMZN_CIK)));
    expect(err.kind).toBe('rate-limited');
    expect(err.message).toMatch(/Retry-After asks for 600 s/);
    expect(sleeps).toEqual([]);
  });

  it('stops retrying when interrupted', async () => {
    const { client } = testClient(server);
    const ac = new AbortController();
    ac.abort();
    const err = await failure(client.get(companyFactsUrl(client.config, AMZN_CIK), { signal: ac.signal }));
    expect(err.kind).toBe('interrupted');
  });
});

describe('secConfigFromEnv', () => {
  it('requires a User-Agent with a contact email and explains how to set it', () => {
    expect(() => secConfigFromEnv({})).toThrow(MissingUserAgentError);
    expect(() => secConfigFromEnv({ AIRACE_SEC_USER_AGENT: 'just a name' })).toThrow(/no contact email/);
    expect(USER_AGENT_HELP).toContain('export AIRACE_SEC_USER_AGENT="Your Name you@example.com"');
    const c = secConfigFromEnv({ AIRACE_SEC_USER_AGENT: 'Ann Analyst ann@example.org' });
    expect(c.wwwUrl).toBe('https://www.sec.gov');
    expect(c.dataUrl).toBe('https://data.sec.gov');
    expect(c.maxRequestsPerSecond).toBe(10);
  });

  it('never lets the rate go above 10 requests per second', () => {
    expect(secConfigFromEnv({ AIRACE_SEC_USER_AGENT: 'a a@b.co', AIRACE_SEC_MAX_RPS: '50' }).maxRequestsPerSecond).toBe(10);
    expect(secConfigFromEnv({ AIRACE_SEC_USER_AGENT: 'a a@b.co', AIRACE_SEC_MAX_RPS: '4' }).maxRequestsPerSecond).toBe(4);
  });
});

describe('RateLimiter', () => {
  it('never starts more than 10 requests in any second', async () => {
    let now = 0;
    const clock: Clock = { now: () => now, sleep: async (ms) => void (now += ms) };
    const limiter = new RateLimiter(10, clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 35 }, () => limiter.acquire().then(() => starts.push(now))));
    expect(starts).toHaveLength(35);
    for (let i = 10; i < starts.length; i++) expect(starts[i]! - starts[i - 10]!).toBeGreaterThanOrEqual(1000);
    // ...and it does not wait more than it must: 35 requests fit in just over 3 seconds.
    expect(starts.at(-1)).toBe(3000);
  });
});
