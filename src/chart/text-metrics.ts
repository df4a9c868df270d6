// Without a canvas, Vega guesses text widths as 0.8 em per character, far wider than IBM Plex
// Sans; titles then push the chart wider than its content and legends space out unevenly.
// Reading advance widths from the bundled TTFs makes the layout match what resvg draws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import { FONT_FILES, fontsDir } from './font-files.js';

interface FontMetrics {
  unitsPerEm: number;
  advance(codePoint: number): number;
}

const fonts = new Map<string, FontMetrics>();

function loadFont(file: string): FontMetrics {
  let font = fonts.get(file);
  if (!font) fonts.set(file, (font = parseFont(readFileSync(join(fontsDir(), file)))));
  return font;
}

/** Width in pixels of one line of text, without kerning (a few tenths of a percent off). */
export function measureText(text: string, fontSize: number, fontWeight: string | number = 400): number {
  const bold = fontWeight === 'bold' || Number(fontWeight) >= 600;
  const font = loadFont(bold ? FONT_FILES.semibold : FONT_FILES.regular);
  let units = 0;
  for (const ch of text) units += font.advance(ch.codePointAt(0)!);
  return (units / font.unitsPerEm) * fontSize;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

let installed = false;

/** Makes Vega measure text with the bundled fonts (Vega's documented hook for headless use). */
export function installTextMetrics(): void {
  if (installed) return;
  // vega re-exports vega-scenegraph's textMetrics, but its typings do not declare it.
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
    .textMetrics;
  // Return the raw width: Vega truncates (labelLimit) by calling this same function.
  metrics.width = (item, text) =>
    measureText(text == null ? '' : String(text).trim(), item.fontSize != null ? +item.fontSize || 0 : 11, item.fontWeight);
  installed = true;
}

/** Reads unitsPerEm (head), advance widths (hhea, hmtx) and the Unicode map (cmap format 4 or 12). */
function parseFont(buf: Buffer): FontMetrics {
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = buf.readUInt16BE(table('head') + 18);
  const numberOfHMetrics = buf.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphAdvance = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  const glyphOf = cmapLookup(buf, table('cmap'));
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) cache.set(codePoint, (width = glyphAdvance(glyphOf(codePoint))));
      return width;
    },
  };
}

function cmapLookup(buf: Buffer, cmap: number): (codePoint: number) => number {
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < buf.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    subtables.push({ platform: buf.readUInt16BE(rec), encoding: buf.readUInt16BE(rec + 2), offset: cmap + buf.readUInt32BE(rec + 4) });
  }
  const full = subtables.find((s) => buf.readUInt16BE(s.offset) === 12);
  if (full) {
    const groups = buf.readUInt32BE(full.offset + 12);
    return (c) => {
      for (let g = 0; g < groups; g++) {
        const at = full.offset + 16 + g * 12;
        const start = buf.readUInt32BE(at);
        if (c >= start && c <= buf.readUInt32BE(at + 4)) return buf.readUInt32BE(at + 8) + (c - start);
      }
      return 0;
    };
  }
  const bmp = subtables.find((s) => buf.readUInt16BE(s.offset) === 4 && (s.platform === 3 || s.platform === 0));
  if (!bmp) throw new Error('font has no Unicode cmap (format 4 or 12)');
  const segCount = buf.readUInt16BE(bmp.offset + 6) / 2;
  const ends = bmp.offset + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (c) => {
    for (let s = 0; s < segCount; s++) {
      if (c > buf.readUInt16BE(ends + s * 2)) continue;
      const start = buf.readUInt16BE(starts + s * 2);
      if (c < start) return 0;
      const delta = buf.readInt16BE(deltas + s * 2);
      const rangeOffset = buf.readUInt16BE(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (c + delta) & 0xffff;
      const glyph = buf.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
