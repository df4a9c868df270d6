import resvg from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontsDir } from '../../src/chart/font-files.js';
import { renderPng, renderSvg, renderVegaLiteJson, resvgOptions, svgToPng } from '../../src/chart/render.js';
import { groupedColumnSpec } from '../../src/chart/specs/grouped-column.js';
import { stackedColumnSpec } from '../../src/chart/specs/stacked-column.js';
import { capexSeries, withIncompleteAlphabet, withMissingAlphabet } from './fixture-series.js';
import { svgBars } from './svg-bars.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const svgSize = (svg: string) => {
  const m = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};

describe('renderSvg', async () => {
  const result = withMissingAlphabet();
  const svg = await renderSvg(groupedColumnSpec(result));
  const bars = svgBars(svg);
  const points = result.series.flatMap((s) => s.points.map((p) => ({ name: s.name, colour: s.colour, ...p })));
  const barOf = (name: string, label: string) => bars.filter((b) => b.label.startsWith(`${name}, ${label}:`));

  it('draws one bar per present value and none for the missing one', () => {
    const present = points.filter((p) => p.value !== null);
    expect(bars).toHaveLength(present.length);
    for (const p of present) expect(barOf(p.name, p.label)).toHaveLength(1);
    expect(barOf('Alphabet', 'FY2025')).toHaveLength(0);
    // The gap is named once, under the chart, instead of text in the empty slot.
    expect(svg).toContain('>Gap: Alphabet FY2025 (no data).</text>');
  });

  it('orders bar heights like the values; the tallest is the largest value', () => {
    const present = points.filter((p) => p.value !== null);
    const byValue = [...present].sort((a, b) => a.value! - b.value!).map((p) => `${p.name} ${p.label}`);
    const byHeight = present
      .map((p) => ({ key: `${p.name} ${p.label}`, height: barOf(p.name, p.label)[0].height }))
      .sort((a, b) => a.height - b.height)
      .map((b) => b.key);
    expect(byHeight).toEqual(byValue);
    const tallest = bars.reduce((a, b) => (b.height > a.height ? b : a));
    expect(tallest.label).toBe('Amazon, FY2025: $131.8B (reported)');
  });

  it('fills each bar with its company colour', () => {
    for (const b of bars) {
      const company = result.series.find((s) => b.label.startsWith(`${s.name},`))!;
      expect(b.fill).toBe(company.colour);
    }
    expect(new Set(bars.map((b) => b.fill))).toEqual(new Set(result.series.map((s) => s.colour)));
  });

  it('labels the value axis in billions of dollars, zero as "$0"', () => {
    expect(svg).toContain('>$140B</text>');
    expect(svg).toContain('>$0</text>');
    expect(svg).not.toContain('>$0B</text>');
  });

  it('is an accessible image with a title and description naming the largest value', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Grouped column chart of capital expenditures[^"]*Largest: Amazon FY2025, \$131.8B/);
    expect(svg).toMatch(/^<svg[^>]*><title>Capital expenditures of Amazon, Microsoft, Alphabet and Meta, fiscal years 2022–2025<\/title><desc>[^<]*Largest: Amazon FY2025, \$131.8B/);
    // The footer names the documents the bars cite (all annual: 10-Ks and Microsoft's investor pages) and how current they are.
    expect(svg).toContain('<tspan>Sources: Form 10-K filings, SEC EDGAR; Microsoft investor relations.</tspan>');
    expect(svg).toMatch(/<tspan[^>]*>Data as of: figures to 2025-12-31; newest document filed \d{4}-\d{2}-\d{2}<\/tspan>/);
  });

  it('names an incomplete value in the note and draws no bar for it', async () => {
    const marked = await renderSvg(groupedColumnSpec(withIncompleteAlphabet()));
    expect(marked).toContain('>Gap: Alphabet FY2025 (incomplete).</text>');
    expect(svgBars(marked).filter((b) => b.label.startsWith('Alphabet, FY2025'))).toHaveLength(0);
  });

  it('escapes markup in company names, titles and descriptions', async () => {
    const hostile = capexSeries();
    hostile.series[0].name = '<script>alert("x")</script> & Co';
    const spec = groupedColumnSpec(hostile, { title: 'Capex <b>&</b> "more"' });
    const out = await renderSvg(spec);
    expect(out).not.toMatch(/<script|<b>/);
    expect(out).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/);
    expect(out).toContain('<title>Capex &lt;b&gt;&amp;&lt;/b&gt; &quot;more&quot;</title>');
    expect(out).toContain('&lt;script&gt;alert(');
    // resvg parses the SVG as XML: it fails on a document that is not well formed.
    await expect(svgToPng(out)).resolves.toBeInstanceOf(Buffer);
  });

  it('renders stacked bars for every present value', async () => {
    const stacked = await renderSvg(stackedColumnSpec(result));
    expect(svgBars(stacked)).toHaveLength(15);
    // FY2025 lacks Alphabet: that column is pale and said to be incomplete, not a total.
    expect(stacked).toContain('>incomplete</text>');
    expect(stacked).toContain('no figure for Alphabet in FY2025.');
  });
});

describe('renderPng', () => {
  it('renders a PNG at the requested scale', async () => {
    const spec = groupedColumnSpec(capexSeries());
    const { width, height } = svgSize(await renderSvg(spec));
    const png = await renderPng(spec, { scale: 2 });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: width and height are the first fields after the chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * 2, height * 2]);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('draws text with the bundled fonts only', async () => {
    const text = (weight: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="8" y="30" font-family="IBM Plex Sans" font-weight="${weight}" font-size="24">Capex $131.8B</text></svg>`;
    const inked = (pixels: Buffer) => pixels.filter((_, i) => i % 4 === 3 && pixels[i] > 0).length;
    for (const weight of [400, 600]) {
      const image = await resvg.renderAsync(text(weight), resvgOptions());
      expect(inked(image.pixels)).toBeGreaterThan(500);
    }
    // Control: without font files nothing is drawn, so the check above would catch missing fonts.
    const blank = await resvg.renderAsync(text(400), { font: { loadSystemFonts: false } });
    expect(inked(blank.pixels)).toBe(0);
  });

  it('finds assets/fonts by walking up from the module', () => {
    for (const file of Object.values(FONT_FILES)) expect(existsSync(join(fontsDir(), file))).toBe(true);
  });

  it('rejects a scale that is not positive', async () => {
    await expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', { scale: 0 })).rejects.toThrow('invalid scale: 0');
  });

  it('refuses to rasterise beyond the pixel budget, whatever the scale', async () => {
    const huge = '<svg xmlns="http://www.w3.org/2000/svg" width="6000" height="5000"/>';
    await expect(svgToPng(huge, { scale: 1 })).rejects.toThrow(/6000×5000 chart at scale 1 would be 30 million pixels, over the limit of 25 million/);
    await expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000"/>', { scale: 6 })).rejects.toThrow(/36 million pixels/);
    expect((await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000"/>', { scale: 4 })).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('renderVegaLiteJson', () => {
  it('pretty-prints the spec', () => {
    const spec = groupedColumnSpec(capexSeries());
    const json = renderVegaLiteJson(spec);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(json).toContain('\n  "$schema": "https://vega.github.io/schema/vega-lite/v6.json"');
  });
});
