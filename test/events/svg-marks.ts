// Reads marks back out of Vega's SVG, in plot coordinates: rules, symbols, texts and bars.
import { measureText } from '../../src/chart/text-metrics.js';
import { unescapeXml } from '../chart/svg-bars.js';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface SvgRule {
  label: string;
  x: number;
  y1: number;
  y2: number;
}

export interface SvgText extends Box {
  label: string;
  text: string;
  /** Alphabetic baseline. */
  y: number;
  fontSize: number;
}

const num = '(-?[\\d.]+(?:e-?\\d+)?)';

/** Vertical rules (x2 = 0) with their aria label. */
export function svgRules(svg: string): SvgRule[] {
  const re = new RegExp(`<line aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="rule mark" transform="translate\\(${num},${num}\\)" x2="0" y2="${num}"`, 'g');
  return [...svg.matchAll(re)].map((m) => ({ label: unescapeXml(m[1]!), x: Number(m[2]), y1: Number(m[3]), y2: Number(m[3]) + Number(m[4]) }));
}

/** Event badges (rounded rects, a pill for a group of events) as boxes, from the corners of their path. */
export function svgBadges(svg: string): (Box & { label: string })[] {
  const re = /<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="rect mark" d="([^"]+)"/g;
  return [...svg.matchAll(re)].map((m) => {
    const nums = [...m[2]!.matchAll(/-?[\d.]+(?:e-?\d+)?/g)].map((n) => Number(n[0]));
    const xs = nums.filter((_, i) => i % 2 === 0);
    const ys = nums.filter((_, i) => i % 2 === 1);
    return { label: unescapeXml(m[1]!), left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
  });
}

/**
 * Text marks as boxes: width from the bundled font's advance widths (text-metrics), height
 * from the font size around the alphabetic baseline Vega writes (ascent 0.75 em, descent 0.25 em).
 */
export function svgTexts(svg: string): SvgText[] {
  const re = new RegExp(
    `<text aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="text mark" text-anchor="(start|middle|end)" transform="translate\\(${num},${num}\\)"[^>]*font-size="${num}px"(?: font-weight="(\\d+)")?[^>]*>([^<]*)</text>`,
    'g',
  );
  return [...svg.matchAll(re)].map((m) => {
    const [anchor, x, y, size] = [m[2]!, Number(m[3]), Number(m[4]), Number(m[5])];
    const text = unescapeXml(m[7]!);
    const w = measureText(text, size, m[6] ? Number(m[6]) : 400);
    const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
    return { label: unescapeXml(m[1]!), text, y, fontSize: size, left, right: left + w, top: y - 0.75 * size, bottom: y + 0.25 * size };
  });
}

/** Bars as boxes: <path aria-roledescription="bar" d="Mx,yhWvHh-WZ">. */
export function svgBarBoxes(svg: string): (Box & { label: string })[] {
  const re = new RegExp(`<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="bar" d="M${num},${num}h${num}v${num}h`, 'g');
  return [...svg.matchAll(re)].map((m) => {
    const [x, y, w, h] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
    return { label: unescapeXml(m[1]!), left: x, right: x + w, top: y, bottom: y + h };
  });
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
