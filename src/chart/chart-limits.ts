// How large a chart may be drawn, the same for the CLI and the API: a PNG's pixel density, the
// length of its title and subtitle (long text wraps into more lines and a taller picture), and a
// pixel budget that holds whatever the spec says.
import { InvalidOptionError } from '../model/errors.js';

export const MIN_SCALE = 1;
export const MAX_SCALE = 4;
export const DEFAULT_SCALE = 2;
/** Characters in a title or subtitle. */
export const MAX_CHART_TEXT = 200;
/** Pixels in one PNG: the seed chart at the largest scale has about 7 million. */
export const MAX_PNG_PIXELS = 25_000_000;

const SCALE_EXPECTED = [`a number from ${MIN_SCALE} to ${MAX_SCALE}`];

/** `--scale 2` or `?scale=2`: the PNG pixel density; the default when absent. */
export function parseScale(raw: unknown): number {
  if (raw === undefined || raw === '') return DEFAULT_SCALE;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!(n >= MIN_SCALE && n <= MAX_SCALE)) throw new InvalidOptionError('scale', String(raw), SCALE_EXPECTED);
  return n;
}

/** A title or subtitle, refused when longer than {@link MAX_CHART_TEXT}. */
export function checkChartText(option: 'title' | 'subtitle', text: string): string {
  if (text.length > MAX_CHART_TEXT) throw new InvalidOptionError(option, `${text.length} characters`, [`text of at most ${MAX_CHART_TEXT} characters`], `longer than ${MAX_CHART_TEXT} characters`);
  return text;
}

/** Refuses to rasterise an SVG whose size at `scale` exceeds the pixel budget. */
export function checkPngSize(svg: string, scale: number): void {
  const { width, height } = svgSize(svg);
  const pixels = width * scale * height * scale;
  if (pixels > MAX_PNG_PIXELS) {
    throw new InvalidOptionError('scale', String(scale), [`a scale at which the chart fits in ${MAX_PNG_PIXELS / 1e6} million pixels`], `a ${Math.round(width)}×${Math.round(height)} chart at scale ${scale} would be ${Math.round(pixels / 1e6)} million pixels, over the limit of ${MAX_PNG_PIXELS / 1e6} million`);
  }
}

/** The size a drawn chart declares on its root element, in CSS pixels. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1] ?? 0), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1] ?? 0) };
}
