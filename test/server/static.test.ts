import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

const linked = (html: string) => [...html.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]!);

describe('static files', () => {
  it('serves the pages’ script, styles, favicon and fonts from this package, never a CDN', async () => {
    for (const [url, type] of [
      ['/static/app.js', 'text/javascript'],
      ['/static/app.css', 'text/css'],
      ['/static/fonts/IBMPlexSans_400Regular.ttf', 'font/ttf'],
      ['/static/favicon.svg', 'image/svg+xml'],
    ]) {
      const res = await server.app.inject(url!);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain(type!);
      expect(res.headers['cache-control'], url).toBe('public, max-age=3600');
    }
    const pages = await Promise.all(['/', '/explore', '/company/AMZN', '/check'].map((u) => server.app.inject(u)));
    for (const p of pages) expect(p.body).not.toMatch(/(src|href)="(https?:)?\/\/(?!127\.0\.0\.1)[^"]*\.(js|css)"/);
  });

  it('links pages to content-hashed names cached for a year, the stylesheet to hashed fonts', async () => {
    const page = await server.app.inject('/');
    const urls = linked(page.body);
    expect(urls.some((u) => /^\/static\/app\.[0-9a-f]{10}\.js$/.test(u))).toBe(true);
    expect(urls.some((u) => /^\/static\/app\.[0-9a-f]{10}\.css$/.test(u))).toBe(true);
    for (const url of urls) {
      const res = await server.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
    const css = await server.app.inject(urls.find((u) => u.endsWith('.css'))!);
    const fonts = [...css.body.matchAll(/url\('([^']+)'\)/g)].map((m) => m[1]!);
    expect(fonts).toHaveLength(2);
    for (const f of fonts) {
      expect(f).toMatch(/^\/static\/fonts\/IBMPlexSans_\w+\.[0-9a-f]{10}\.ttf$/);
      expect((await server.app.inject(f)).headers['cache-control']).toContain('immutable');
    }
  });

  it('loads no charting library in the browser: the server draws every chart', async () => {
    const pages = await Promise.all(['/', '/explore', '/company/AMZN', '/check', '/embed?preset=seed'].map((u) => server.app.inject(u)));
    for (const p of pages) {
      const scripts = [...p.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(/^\/static\/app\.[0-9a-f]{10}\.js$/);
    }
    expect((await server.app.inject('/static/vendor/vega.min.js')).statusCode).toBe(404);
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await server.app.inject('/static/app.css');
    const again = await server.app.inject({ method: 'GET', url: '/static/app.css', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('compresses pages, data and SVG for clients that accept it', async () => {
    for (const url of ['/', '/api/v1/series', '/api/v1/chart.svg', '/static/app.js']) {
      const res = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe('br');
      const plain = await server.app.inject(url);
      expect(res.rawPayload.length, url).toBeLessThan(plain.rawPayload.length / 2);
    }
  });
});
