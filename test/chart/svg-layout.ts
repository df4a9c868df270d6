// Text in a rendered chart as boxes in the SVG's own coordinates: Vega nests marks in groups
// moved by `translate(x,y)`, so each text's position is the sum of its ancestors' translations
// and its own. Widths come from the bundled font (text-metrics), as resvg draws them.
import { measureText } from '../../src/chart/text-metrics.js';
import { unescapeXml } from './svg-bars.js';

export interface TextBox {
  text: string;
  fontSize: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The axis the text labels, if any. */
  axis: 'x' | 'y' | null;
}

const translate = (attrs: string): [number, number] => {
  const m = /transform="translate\((-?[\d.e-]+),(-?[\d.e-]+)\)/.exec(attrs);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};

export function svgTextBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  const stack: { x: number; y: number; axis: 'x' | 'y' | null }[] = [{ x: 0, y: 0, axis: null }];
  const tag = /<(\/?)(g|text)\b([^>]*?)(\/?)>([^<]*)/g;
  for (const m of svg.matchAll(tag)) {
    const [, close, name, attrs, selfClose, content] = m as unknown as [string, string, string, string, string, string];
    const top = stack[stack.length - 1]!;
    if (name === 'g') {
      if (close) stack.pop();
      else if (!selfClose) {
        const [dx, dy] = translate(attrs);
        const axis = /aria-label="X-axis/.test(attrs) ? 'x' : /aria-label="Y-axis/.test(attrs) ? 'y' : top.axis;
        stack.push({ x: top.x + dx, y: top.y + dy, axis });
      }
      continue;
    }
    if (close || selfClose) continue;
    const [tx, ty] = translate(attrs);
    const size = Number(/font-size="([\d.]+)px"/.exec(attrs)?.[1] ?? 11);
    const weight = Number(/font-weight="(\d+)"/.exec(attrs)?.[1] ?? 400);
    const anchor = /text-anchor="(start|middle|end)"/.exec(attrs)?.[1] ?? 'start';
    const text = unescapeXml(content);
    const w = measureText(text, size, weight);
    const x = top.x + tx;
    const y = top.y + ty;
    const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
    boxes.push({ text, fontSize: size, left, right: left + w, top: y - 0.75 * size, bottom: y + 0.25 * size, axis: top.axis });
  }
  return boxes;
}

export function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

export const overlapping = (a: TextBox, b: TextBox, gap = 0) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom;
