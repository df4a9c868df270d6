// Vega does not wrap titles; a long subtitle (a metric definition) would widen the chart
// past its plot. Wrap by an estimated character budget, which needs no font files, so
// specs built in a browser wrap the same way.

/** Average advance of IBM Plex Sans text, in em, rounded up so lines rarely overrun. */
const AVERAGE_CHAR_EM = { regular: 0.5, semibold: 0.55 } as const;

export function wrapText(text: string, width: number, fontSize: number, weight: keyof typeof AVERAGE_CHAR_EM = 'regular'): string[] {
  const budget = Math.max(10, Math.floor(width / (fontSize * AVERAGE_CHAR_EM[weight])));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > budget) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}
