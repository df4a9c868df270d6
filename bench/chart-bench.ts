// Section 3: warm rendering of the seed chart, SVG and PNG, against the renderers alone.
//  - SVG limit: Vega's own work for this chart, `new vega.View(runtime).toSVG()` on a runtime
//    parsed once. Anything Vega-based pays at least this per picture; what airace adds is the
//    Vega-Lite compile, vega.parse, and the accessibility markup.
//  - PNG limit: that SVG floor plus resvg rasterising the finished SVG (same options, scale 2 as
//    the API's default): the two libraries back to back with nothing of airace between them.
import resvg from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { Store } from '../src/store/database.js';
import { getSeries } from '../src/series/engine.js';
import { buildChart } from '../src/chart/chart.js';
import { chartPreset } from '../src/chart/presets.js';
import { renderSvg, renderPng, resvgOptions, svgToPng } from '../src/chart/render.js';
import { emptySection, type SectionResult } from './report.js';
import { fmt, interleavedMedians } from './stats.js';

const WARMUP = 5;
const SVG_RUNS = 21;
const PNG_RUNS = 11;
const PNG_SCALE = 2;


export async function chartBench(store: Store, log: (s: string) => void): Promise<SectionResult> {
  const out = emptySection();
  const section = 'Charts';
  log('charts: seed chart, SVG and PNG…');
  const preset = chartPreset('seed');
  const result = await getSeries(store.db, preset.request);
  const spec = buildChart(result, { type: preset.type, ...preset.options });
  const svg = await renderSvg(spec); // also installs the bundled fonts' text metrics, as every render does
  const runtime = vega.parse(compile(spec).spec);

  const toSvg = async () => {
    const view = new vega.View(runtime, { renderer: 'none' });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };
  const [svgMs, toSvgMs, compileMs] = await interleavedMedians(SVG_RUNS, WARMUP, [() => renderSvg(spec), toSvg, async () => vega.parse(compile(spec).spec)]);
  const [pngMs, pngToSvgMs, resvgMs] = await interleavedMedians(PNG_RUNS, WARMUP, [
    () => renderPng(spec, { scale: PNG_SCALE }),
    toSvg,
    async () => (await resvg.renderAsync(svg, resvgOptions(PNG_SCALE))).asPng(),
  ]);
  const [specMs] = await interleavedMedians(SVG_RUNS, WARMUP, [async () => buildChart(await getSeries(store.db, preset.request), { type: preset.type, ...preset.options })]);
  const png = await svgToPng(svg, { scale: PNG_SCALE });

  out.rows.push(
    { section, name: 'Seed chart → SVG (renderSvg, warm)', result: `${fmt(svgMs, 1)} ms per chart (${fmt(svg.length / 1024)} KB)`, limit: `vega View.toSVG() alone: ${fmt(toSvgMs, 1)} ms`, ratio: toSvgMs / svgMs },
    { section, name: `Seed chart → PNG ×${PNG_SCALE} (renderPng, warm)`, result: `${fmt(pngMs, 1)} ms per chart (${fmt(png.length / 1024)} KB)`, limit: `toSVG() + resvg alone: ${fmt(pngToSvgMs + resvgMs, 1)} ms`, ratio: (pngToSvgMs + resvgMs) / pngMs },
  );
  out.limits.push(
    { section, name: 'vega View.toSVG()', result: `${fmt(toSvgMs, 1)} ms`, how: `a new View on the seed chart's Vega runtime, parsed once beforehand, rendered headless to SVG; median of ${SVG_RUNS} after ${WARMUP} warm-ups, sampled in turn with renderSvg.` },
    { section, name: 'resvg rasterisation', result: `${fmt(resvgMs, 1)} ms`, how: `the finished SVG to PNG at scale ${PNG_SCALE} with airace's font options (bundled fonts only); median of ${PNG_RUNS}, sampled in turn with renderPng.` },
    { section, name: 'Vega-Lite compile + vega.parse, for reference', result: `${fmt(compileMs, 1)} ms`, how: 'the part of renderSvg before toSVG: per chart, since specs differ.' },
    { section, name: 'Series + spec for the seed chart, for reference', result: `${fmt(specMs, 1)} ms`, how: 'getSeries on the bundled store + buildChart: what comes before rendering.' },
  );
  return out;
}
