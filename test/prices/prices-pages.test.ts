// Share prices on the pages, the timeline and the page twins, with SYNTHETIC prices synced from
// a loopback source; and the empty state of a company with none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/test-server.js';
import type { PriceFixtureServer } from './price-fixture-server.js';
import { serverWithPrices } from './price-test-kit.js';

let server: TestServer;
let source: PriceFixtureServer;

beforeAll(async () => {
  ({ server, source } = await serverWithPrices());
});
afterAll(async () => {
  await server?.close();
  await source?.close();
});

const get = (url: string) => server.app.inject(url);
// The price section runs to the next section of the page (its chart frame's panels are sections of their own).
const section = (body: string) => {
  const start = body.indexOf('<section aria-labelledby="prices-heading"');
  const next = body.indexOf('<section aria-labelledby="', start + 1);
  return body.slice(start, next === -1 ? body.indexOf('</main>', start) : next);
};

/** The chart a frame draws: its `data-src` (the chart route app.js asks for the frame's width), at `width`. */
const frameChart = async (s: string, width?: number) => {
  const src = /<figure class="frame" id="prices-chart" data-chart data-src="([^"]+)"/.exec(s)?.[1]?.replace(/&amp;/g, '&');
  expect(src, 'the price frame names its chart route').toMatch(/^\/api\/v1\/prices\/chart\.svg\?/);
  const res = await get(`${src}${width ? `&width=${width}` : ''}`);
  expect(res.statusCode).toBe(200);
  return res.body;
};

describe('the company page', () => {
  it('draws both listings rebased to 100 a year before the newest close, with sources and data as of', async () => {
    const res = await get('/company/BABA');
    expect(res.statusCode).toBe(200);
    const s = section(res.body);
    expect(s).toContain('<figure class="frame" id="prices-chart"');
    const described = /Line chart of share prices rebased to 100 at the close on or before 2024-06-30: Alibaba BABA \(NYSE ADR\) [\d.]+ on 2025-06-30; Alibaba 9988\.HK \(HKEX\) [\d.]+ on 2025-06-30\./;
    // Without JavaScript the frame shows the chart route's image at three widths, with the chart's alt text.
    expect(s).toMatch(new RegExp(`<img src="/api/v1/prices/chart\\.svg\\?[^"]+&amp;width=800" alt="${described.source}"`));
    const svg = await frameChart(s);
    expect(svg).toMatch(new RegExp(`aria-label="${described.source}"`));
    // Said once, in the chart's own footer, not again under the frame.
    expect(svg.match(/>Data as of the close of 2025-06-30 \(downloaded \d{4}-\d{2}-\d{2}\)</g)).toHaveLength(1);
    expect(s).not.toContain('Data as of');
    // Laid out for the width asked, as every chart route is: never wider, and within the few pixels the fit allows.
    for (const width of [390, 1200]) {
      const drawn = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(await frameChart(s, width))?.[1]);
      expect(drawn, `drawn for ${width}`).toBeLessThanOrEqual(width);
      expect(drawn, `drawn for ${width}`).toBeGreaterThanOrEqual(width - 4);
    }
    expect(s).toContain(`href="${source.baseUrl}?s=baba.us&amp;i=d"`);
    expect(s).toMatch(/<th scope="row">Alibaba 9988\.HK \(HKEX\)<\/th>\s*<td>HKD<\/td>/);
    // The form works without JavaScript: listings and the rebase date in the query string.
    expect(s).toContain('<input type="checkbox" id="prices-9988.HK" name="prices" value="9988.HK" checked>');
  });

  it('takes its listings and start from the URL, and its twins carry the same prices', async () => {
    const json = (await get('/company/BABA.json?prices=9988.HK&prices-from=2025-01-01')).json();
    expect(json.prices.start).toBe('2025-01-01');
    expect(json.prices.result.listings.map((l: { listing: string }) => l.listing)).toEqual(['9988.HK']);
    expect(json.prices.result.listings[0].base).toEqual({ asked: '2025-01-01', date: '2024-12-31', close: 75 });
    const csv = await get('/company/BABA.csv?table=prices&prices=BABA&prices-from=2025-02-28');
    expect(csv.body.split('\n')[1]).toMatch(/^BABA,BABA,Alibaba,NYSE,USD,2025-02-28,136,100,http/);
    const bad = await get('/company/BABA?prices-from=soon');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('prices-from');
  });

  it('marks the year’s largest daily moves on the lines', async () => {
    const s = section((await get('/company/BABA?prices=BABA&prices-from=2025-02-01')).body);
    expect(await frameChart(s)).toContain('+14.0% on the day, the largest move of 2025');
    expect(s).toContain('dots mark each year’s largest daily moves');
  });

  it('shows a company without prices an empty state with the command that loads them', async () => {
    const s = section((await get('/company/MSFT')).body);
    expect(s).toContain('No share prices stored for MSFT');
    expect(s).toContain('<code>airace prices sync MSFT</code>');
    expect(s).not.toContain('<figure');
  });
});

describe('explore', () => {
  it('shows the share prices of the companies charted, and keeps the chart’s settings in its form', async () => {
    const res = await get('/explore?metric=revenue&companies=BABA&period=fy');
    const s = section(res.body);
    expect(s).toContain('id="prices-chart"');
    expect(s).toContain('<input type="hidden" name="metric" value="revenue">');
    expect(s).toContain('<input type="hidden" name="companies" value="BABA">');
    const json = (await get('/explore.json?companies=BABA&prices=BABA,9988.HK&prices-from=2025-01-01')).json();
    expect(json.prices.result.listings.map((l: { listing: string; points: { index: number }[] }) => [l.listing, l.points[0]!.index])).toEqual([
      ['BABA', 100],
      ['9988.HK', 100],
    ]);
  });
});

describe('the timeline', () => {
  it('lists the largest daily moves as market events, cited to the download, but leaves them off capex charts', async () => {
    const events = (await get('/api/v1/events?companies=BABA&kind=market&from=2025-02-21&to=2025-02-21')).json().events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: '2025-02-21-market-baba-move',
      kind: 'market',
      title: 'Alibaba shares rise 14.0% in a day on NYSE, their largest daily move of 2025',
      companies: [{ name: 'BABA', ticker: 'BABA' }],
      sourceUrl: `${source.baseUrl}?s=baba.us&i=d`,
    });
    expect(events[0].note).toMatch(/^BABA \(NYSE ADR\): close 136\.80 USD on 2025-02-21 against 120\.00 on 2025-02-20; computed by airace from 127\.0\.0\.1 daily closes retrieved /);
    const overview = (await get('/')).body;
    expect(overview).toContain('Alibaba shares rise 14.0% in a day on NYSE');
    const chart = (await get('/explore.json?metric=capex&companies=BABA&annotate=true')).json();
    expect(chart.events.filter((e: { kind: string; id: string }) => e.kind === 'market' && e.id.endsWith('-move'))).toEqual([]);
  });
});
