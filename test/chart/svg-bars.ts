// Reads the bars back out of Vega's SVG: each is <path aria-label=".." aria-roledescription="bar" d="Mx,yhWvHh-WZ" fill="..">.
export interface SvgBar {
  /** The mark's aria label, unescaped: "Amazon, FY2022: $63.6B". */
  label: string;
  height: number;
  fill: string;
}

const BAR =
  /<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="bar" d="M[-\d.e]+,[-\d.e]+h[-\d.e]+v([-\d.e]+)h[-\d.e]+Z" fill="([^"]+)"/g;

export function svgBars(svg: string): SvgBar[] {
  // BAR's three groups are not optional, so every match has all three.
  return [...svg.matchAll(BAR)].map((m) => ({ label: unescapeXml(m[1]!), height: Number(m[2]!), fill: m[3]! }));
}

export function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
