// Headless rendering: Vega-Lite → Vega → SVG (no browser), SVG → PNG with resvg and the
// bundled IBM Plex fonts only, so a chart renders the same on a laptop and in CI.
import resvg, { type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { fontFilePaths } from './font-files.js';
import { installTextMetrics } from './text-metrics.js';
import { FONT_FAMILY } from './theme.js';
import { InvalidOptionError } from '../model/errors.js';
import { checkPngSize } from './chart-limits.js';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  installTextMetrics();
  const { spec: vgSpec } = compile(spec);
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return withAccessibility(svg, titleOf(spec), spec.description ?? '', longDescriptionOf(spec));
  } finally {
    view.finalize();
  }
}

/** resvg options: fonts from assets/fonts only; system fonts would make output machine-dependent. */
export function resvgOptions(scale = 1): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles: fontFilePaths(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  };
}

export async function svgToPng(svg: string, { scale = 1 }: { scale?: number } = {}): Promise<Buffer> {
  if (!(scale > 0)) throw new InvalidOptionError('scale', String(scale), ['a positive number']);
  checkPngSize(svg, scale);
  const image = await resvg.renderAsync(svg, resvgOptions(scale));
  return image.asPng();
}

export async function renderPng(spec: TopLevelSpec, options: { scale?: number } = {}): Promise<Buffer> {
  return svgToPng(await renderSvg(spec), options);
}

export function renderVegaLiteJson(spec: TopLevelSpec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * Vega's SVG root carries no accessible name. Screen readers announce role="img" with its
 * aria-label (the short alt text); <title> and <desc> serve tools that read those instead.
 */
function withAccessibility(svg: string, title: string, alt: string, long: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('renderSvg: Vega output does not start with <svg>');
  const root = open[0].replace(/>$/, ` role="img" aria-label="${escapeXml(alt)}">`);
  const children = `<title>${escapeXml(title)}</title><desc>${escapeXml(long || alt)}</desc>`;
  return root + children + svg.slice(open[0].length);
}

/** The chart's title: drawn as text marks (chart-frame.ts), so the spec keeps it in usermeta. */
function titleOf(spec: TopLevelSpec): string {
  const meta = spec.usermeta as { airace?: { title?: unknown } } | undefined;
  return typeof meta?.airace?.title === 'string' ? meta.airace.title : '';
}

function longDescriptionOf(spec: TopLevelSpec): string {
  const meta = spec.usermeta as { airace?: { longDescription?: unknown } } | undefined;
  const long = meta?.airace?.longDescription;
  return typeof long === 'string' ? long : '';
}
