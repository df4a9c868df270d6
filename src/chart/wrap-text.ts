// Vega does not wrap text. Titles, subtitles, notes and source lines are broken into lines here,
// by the advance widths of the bundled font (the same ones resvg draws with), so a line never
// runs past the width it was given; a single word longer than the width keeps a line of its own.
import { measureText } from './text-metrics.js';

export function wrapText(text: string, width: number, fontSize: number, weight: 'regular' | 'semibold' = 'regular'): string[] {
  const fontWeight = weight === 'semibold' ? 600 : 400;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureText(candidate, fontSize, fontWeight) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  return line ? [...lines, line] : lines;
}
