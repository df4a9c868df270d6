// Issue #15: PNGs are rasterised in a worker pool, off the server's event loop, within a time
// budget. Times are compared as ratios within one run, never against a wall-clock limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/chart/render.js';
import { PngRenderer } from '../../src/server/png-renderer.js';
import { testServer, type TestServer } from './test-server.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const chartUrl = (title: string, scale: number) => `/api/v1/chart.png?metric=capex&companies=AMZN,MSFT,GOOGL,META&period=fy&scale=${scale}&title=${encodeURIComponent(title)}`;

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
  // Warm the pool: a thread started and its modules loaded.
  expect((await server.app.inject(chartUrl('warm-up', 1))).statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('the PNG pool', () => {
  it('renders in worker threads the same bytes the process renders', async () => {
    expect(new PngRenderer().pooled).toBe(true);
    const png = await server.app.inject(chartUrl('same bytes', 2));
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const svg = await server.app.inject(chartUrl('same bytes', 2).replace('chart.png', 'chart.svg').replace('&scale=2', ''));
    expect(png.rawPayload.equals(await svgToPng(svg.body, { scale: 2 }))).toBe(true);
  }, 60_000);

  it('answers a small request promptly while large PNGs render', async () => {
    // Distinct titles: each is a render of its own, none from the cache. Their SVGs (drawn by Vega on
    // this thread) are made first, so what runs during the measurement is the rasterising.
    const titles = [1, 2, 3].map((n) => `large ${n}`);
    for (const t of titles) expect((await server.app.inject(chartUrl(t, 4).replace('chart.png', 'chart.svg').replace('&scale=4', ''))).statusCode).toBe(200);
    const started = performance.now();
    let rendersDone = 0;
    const renders = Promise.all(titles.map((t) => server.app.inject(chartUrl(t, 4)))).then((rs) => {
      rendersDone = performance.now();
      return rs;
    });
    const small: number[] = [];
    const PAUSE_MS = 10;
    while (!rendersDone && small.length < 200) {
      const t0 = performance.now();
      const res = await server.app.inject('/api/v1/metrics');
      expect(res.statusCode).toBe(200);
      small.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
    const elapsed = performance.now() - started;
    for (const r of await renders) expect(r.statusCode).toBe(200);
    const rendersMs = (rendersDone || performance.now()) - started;
    const slowest = Math.max(...small);
    expect(slowest / rendersMs, `slowest small request ${slowest.toFixed(0)} ms during ${rendersMs.toFixed(0)} ms of renders`).toBeLessThan(0.2);
    // A PNG encoded on this thread holds the loop while the client waits between its requests too,
    // so the count tells: a free loop answers one request per pause and a bit; a held one a handful.
    const idealCount = elapsed / (PAUSE_MS + 1);
    expect(small.length / idealCount, `${small.length} small requests answered in ${elapsed.toFixed(0)} ms`).toBeGreaterThan(0.2);
  }, 120_000);

  it('stops a render that runs out of time with a clear 503', async () => {
    const hurried = await testServer({ renders: { budgetMs: 1 } });
    try {
      const r = await hurried.app.inject(chartUrl('too slow', 4));
      expect(r.statusCode).toBe(503);
      expect(JSON.parse(r.body).error).toMatch(/^rendering the PNG took longer than 1 s, the limit for one chart/);
      expect(r.headers.etag).toBeUndefined();
    } finally {
      await hurried.close();
    }
  }, 60_000);
});
