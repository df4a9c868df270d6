// Labels stay readable where events crowd together (January–February 2025): no two labels,
// badges or list lines overlap, none covers the top of a bar (where a value would be read),
// and no marker's rule runs through another marker's label. Checked on the rendered SVG with
// text widths from the bundled font, and by golden snapshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { EVENT_KINDS } from '../../src/model/race-event.js';
import { getSeries, type SeriesRequest } from '../../src/series/engine.js';
import { chartEvents, type AnnotateRequest } from '../../src/series/chart-events.js';
import { buildChart } from '../../src/chart/chart.js';
import { chartPreset } from '../../src/chart/presets.js';
import { renderSvg, renderVegaLiteJson } from '../../src/chart/render.js';
import { layoutLane } from '../../src/chart/annotation-layout.js';
import { dodge } from '../../src/chart/dodge.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { assertSnapshot, normaliseSvg } from '../chart/snapshot.js';
import { overlaps, svgBarBoxes, svgBadges, svgRules, svgTexts, type Box } from './svg-marks.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
});
afterAll(() => store.close());

/** A bar's top value region: as wide as the bar, one 14px text line above its top. */
const VALUE_LINE = 14;

async function annotated(request: SeriesRequest, type: string, annotate: AnnotateRequest, filter: (id: string) => boolean = () => true) {
  const result = await getSeries(store.db, request);
  const events = (await chartEvents(store.db, result, annotate)).filter((e) => filter(e.id));
  const spec = buildChart(result, { type, annotations: events });
  const svg = await renderSvg(spec);
  const isEvent = (m: { label: string }) => m.label.startsWith('Event, ');
  const circles = svgBadges(svg).filter((b) => b.label.split('; ').every((l) => l.startsWith('Event, ')));
  const plotHeight = (spec.usermeta as any).airace.layout.plotHeight as number;
  // Badge numbers sit inside their disc by design: the disc stands for both.
  const texts = svgTexts(svg).filter(isEvent).filter((tx) => !circles.some((c) => c.label === tx.label && tx.left >= c.left - 1 && tx.right <= c.right + 1));
  return { spec, svg, events, texts, circles, plotHeight, rules: svgRules(svg).filter(isEvent), bars: svgBarBoxes(svg) };
}

function expectReadable({ texts, circles, rules, bars }: Awaited<ReturnType<typeof annotated>>) {
  const boxes: (Box & { label: string; what: string })[] = [
    ...texts.map((tx) => ({ ...tx, what: `text "${tx.text}"` })),
    ...circles.map((c) => ({ ...c, what: 'badge' })),
  ];
  expect(boxes.length).toBeGreaterThan(0);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.what} overlaps ${boxes[j]!.what}`).toBe(false);
    }
  }
  for (const b of boxes) {
    for (const bar of bars) {
      const valueRegion = { left: bar.left, right: bar.right, top: bar.top - VALUE_LINE, bottom: bar.top };
      expect(overlaps(b, valueRegion), `${b.what} covers the top of ${bar.label}`).toBe(false);
    }
  }
  // A rule may only pass its own label.
  for (const r of rules) {
    for (const b of boxes) {
      if (b.label === r.label) continue;
      const crosses = b.left < r.x && r.x < b.right && b.top < r.y2 && r.y1 < b.bottom;
      expect(crosses, `the rule of "${r.label}" runs through ${b.what}`).toBe(false);
    }
  }
}

const DENSE: AnnotateRequest = { kinds: [...EVENT_KINDS], from: '2025-01-01', to: '2025-02-28' };
const QUARTERS: SeriesRequest = { metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META'], period: 'quarter', from: '2024-Q4', to: '2025-Q2' };

describe('annotation labels in a dense period (January–February 2025)', () => {
  it('numbers the markers and lists every event under the chart, overlapping nothing', async () => {
    const chart = await annotated(QUARTERS, 'grouped', DENSE);
    expect(chart.events.length).toBeGreaterThanOrEqual(8);
    expect((chart.spec.usermeta as any).airace.annotations.mode).toBe('numbered');
    // One badge per event in the list, one line each; in the lane, events closer together than
    // a badge is wide share one badge ("3–5") instead of stacking discs side by side.
    const lane = chart.circles.filter((c) => c.bottom < 0);
    const listed = chart.circles.filter((c) => c.top > chart.plotHeight);
    expect(listed).toHaveLength(chart.events.length);
    expect(lane.length).toBeLessThan(chart.events.length);
    expect(lane.flatMap((c) => c.label.split('; ')).sort()).toEqual(listed.map((c) => c.label).sort());
    const lines = chart.texts.filter((tx) => tx.top > chart.plotHeight);
    expect(lines).toHaveLength(chart.events.length);
    chart.events.forEach((e, i) => expect(lines[i]!.text).toContain(e.title));
    expectReadable(chart);
    // The lane sits above the plot; the list below the period labels.
    for (const c of chart.circles) expect(c.bottom < 0 || c.top > chart.plotHeight).toBe(true);
  });

  it('snapshot: annotated-dense-jan-feb-2025', async () => {
    const { spec, svg } = await annotated(QUARTERS, 'grouped', DENSE);
    assertSnapshot('annotated-dense-jan-feb-2025', 'vl.json', renderVegaLiteJson(spec));
    assertSnapshot('annotated-dense-jan-feb-2025', 'svg', normaliseSvg(svg));
  });

  it('snapshot: the seed chart with the events the article mentions', async () => {
    const seed = chartPreset('seed');
    const result = await getSeries(store.db, seed.request);
    const spec = buildChart(result, { type: seed.type, ...seed.options, annotations: await chartEvents(store.db, result, seed.annotate) });
    const svg = await renderSvg(spec);
    expectReadable({ spec, svg, events: [], plotHeight: 0, texts: svgTexts(svg).filter((x) => x.label.startsWith('Event, ')), circles: svgBadges(svg).filter((c) => c.label.startsWith('Event, ')), rules: svgRules(svg).filter((r) => r.label.startsWith('Event, ')), bars: svgBarBoxes(svg) });
    assertSnapshot('seed-annotated', 'vl.json', renderVegaLiteJson(spec));
    assertSnapshot('seed-annotated', 'svg', normaliseSvg(svg));
  });
});

describe('annotation labels where there is room', () => {
  it('writes titles beside their rules, staggered, overlapping nothing', async () => {
    const request: SeriesRequest = { metric: 'capex', tickers: ['GOOGL'], period: 'cy', from: '2023', to: '2025' };
    const chart = await annotated(request, 'grouped', { kinds: ['model'] }, (id) => id.endsWith('-googl'));
    expect((chart.spec.usermeta as any).airace.annotations.mode).toBe('labels');
    expect(chart.texts.map((tx) => tx.text).sort()).toEqual(chart.events.map((e) => e.title).sort());
    expectReadable(chart);
  });

  it('staggers labels into rows on a wide chart, overlapping nothing', async () => {
    const request: SeriesRequest = { metric: 'capex', tickers: ['META'], period: 'quarter', from: '2025-Q1', to: '2025-Q4' };
    const result = await getSeries(store.db, request);
    const events = await chartEvents(store.db, result, {});
    const spec = buildChart(result, { type: 'grouped', width: 1100, annotations: events });
    const svg = await renderSvg(spec);
    const isEvent = (m: { label: string }) => m.label.startsWith('Event, ');
    const texts = svgTexts(svg).filter(isEvent);
    expect((spec.usermeta as any).airace.annotations.mode).toBe('labels');
    const placed = (spec.usermeta as any).airace.annotations.placed as { title: string }[];
    expect(placed.length).toBeGreaterThanOrEqual(4);
    expect(texts.map((tx) => tx.text).sort()).toEqual(placed.map((p) => p.title).sort());
    expect(new Set(texts.map((tx) => tx.y)).size).toBeGreaterThan(1);
    expectReadable({ spec, svg, events, texts, circles: [], plotHeight: 0, rules: svgRules(svg).filter(isEvent), bars: svgBarBoxes(svg) });
  });

  it('staggers close labels into rows rather than overlapping them', () => {
    const lane = layoutLane(
      [
        { id: 'a', x: 100, label: 'Alphabet lifts its 2025 capex plan to $85bn' },
        { id: 'b', x: 140, label: 'OpenAI launches GPT-5' },
      ],
      720,
    );
    expect(lane.mode).toBe('labels');
    expect(new Set(lane.placements.map((p) => p.row)).size).toBe(2);
  });

  it('dodges badges apart while keeping their order and staying close', () => {
    const centres = dodge([100, 100, 101, 300], 18, 7, 713);
    expect(centres[1]! - centres[0]!).toBeCloseTo(18);
    expect(centres[2]! - centres[1]!).toBeCloseTo(18);
    expect((centres[0]! + centres[1]! + centres[2]!) / 3).toBeCloseTo(301 / 3);
    expect(centres[3]).toBe(300);
    expect(dodge([0, 1], 18, 7, 713)[0]).toBe(7);
  });
});
