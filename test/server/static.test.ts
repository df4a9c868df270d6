import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});

describe('static files', () => {
  it('serves the pages’ scripts, styles and fonts from this package and node_modules, never a CDN', async () => {
    for (const [url, type] of [
      ['/static/app.js', 'text/javascript'],
      ['/static/app.css', 'text/css'],
      ['/static/vendor/vega.min.js', 'text/javascript'],
      ['/static/vendor/vega-lite.min.js', 'text/javascript'],
      ['/static/vendor/vega-embed.min.js', 'text/javascript'],
      ['/static/vendor/vega-interpreter.js', 'text/javascript'],
      ['/static/vega-util-shim.js', 'text/javascript'],
      ['/static/fonts/IBMPlexSans_400Regular.ttf', 'font/ttf'],
      ['/static/favicon.svg', 'image/svg+xml'],
    ]) {
      const res = await server.app.inject(url!);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain(type!);
      expect(res.headers['cache-control'], url).toMatch(/^public, max-age=\d+$/);
    }
    const pages = await Promise.all(['/', '/explore', '/company/AMZN'].map((u) => server.app.inject(u)));
    for (const p of pages) expect(p.body).not.toMatch(/(src|href)="(https?:)?\/\/(?!127\.0\.0\.1)[^"]*\.(js|css)"/);
  });

  it('points the Vega interpreter at the vega global instead of a bare import', async () => {
    const js = (await server.app.inject('/static/vendor/vega-interpreter.js')).body;
    expect(js).not.toMatch(/from ['"]vega-util['"]/);
    expect(js).toContain("from '/static/vega-util-shim.js'");
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await server.app.inject('/static/app.css');
    const again = await server.app.inject({ method: 'GET', url: '/static/app.css', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('links the pages to versioned URLs, served immutable, whose version is the hash of the bytes', async () => {
    const page = (await server.app.inject('/')).body;
    const linked = [...page.matchAll(/(?:src|href)="(\/static\/[^"?]+)\?v=([\w-]+)"/g)].map((m) => ({ url: m[1]!, version: m[2]! }));
    expect(linked.map((l) => l.url).sort()).toEqual(['/static/app.css', '/static/app.js', '/static/favicon.svg', '/static/vendor/vega-embed.min.js', '/static/vendor/vega-lite.min.js', '/static/vendor/vega.min.js']);
    for (const { url, version } of linked) {
      const bare = await server.app.inject(url);
      expect(bare.headers.etag, url).toBe(`"${version}"`);
      const versioned = await server.app.inject(`${url}?v=${version}`);
      expect(versioned.statusCode).toBe(200);
      expect(versioned.rawPayload.equals(bare.rawPayload)).toBe(true);
      expect(versioned.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      // An old version's URL is not promised to be this file forever.
      expect((await server.app.inject(`${url}?v=older`)).headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    }
  });
});
