// Event markers sit at their dates on the chart's own time scale. The expected x is computed
// here from the scale Vega builds for the rendered spec (domain, range, bandwidth/step) and
// the date's place in its period, then compared with the rules found in the SVG.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import type { RaceEvent } from '../../src/model/race-event.js';
import type { SeriesResult } from '../../src/model/series.js';
import { getSeries, type SeriesRequest } from '../../src/series/engine.js';
import { chartEvents } from '../../src/series/chart-events.js';
import { buildChart } from '../../src/chart/chart.js';
import { chartPreset } from '../../src/chart/presets.js';
import { renderSvg } from '../../src/chart/render.js';
import { formatEventDate } from '../../src/chart/format-event-date.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { csvEvents, namesOf } from './events-csv-file.js';
import { svgRules } from './svg-marks.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
});
afterAll(() => store.close());

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The calendar year or quarter a date falls in, and how far through it (these charts' periods are calendar ones). */
function calendarPlace(date: string, period: 'year' | 'quarter') {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const [start, end] = period === 'year' ? [`${y}-01-01`, `${y + 1}-01-01`] : [new Date(Date.UTC(y, q * 3, 1)), new Date(Date.UTC(y, q * 3 + 3, 1))].map((d) => d.toISOString().slice(0, 10));
  return { year: y, quarter: q + 1, fraction: (t(date) - t(start!)) / (t(end!) - t(start!)) };
}

async function xScaleOf(spec: TopLevelSpec) {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  const x = view.scale('x') as any;
  view.finalize();
  return x;
}

async function drawn(request: SeriesRequest, type: string, events: (r: SeriesResult) => Promise<RaceEvent[]>) {
  const result = await getSeries(store.db, request);
  const annotations = await events(result);
  const spec = buildChart(result, { type, annotations });
  const svg = await renderSvg(spec);
  const rules = svgRules(svg).filter((r) => r.label.startsWith('Event, '));
  const eventOf = (label: string) => annotations.find((e) => label === `Event, ${formatEventDate(e.date)}: ${e.title}`)!;
  return { spec, rules: rules.map((r) => ({ ...r, event: eventOf(r.label) })), annotations, x: await xScaleOf(spec) };
}

describe('event markers on the time scale', () => {
  it('places each seed-article event inside its fiscal-year band at the fraction of the year elapsed', async () => {
    const seed = chartPreset('seed');
    const { spec, rules, annotations, x } = await drawn(seed.request, 'grouped', (r) => chartEvents(store.db, r, seed.annotate));
    expect(annotations.map((e) => e.id)).toEqual(seed.annotate!.ids);
    expect(rules).toHaveLength(annotations.length);
    expect(x.domain()).toEqual(['FY2022', 'FY2023', 'FY2024', 'FY2025']);
    for (const r of rules) {
      // Three of the four companies' fiscal years are calendar years, so FY2025 stands for 2025.
      const p = calendarPlace(r.event.date, 'year');
      expect(r.x).toBeCloseTo(x(`FY${p.year}`) + p.fraction * x.bandwidth(), 6);
      expect(r.x).toBeGreaterThanOrEqual(x(`FY${p.year}`));
      expect(r.x).toBeLessThan(x(`FY${p.year}`) + x.bandwidth());
      expect(r.y2).toBe((spec.usermeta as any).airace.layout.plotHeight);
    }
    // 24 Feb is later than 20 Jan: markers keep time order.
    expect(rules.map((r) => r.event.date)).toEqual([...rules.map((r) => r.event.date)].sort());
  });

  it('spreads a line chart’s period over one step centred on its point', async () => {
    const request: SeriesRequest = { metric: 'capex', tickers: ['GOOGL', 'META'], period: 'cy', from: '2023', to: '2025' };
    const { rules, x } = await drawn(request, 'line', (r) => chartEvents(store.db, r, { kinds: ['guidance'] }));
    expect(rules.length).toBeGreaterThan(3);
    for (const r of rules) {
      const p = calendarPlace(r.event.date, 'year');
      expect(r.x).toBeCloseTo(x(String(p.year)) - x.step() / 2 + p.fraction * x.step(), 6);
    }
  });

  it('places events inside quarter bands of a stacked chart', async () => {
    const request: SeriesRequest = { metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META'], period: 'quarter', from: '2024-Q4', to: '2025-Q4' };
    const { rules, x } = await drawn(request, 'stacked', (r) => chartEvents(store.db, r, {}));
    expect(rules.length).toBeGreaterThan(5);
    for (const r of rules) {
      const p = calendarPlace(r.event.date, 'quarter');
      expect(r.x).toBeCloseTo(x(`${p.year}-Q${p.quarter}`) + p.fraction * x.bandwidth(), 6);
    }
  });
});

describe('which events a chart marks', () => {
  const request: SeriesRequest = { metric: 'capex', tickers: ['GOOGL', 'META'], period: 'cy', from: '2023', to: '2025' };
  const inRange = (date: string) => date >= '2023-01-01' && date <= '2025-12-31';
  const idOf = (e: (typeof csvEvents)[number]) => `${e.date}-${e.kind}-${namesOf(e)[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

  it('draws exactly the events that name a company shown', async () => {
    const { rules } = await drawn(request, 'grouped', (r) => chartEvents(store.db, r, {}));
    const expected = csvEvents.filter((e) => inRange(e.date) && namesOf(e).some((n) => n === 'GOOGL' || n === 'META')).map(idOf);
    expect(rules.map((r) => r.event.id).sort()).toEqual(expected.sort());
    expect(rules.every((r) => r.event.companies.some((c) => c.ticker === 'GOOGL' || c.ticker === 'META'))).toBe(true);
  });

  it('adds events about companies outside the store when their kind is asked for, never other stored companies’', async () => {
    const { rules } = await drawn(request, 'grouped', (r) => chartEvents(store.db, r, { kinds: ['model'] }));
    const stored = ['AMZN', 'MSFT', 'GOOGL', 'META', 'BABA'];
    const expected = csvEvents
      .filter((e) => inRange(e.date) && e.kind === 'model')
      .filter((e) => namesOf(e).some((n) => n === 'GOOGL' || n === 'META') || namesOf(e).every((n) => !stored.includes(n)))
      .map(idOf);
    expect(rules.map((r) => r.event.id).sort()).toEqual(expected.sort());
    expect(rules.some((r) => r.event.companies.some((c) => c.name === 'DeepSeek'))).toBe(true);
    expect(rules.some((r) => r.event.companies.some((c) => c.ticker === 'BABA'))).toBe(false);
  });

  it('leaves out events outside the chart’s periods and says so', async () => {
    const { spec, rules } = await drawn(request, 'grouped', (r) => chartEvents(store.db, r, { kinds: ['guidance'] }));
    const meta = (spec.usermeta as any).airace.annotations;
    expect(meta.omitted.length).toBeGreaterThan(0);
    expect(meta.omitted.every((id: string) => id >= '2026')).toBe(true);
    expect(meta.placed.map((p: { id: string }) => p.id).sort()).toEqual(rules.map((r) => r.event.id).sort());
  });
});
