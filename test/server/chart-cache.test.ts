// The render cache is bounded by bytes (issue #19, finding 5): titles only change text, yet
// each distinct one is a new render; a client busting the cache with `&title=tN` evicts old
// renders instead of growing the server's memory.
import { describe, expect, it } from 'vitest';
import { ChartCache } from '../../src/server/chart-cache.js';
import { buildChart } from '../../src/chart/chart.js';
import { capexSeries } from '../chart/fixture-series.js';
import { testServer } from './test-server.js';

const titled = (n: number) => buildChart(capexSeries(), { type: 'grouped', title: `Capex, title number ${n}` });

describe('ChartCache', () => {
  it('keeps its bytes under the budget after many distinct titles, the newest renders kept', async () => {
    const sizer = new ChartCache();
    await sizer.png(titled(0), 2);
    // Room for three and a half renders of each kind.
    const budget = { svgBytes: Math.round(sizer.bytes.svg * 3.5), pngBytes: Math.round(sizer.bytes.png * 3.5) };
    const cache = new ChartCache(budget);
    for (let n = 1; n <= 10; n++) {
      const svg = await cache.svg(titled(n));
      expect(svg).toContain(`title number ${n}`);
      expect(cache.bytes.svg).toBeLessThanOrEqual(budget.svgBytes);
    }
    expect(cache.size.svg).toBe(3);
    for (let n = 6; n <= 10; n++) {
      const png = await cache.png(titled(n), 2);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(cache.bytes.png).toBeLessThanOrEqual(budget.pngBytes);
    }
    expect(cache.size.png).toBe(3);
    expect(cache.bytes.svg).toBeLessThanOrEqual(budget.svgBytes);
  }, 60_000);

  it('shares one render between concurrent requests for a spec, and serves it again from memory', async () => {
    const cache = new ChartCache();
    const spec = titled(1);
    const [a, b] = await Promise.all([cache.svg(spec), cache.svg(structuredClone(spec))]);
    expect(a).toBe(b);
    expect(cache.size.svg).toBe(1);
    const bytes = cache.bytes.svg;
    expect(await cache.svg(spec)).toBe(a);
    expect(cache.bytes.svg).toBe(bytes);
  });

  it('does not remember a failed render', async () => {
    const cache = new ChartCache();
    const broken = { ...titled(1), transform: [{ calculate: 'datum.(', as: 'x' }] } as ReturnType<typeof titled>;
    await expect(cache.svg(broken)).rejects.toThrow();
    expect(cache.size.svg).toBe(0);
  });
});

describe('GET /api/v1/chart.svg with cache-busting titles', () => {
  it('answers every title with its own text from a cache of a fixed budget', async () => {
    const s = await testServer({ chartCache: { svgBytes: 400_000, pngBytes: 400_000 } });
    try {
      for (let n = 0; n < 8; n++) {
        const res = await s.app.inject(`/api/v1/chart.svg?companies=AMZN,MSFT&from=2023&to=2024&title=t${n}`);
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain(`>t${n}<`);
      }
    } finally {
      await s.close();
    }
  }, 60_000);
});
