// Charts are laid out for the width they are shown at, on the bundled data: at every width from
// a small phone to a wide desktop, no text is smaller than 11 px, nothing runs outside the chart,
// and no two period labels overlap, checked on the SVG (boxes from the bundled font) and on the
// PNG (the pixels resvg inks for each label, rendered alone).
import resvg from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { getSeries, type SeriesRequest } from '../../src/series/engine.js';
import { buildChart } from '../../src/chart/chart.js';
import { renderSvg, resvgOptions } from '../../src/chart/render.js';
import { MIN_FONT_SIZE } from '../../src/chart/theme.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { overlapping, svgSize, svgTextBoxes, type TextBox } from './svg-layout.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
});
afterAll(() => store.close());

const FOUR = ['AMZN', 'MSFT', 'GOOGL', 'META'];
const CHARTS: [string, SeriesRequest, string][] = [
  ['quarterly line', { metric: 'capex', tickers: FOUR, period: 'quarter' }, 'line'],
  ['TTM columns', { metric: 'capex', tickers: FOUR, period: 'ttm' }, 'grouped'],
  ['fiscal-year columns', { metric: 'capex', tickers: [...FOUR, 'BABA'], period: 'fy', currency: 'USD' }, 'grouped'],
  ['calendar-year stack', { metric: 'capex', tickers: FOUR, period: 'cy' }, 'stacked'],
  ['Alibaba quarters', { metric: 'revenue', tickers: ['BABA'], period: 'quarter' }, 'grouped'],
];
const WIDTHS = [320, 390, 640, 800, 1200];

/** The box resvg inks for one text, drawn alone at its place in an SVG of the chart's size. */
async function inkedBox(t: TextBox, width: number, height: number): Promise<{ left: number; right: number; top: number; bottom: number } | null> {
  const esc = t.text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${t.left}" y="${t.bottom - 0.25 * t.fontSize}" font-family="IBM Plex Sans" font-size="${t.fontSize}">${esc}</text></svg>`;
  const image = await resvg.renderAsync(svg, resvgOptions());
  // `pixels` copies the image out of resvg on every read: read it once.
  const pixels = image.pixels;
  let box: { left: number; right: number; top: number; bottom: number } | null = null;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (pixels[(y * image.width + x) * 4 + 3]! === 0) continue;
      box = box ? { left: Math.min(box.left, x), right: Math.max(box.right, x + 1), top: Math.min(box.top, y), bottom: Math.max(box.bottom, y + 1) } : { left: x, right: x + 1, top: y, bottom: y + 1 };
    }
  }
  return box;
}

describe('charts laid out for their width', () => {
  for (const [name, request, type] of CHARTS) {
    it(`${name}: readable at ${WIDTHS.join(', ')} px`, async () => {
      const result = await getSeries(store.db, request);
      for (const width of WIDTHS) {
        const svg = await renderSvg(buildChart(result, { type, width }));
        const size = svgSize(svg);
        expect(size.width, `${name} at ${width}`).toBeLessThanOrEqual(width);
        expect(size.width, `${name} at ${width}`).toBeGreaterThanOrEqual(width - 24);
        const texts = svgTextBoxes(svg);
        for (const t of texts) {
          expect(t.fontSize, `"${t.text}" at ${width}`).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
          expect(t.left, `"${t.text}" starts outside the chart at ${width}`).toBeGreaterThanOrEqual(0);
          expect(t.right, `"${t.text}" ends outside the chart at ${width}`).toBeLessThanOrEqual(size.width + 0.5);
        }
        const labels = texts.filter((t) => t.axis !== null);
        expect(labels.length, `${name} at ${width} has axis labels`).toBeGreaterThan(2);
        for (const axis of ['x', 'y'] as const) {
          const own = labels.filter((t) => t.axis === axis);
          for (let i = 0; i < own.length; i++) {
            for (let j = i + 1; j < own.length; j++) {
              expect(overlapping(own[i]!, own[j]!, 2), `${name} at ${width}: "${own[i]!.text}" overlaps "${own[j]!.text}"`).toBe(false);
            }
          }
        }
      }
    });
  }

  it('period labels do not overlap in the PNG either (the pixels resvg inks)', async () => {
    const result = await getSeries(store.db, { metric: 'capex', tickers: FOUR, period: 'ttm' });
    for (const width of [390, 800]) {
      const svg = await renderSvg(buildChart(result, { type: 'grouped', width }));
      const size = svgSize(svg);
      const boxes = await Promise.all(
        svgTextBoxes(svg)
          .filter((t) => t.axis === 'x')
          .map(async (t) => ({ t, ink: await inkedBox(t, size.width, size.height) })),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      for (const b of boxes) expect(b.ink, `"${b.t.text}" is drawn inside the image`).not.toBeNull();
      for (let i = 1; i < boxes.length; i++) {
        const [a, b] = [boxes[i - 1]!.ink!, boxes[i]!.ink!];
        expect(a.right, `"${boxes[i - 1]!.t.text}" and "${boxes[i]!.t.text}" at ${width}`).toBeLessThan(b.left);
      }
    }
  });

  it('turns grouped columns into horizontal bars on a phone, every bar labelled with its value', async () => {
    const result = await getSeries(store.db, { metric: 'capex', tickers: FOUR, period: 'fy', from: '2022', to: '2025' });
    const narrow = buildChart(result, { type: 'grouped', width: 360 });
    expect((narrow.usermeta as any).airace.layout.orientation).toBe('horizontal');
    const svg = await renderSvg(narrow);
    const values = svgTextBoxes(svg).filter((t) => /^\$\d/.test(t.text) && t.axis === null);
    const present = result.series.flatMap((s) => s.points.filter((p) => p.value !== null));
    expect(values).toHaveLength(present.length);
    expect((buildChart(result, { type: 'grouped', width: 800 }).usermeta as any).airace.layout.orientation).toBe('vertical');
  });

  it('labels money axes "$0", "$50B" … and names lines at their ends instead of a legend', async () => {
    const result = await getSeries(store.db, { metric: 'capex', tickers: FOUR, period: 'fy', from: '2022', to: '2025' });
    const svg = await renderSvg(buildChart(result, { type: 'line', width: 800 }));
    const y = svgTextBoxes(svg).filter((t) => t.axis === 'y').map((t) => t.text);
    expect(y[0]).toBe('$0');
    for (const label of y.slice(1)) expect(label).toMatch(/^\$\d+B$/);
    const texts = svgTextBoxes(svg).map((t) => t.text);
    for (const s of result.series) expect(texts.filter((t) => t === s.name)).toHaveLength(1);
  });

  it('leaves out periods at the end with no figure and names them once', async () => {
    const result = await getSeries(store.db, { metric: 'capex', tickers: FOUR, period: 'fy', from: '2023', to: '2027' });
    const spec = buildChart(result, { type: 'grouped' });
    expect((spec.usermeta as any).airace.layout.periods.at(-1)).not.toBe('FY2027');
    const svg = await renderSvg(spec);
    expect(svg).toMatch(/No figures yet for FY202\d(–FY2027| and FY2027)?, so (it is|they are) not drawn\./);
  });
});
