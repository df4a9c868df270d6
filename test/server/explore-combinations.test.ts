// Every combination the explore form offers, through the chart API and the page: each draws a
// chart, or is refused with a 400 naming the parameter and the reason (and the form disables
// it before it is asked for). None is a server error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS, METRIC_IDS } from '../../src/series/metrics.js';
import { PERIODS } from '../../src/model/series.js';
import { CHART_TYPES } from '../../src/chart/chart-type.js';
import { combinationRefusal } from '../../src/chart/chart-combinations.js';
import type { ErrorEntry } from '../../src/server/server-context.js';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
const logged: ErrorEntry[] = [];
beforeAll(async () => {
  server = await testServer({ errorLog: (e) => logged.push(e) });
});
afterAll(async () => {
  await server?.close();
});

const VALUES = ['', 'yoy', 'share'] as const;

describe('every metric × period × values × chart type', () => {
  it('is drawn by /api/v1/chart.svg and /explore, or refused with a 400 that says why, never a 5xx', { timeout: 600_000 }, async () => {
    let drawn = 0;
    let refused = 0;
    for (const metric of METRIC_IDS) {
      for (const period of PERIODS) {
        for (const transform of VALUES) {
          for (const type of CHART_TYPES) {
            const query = `metric=${metric}&period=${period}${transform ? `&transform=${transform}` : ''}&type=${type}`;
            const refusal = combinationRefusal({ unit: METRICS.get(metric)!.unit, transform: transform || null, type });
            const svg = await server.app.inject(`/api/v1/chart.svg?${query}&width=480`);
            const page = await server.app.inject(`/explore?${query}`);
            expect(svg.statusCode, query).toBeLessThan(500);
            expect(page.statusCode, query).toBeLessThan(500);
            if (refusal) {
              refused++;
              expect(svg.statusCode, query).toBe(400);
              expect(svg.json(), query).toMatchObject({ parameter: refusal.parameter, error: expect.stringContaining(refusal.reason) });
              expect(page.statusCode, query).toBe(400);
              // The form stays, with the reason beside the control.
              expect(page.body, query).toContain('id="explore-form"');
              expect(page.body, query).toContain(refusal.reason);
            } else {
              drawn++;
              expect(svg.statusCode, `${query}: ${svg.body.slice(0, 200)}`).toBe(200);
              expect(svg.body, query).toMatch(/^<svg[^>]*width="\d+"[^>]*role="img"/);
              expect(page.statusCode, query).toBe(200);
            }
          }
        }
      }
    }
    expect(drawn).toBeGreaterThan(refused);
    expect(refused).toBeGreaterThan(0);
    expect(logged).toEqual([]);
  });

  it('disables, in the form, the chart types and values the chosen metric and values rule out, with the reason', async () => {
    const yoy = (await server.app.inject('/explore?metric=capex&transform=yoy')).body;
    expect(yoy).toMatch(/<option value="stacked" disabled title="[^"]*means nothing for percentages or growth rates">Stacked columns \(not with these values\)<\/option>/);
    expect(yoy).toContain('Stacked columns: not here, as stacked columns add the companies’ figures up');
    const intensity = (await server.app.inject('/explore?metric=capex_intensity')).body;
    expect(intensity).toMatch(/<option value="share" disabled/);
    expect(intensity).toMatch(/<option value="stacked" disabled/);
    const shares = (await server.app.inject('/explore?metric=capex&transform=share&type=stacked')).body;
    expect(shares).not.toMatch(/<option value="stacked"[^>]*disabled/);
  });

  it('stacks shares of the total to 100%', async () => {
    const res = await server.app.inject('/api/v1/chart.vl.json?metric=capex&companies=AMZN,MSFT&period=fy&from=2023&to=2024&transform=share&type=stacked');
    expect(res.statusCode).toBe(200);
    const rows = (res.json().data.values as { label: string; value: number | null }[]).filter((r) => r.value !== null);
    for (const label of new Set(rows.map((r) => r.label))) {
      expect(rows.filter((r) => r.label === label).reduce((t, r) => t + r.value!, 0)).toBeCloseTo(100, 6);
    }
  });
});

describe('server errors', () => {
  it('are logged with a request id that the error page and the JSON show', async () => {
    const before = logged.length;
    // A title Vega would once have read as a name of its own crashed the renderer; force a
    // failure instead by asking the chart cache to render a spec it cannot.
    const cache = server.app.airace.charts;
    const original = cache.svg.bind(cache);
    cache.svg = () => Promise.reject(new Error('renderer exploded'));
    try {
      const api = await server.app.inject('/api/v1/chart.svg?metric=capex');
      expect(api.statusCode).toBe(500);
      const body = api.json();
      expect(body).toMatchObject({ error: 'internal server error', requestId: expect.stringMatching(/^r-[0-9a-f]{8}$/) });
      expect(logged.slice(before)).toEqual([expect.objectContaining({ requestId: body.requestId, method: 'GET', url: '/api/v1/chart.svg?metric=capex', error: expect.objectContaining({ message: 'renderer exploded' }) })]);
    } finally {
      cache.svg = original;
    }
  });

  it('show the request id on an HTML page', async () => {
    const page = await server.app.inject({ url: '/company/AMZN', method: 'GET' });
    expect(page.statusCode).toBe(200);
    const memo = server.app.airace.memo;
    const original = memo.get.bind(memo);
    memo.get = () => Promise.reject(new Error('store went away'));
    try {
      const failed = await server.app.inject('/company/MSFT');
      expect(failed.statusCode).toBe(500);
      const id = /Reference: <code>(r-[0-9a-f]{8})<\/code>/.exec(failed.body)?.[1];
      expect(id).toBeDefined();
      expect(logged.at(-1)).toMatchObject({ requestId: id, url: '/company/MSFT' });
    } finally {
      memo.get = original;
    }
  });
});
