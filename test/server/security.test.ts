import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const PAGES = ['/', '/company/AMZN', '/explore', '/check', '/methodology', '/embed?preset=seed'];

describe('security headers', () => {
  it('are on pages, API responses and errors', async () => {
    for (const url of [...PAGES, '/api/v1/series', '/api/v1/chart.svg', '/static/app.js', '/api/v1/series?period=x', '/no/such/page']) {
      const res = await get(url);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toContain('unsafe-inline');
      expect(csp, url).not.toContain('unsafe-eval');
    }
  });

  it('forbid framing except for the embed page', async () => {
    const page = await get('/explore');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const embed = await get('/embed');
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['x-frame-options']).toBeUndefined();
  });

  it('let other sites read the public API but not the pages', async () => {
    expect((await get('/api/v1/series')).headers['access-control-allow-origin']).toBe('*');
    expect((await get('/')).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('no inline scripts', () => {
  it('every <script> is external or a JSON data block', async () => {
    for (const url of PAGES) {
      const body = (await get(url)).body;
      const scripts = body.match(/<script\b[^>]*>/g) ?? [];
      for (const tag of scripts) expect(tag, url).toMatch(/\bsrc="\/static\/|type="application\/json"/);
      expect(body, url).not.toMatch(/\son[a-z]+="/i);
      expect(body, url).not.toMatch(/\sstyle="/i);
    }
  });
});

describe('user-supplied text is escaped', () => {
  const attack = '<script>alert(1)</script>';
  const breakout = '</script><script>alert(1)</script>';

  it('in page text, form values and the chart', async () => {
    const res = await get(`/explore?title=${encodeURIComponent(attack)}&subtitle=${encodeURIComponent(breakout)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toContain('</script><script>alert(1)');
    // The chart the page loads draws both as text.
    const src = /data-src="([^"]+)"/.exec(res.body)![1]!.replaceAll('&amp;', '&');
    const svg = (await get(`${src}&width=640`)).body;
    expect(svg).not.toMatch(/<script/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('in error pages and error JSON', async () => {
    const page = await get(`/explore?companies=${encodeURIComponent(attack)}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('unknown company: &lt;script&gt;alert(1)&lt;/script&gt;');
    const company = await get(`/company/${encodeURIComponent(attack)}`);
    expect(company.body).not.toContain('<script>alert(1)');
    const notFound = await get(`/${encodeURIComponent(attack)}`, { accept: 'text/html' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body).not.toContain('<script>alert(1)');
    const api = await get(`/api/v1/series?from=${encodeURIComponent(attack)}`);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
  });

  it('in SVG charts', async () => {
    const svg = (await get(`/api/v1/chart.svg?title=${encodeURIComponent(attack)}`)).body;
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('rejects over-long text', async () => {
    const res = await get(`/api/v1/chart.svg?title=${'x'.repeat(500)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ parameter: 'title' });
  });
});

describe('limits', () => {
  it('refuses large bodies', async () => {
    const admin = await testServer({ adminToken: 'a-secret-of-24-characters' });
    try {
      const res = await admin.app.inject({ method: 'POST', url: '/api/v1/admin/reload', headers: { authorization: 'Bearer a-secret-of-24-characters', 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'y'.repeat(100_000) }) });
      expect(res.statusCode).toBe(413);
    } finally {
      await admin.close();
    }
  });

  it('rate-limits per client', async () => {
    const limited = await testServer({ rateLimit: 2 });
    try {
      expect((await limited.app.inject('/api/v1/metrics')).statusCode).toBe(200);
      expect((await limited.app.inject('/api/v1/metrics')).statusCode).toBe(200);
      const third = await limited.app.inject('/api/v1/metrics');
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ error: expect.stringMatching(/rate limit/i) });
      expect(third.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
