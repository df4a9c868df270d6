// What issue 11 asks every surface to say about a figure: a group total cites all its members'
// documents, a derived quarter its year-to-date filings, caveats sit beside the figure and in the
// chart tooltip, "data as of" is on every page, chart, CSV and JSON response, and the newest
// quarter (calendar Q2 2026) reaches the leaderboard and the quarterly views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { testServer, type TestServer } from './test-server.js';
import { getSeries } from '../../src/series/engine.js';
import { DATA_AS_OF_COLUMNS } from '../../src/views/csv.js';

describe('data of record on the surfaces', () => {
  let server: TestServer;
  const get = (url: string) => server.app.inject({ url });
  beforeAll(async () => {
    server = await testServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('a big-four total cites every member’s documents, in JSON and beside the figure on the page', async () => {
    const r = await getSeries(server.store.db, { metric: 'capex', tickers: ['GROUP4'], period: 'cy', from: '2024', to: '2024' });
    const p = r.series[0]!.points[0]!;
    expect(p.value).not.toBeNull();
    expect(new Set(p.sources.map((s) => s.ticker))).toEqual(new Set(['AMZN', 'MSFT', 'GOOGL', 'META']));
    // On the overview the total's cell lists the documents by company.
    const body = (await get('/')).body;
    const table = body.slice(body.indexOf('<table id="bigfour-table"'), body.indexOf('</table>', body.indexOf('<table id="bigfour-table"')));
    const row = /<tr><th scope="row">2024<\/th>([\s\S]*?)<\/tr>/.exec(table)![1]!;
    for (const name of ['Amazon', 'Microsoft', 'Alphabet', 'Meta']) expect(row).toContain(`<li>${name}: <span class="citation">`);
    const listed = [...row.matchAll(/<a class="doc" href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(new Set(listed)).toEqual(new Set(p.sources.map((s) => s.url)));
    // The CSV row of the total cites the same documents, with what each is and how it was verified.
    const csv = parse((await get('/api/v1/series.csv?metric=capex&companies=GROUP4&period=cy&from=2024&to=2024')).body, { columns: true }) as Record<string, string>[];
    const urls = csv[0]!.source_urls!.split(' ');
    expect(new Set(urls)).toEqual(new Set(p.sources.map((s) => s.url)));
    expect(csv[0]!.verified!.split(' ')).toHaveLength(urls.length);
    expect(csv[0]!.source_documents!.split('; ')).toHaveLength(urls.length);
    const owners = csv[0]!.source_documents!.split('; ').map((d) => d.split(':')[0]);
    expect(new Set(owners)).toEqual(new Set(['AMZN', 'MSFT', 'GOOGL', 'META']));
  });

  it('a quarter derived from year-to-date figures cites the filings it came from', async () => {
    const r = await getSeries(server.store.db, { metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META', 'BABA'], period: 'quarter', from: '2020-Q1', to: '2026-Q2' });
    // Q2 = H1 − Q1, Q4 = FY − 9M: one longer figure less one before it (the year less three quarters is the next test).
    const derived = r.series.flatMap((s) => s.points).filter((p) => p.derived && p.value !== null && /^Q\d = \S+ − \S+$/.test(p.derivation ?? ''));
    expect(derived.length, 'some quarter in the bundled data is derived from year-to-date figures').toBeGreaterThan(0);
    for (const p of derived) {
      // Q4 = FY − 9M: the first document is the longer year-to-date figure ending with the quarter,
      // the others cover the months before it.
      const [ytd, ...before] = p.sources;
      expect(before.length, p.label).toBeGreaterThanOrEqual(1);
      expect(ytd!.periodEnd, p.label).toBe(p.end);
      expect(ytd!.periodStart! < p.start, p.label).toBe(true);
      for (const s of before) expect(s.periodEnd < p.start, p.label).toBe(true);
      // Where the earlier documents do not overlap, the quarter is the difference of what they state.
      const sorted = [...before].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
      if (sorted.every((s, i) => i === 0 || (s.periodStart ?? '') > sorted[i - 1]!.periodEnd)) {
        expect(p.value, p.label).toBeCloseTo(ytd!.value - before.reduce((t, s) => t + s.value, 0), 0);
      }
    }
  });

  it('a quarter taken as the fiscal year less three stated quarters cites all four', async () => {
    const r = await getSeries(server.store.db, { metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META', 'BABA'], period: 'quarter', from: '2020-Q1', to: '2026-Q2' });
    const derived = r.series.flatMap((s) => s.points).filter((p) => p.derived && p.value !== null && /^Q\d = FY − Q\d − Q\d − Q\d$/.test(p.derivation ?? ''));
    expect(derived.length, 'Alibaba FY2026 Q3 capex in the bundled data').toBeGreaterThan(0);
    for (const p of derived) {
      const [year, ...quarters] = p.sources;
      expect(quarters, p.label).toHaveLength(3);
      expect(year!.periodStart! <= p.start && p.end <= year!.periodEnd, p.label).toBe(true);
      for (const q of quarters) expect(q.periodEnd < p.start || q.periodStart! > p.end, p.label).toBe(true);
      // Sources are in the reporting currency; the point may be converted at a stated rate.
      expect(p.value! * (p.fx?.rate ?? 1), p.label).toBeCloseTo(year!.value - quarters.reduce((t, q) => t + q.value, 0), 0);
    }
  });

  it('shows a caveat beside the figure on the page and in the chart tooltip', async () => {
    const d = (await get('/company/BABA.json')).json();
    const caveated = d.byYear.find((r: { metric: string }) => r.metric === 'capex').series[0].points.find((p: { value: number | null; sources: { confidence: string }[] }) => p.value !== null && p.sources.some((s) => s.confidence === 'low'));
    expect(caveated, 'a low-confidence Alibaba capex year in the bundled data').toBeDefined();
    const page = (await get('/company/BABA')).body;
    const cell = new RegExp(`data-value="${caveated.value}"[^>]*>[^<]*</a>(?:<span class="mark"[^>]*>[^<]*</span>)*<span class="caveats"><span class="caveat caveat-low-confidence"`);
    expect(page).toMatch(cell);
    const spec = (await get(`/api/v1/chart.vl.json?metric=capex&companies=BABA&period=fy`)).json();
    const row = spec.data.values.find((v: { value: number | null }) => v.value === caveated.value);
    expect(row.caveats).toMatch(/low confidence/);
    const tooltip = JSON.stringify(spec.layer[0]);
    expect(tooltip).toContain('caveats: ');
  });

  it('says how current the data is on every page, chart, CSV and JSON response', async () => {
    for (const path of ['/', '/company/AMZN', '/explore?metric=capex&companies=AMZN&period=fy', '/methodology', '/check']) {
      const body = (await get(path)).body;
      expect(body, path).toMatch(/<p class="data-as-of"[^>]*>Data as of: (figures to <time datetime="\d{4}-\d{2}-\d{2}">|newest document)/);
    }
    for (const path of ['/index.json', '/company/AMZN.json', '/methodology.json', '/api/v1/series?metric=capex&companies=AMZN&period=fy', '/api/v1/facts?ticker=AMZN', '/api/v1/companies', '/api/v1/metrics']) {
      const json = (await get(path)).json();
      expect(json.dataAsOf ?? json.result?.dataAsOf, path).toMatchObject({ newestPeriodEnd: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), newestDocumentDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    }
    // A check report is as current as the figures its claims were compared against.
    const check = (await server.app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'Amazon spent $83 billion on capital expenditures in 2024.', date: '2025-06-01' } })).json();
    expect(check.claims[0].actual.end).toBe('2024-12-31');
    expect(check.dataAsOf).toEqual({ newestPeriodEnd: '2024-12-31', newestDocumentDate: check.claims[0].sources.map((s: { filed: string | null }) => s.filed).sort().at(-1) });
    // Events report statements, not periods: they are as current as the newest statement.
    const events = (await get('/api/v1/events')).json();
    expect(events.dataAsOf.newestDocumentDate).toBe(events.events.map((e: { date: string }) => e.date).sort().at(-1));
    for (const path of ['/index.csv', '/company/AMZN.csv', '/api/v1/series.csv?metric=capex&companies=AMZN&period=fy', '/api/v1/facts.csv?ticker=AMZN', '/api/v1/events.csv', '/methodology.csv?table=verification']) {
      const rows = parse((await get(path)).body, { columns: true }) as Record<string, string>[];
      expect(rows.length, path).toBeGreaterThan(0);
      for (const c of DATA_AS_OF_COLUMNS) expect(rows[0], path).toHaveProperty(c);
    }
    const spec = (await get('/api/v1/chart.vl.json?metric=capex&companies=AMZN,MSFT&period=fy')).json();
    const footer = spec.layer.at(-1).data.values[0].text.join(' ');
    expect(footer).toMatch(/Data as of: figures to \d{4}-\d{2}-\d{2}/);
    const svg = (await get('/api/v1/chart.svg?metric=capex&companies=AMZN,MSFT&period=fy')).body;
    expect(svg).toMatch(/<tspan[^>]*>Data as of: figures to \d{4}-\d{2}-\d{2}/);
  });

  it('says "data as of" once under each chart: in the chart it draws (which a download carries), not again in the frame', async () => {
    let frames = 0;
    for (const path of ['/', '/company/AMZN', '/explore?metric=capex&companies=AMZN,MSFT&period=fy', '/embed?preset=seed']) {
      const body = (await get(path)).body;
      for (const m of body.matchAll(/<figure class="frame" id="([^"]+)" data-chart data-src="([^"]+)">([\s\S]*?)<\/figure>/g)) {
        const [, id, src, inner] = m;
        frames++;
        const caption = /<figcaption class="frame-foot">([\s\S]*?)<\/figcaption>/.exec(inner!)![1]!;
        expect(caption, `${path} #${id}`).not.toMatch(/data as of/i);
        const svg = (await get(src!.replace(/&amp;/g, '&'))).body;
        expect(svg.match(/>Data as of: /g), `${path} #${id}: ${src}`).toHaveLength(1);
      }
    }
    expect(frames).toBeGreaterThan(5);
  });

  it('carries calendar Q2 2026 into the leaderboard’s trailing twelve months and the quarterly views, for every company that has it', async () => {
    const d = (await get('/index.json')).json();
    for (const row of d.leaderboard.rows) {
      const quarters = await getSeries(server.store.db, { metric: 'capex', tickers: [row.ticker], period: 'quarter', from: '2026-Q2', to: '2026-Q2' });
      const ttm = await getSeries(server.store.db, { metric: 'capex', tickers: [row.ticker], period: 'ttm', from: '2026-Q2', to: '2026-Q2' });
      const company = (await get(`/company/${row.ticker}.json`)).json();
      const capexQuarters = company.byQuarter.find((r: { metric: string }) => r.metric === 'capex').series[0].points;
      if (quarters.series[0]!.points[0]!.value !== null) expect(capexQuarters.at(-1).label, row.ticker).toBe('2026-Q2');
      if (ttm.series[0]!.points[0]!.value !== null) expect(row.capexTtm.label, row.ticker).toBe('TTM 2026-Q2');
    }
    // Every one of the five has its June 2026 quarter of capex in the bundled data.
    const withQ2 = await getSeries(server.store.db, { metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META', 'BABA'], period: 'quarter', from: '2026-Q2', to: '2026-Q2' });
    expect(withQ2.series.map((s) => [s.ticker, s.points[0]!.value !== null])).toEqual([['AMZN', true], ['MSFT', true], ['GOOGL', true], ['META', true], ['BABA', true]]);
  });
});
