import { describe, expect, it } from 'vitest';
import { adminTokenOf, bearerToken, MIN_ADMIN_TOKEN_LENGTH, tokensMatch } from '../../src/server/admin-auth.js';
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
    const s = await testServer({ adminToken: 's3cret-token-of-20-ch' });
    try {
      expect((await s.app.inject(reload())).statusCode).toBe(401);
      const wrong = await s.app.inject(reload({ authorization: 'Bearer s3cret-token-of-20-cH' }));
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
      const ok = await s.app.inject(reload({ authorization: 'Bearer s3cret-token-of-20-ch' }));
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
    const s = await testServer({ adminToken: 'a-token-long-enough' });
    try {
      expect((await s.app.inject({ method: 'GET', url: '/api/v1/admin/reload', headers: { authorization: 'Bearer a-token-long-enough' } })).statusCode).toBe(404);
    } finally {
      await s.close();
    }
  });
});

describe('admin token', () => {
  it(`is refused when shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters or holding whitespace, without echoing it`, async () => {
    expect(() => adminTokenOf('t')).toThrow(/^invalid AIRACE_ADMIN_TOKEN: 1 character \(expected at least 16 characters/);
    expect(() => adminTokenOf('abcdefghijklmno')).toThrow(/15 characters/);
    expect(() => adminTokenOf('abcdefgh ijklmnopq')).toThrow(/with whitespace/);
    expect(adminTokenOf('abcdefghijklmnop')).toBe('abcdefghijklmnop');
    expect(adminTokenOf('')).toBeNull();
    expect(adminTokenOf(undefined)).toBeNull();
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
