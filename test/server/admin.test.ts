import { describe, expect, it } from 'vitest';
import { bearerToken, tokensMatch } from '../../src/server/admin-auth.js';
import { testServer } from './test-server.js';

const reload = (headers: Record<string, string> = {}) => ({ method: 'POST' as const, url: '/api/v1/admin/reload', headers });

describe('admin endpoints', () => {
  it('are off without AIRACE_ADMIN_TOKEN', async () => {
    const s = await testServer();
    try {
      const res = await s.app.inject(reload({ authorization: 'Bearer anything' }));
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatch(/AIRACE_ADMIN_TOKEN/);
    } finally {
      await s.close();
    }
  });

  it('need the bearer token when it is set', async () => {
    const s = await testServer({ adminToken: 's3cret-token' });
    try {
      expect((await s.app.inject(reload())).statusCode).toBe(401);
      const wrong = await s.app.inject(reload({ authorization: 'Bearer s3cret-tokeN' }));
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
      const ok = await s.app.inject(reload({ authorization: 'Bearer s3cret-token' }));
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ loaded: true });
      // Still serving the same data afterwards.
      const series = (await s.app.inject('/api/v1/series?companies=AMZN&from=2024&to=2024')).json();
      expect(series.series[0].points[0].value).toBe(82_999_000_000);
    } finally {
      await s.close();
    }
  });

  it('GET does not reach them', async () => {
    const s = await testServer({ adminToken: 't' });
    try {
      expect((await s.app.inject({ method: 'GET', url: '/api/v1/admin/reload', headers: { authorization: 'Bearer t' } })).statusCode).toBe(404);
    } finally {
      await s.close();
    }
  });
});

describe('token comparison', () => {
  it('parses bearer headers', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it('compares tokens of any length', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abcd')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
  });
});
