// What every models chart has around its marks: title and subtitle, alt text and long
// description, the theme, and a footer carrying Epoch AI's CC BY 4.0 credit and how current
// the data is ("data as of"), wrapped to the chart's width. The footer is text placed below the
// x axis in pixels, as chart-frame.ts does for the money charts (Vega-Lite has no footer).
import type { TopLevelSpec } from 'vega-lite';
import { COLOURS, FONT_SIZES, theme } from '../theme.js';
import { wrapText } from '../wrap-text.js';
import type { Layer } from '../layer.js';

export type ModelsLayer = Layer;

export interface ModelsFrame {
  kind: string;
  title: string;
  subtitle: string;
  width: number;
  height: number;
  /** Short alt text; the long description lists the values. */
  alt: string;
  long: string;
  /** Lines under the chart: the credit, "data as of", what was left out. */
  footer: string[];
  layers: ModelsLayer[];
  /** Room the x axis labels take under the plot. */
  axisRoom?: number;
}

const LINE = 13;

export function modelsChartFrame(f: ModelsFrame): TopLevelSpec {
  const lines = f.footer.flatMap((text) => wrapText(text, f.width, FONT_SIZES.source));
  const top = f.height + (f.axisRoom ?? 34);
  const footer: ModelsLayer = {
    data: { values: lines.map((text, i) => ({ text, y: top + i * LINE })) },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: FONT_SIZES.source, color: COLOURS.muted },
    encoding: { text: { field: 'text' }, x: { value: 0 }, y: { field: 'y', type: 'quantitative', scale: null } },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: f.alt,
    usermeta: { airace: { type: f.kind, longDescription: f.long } },
    title: {
      text: oneOrMany(wrapText(f.title, f.width, FONT_SIZES.title, 'semibold')),
      subtitle: oneOrMany(wrapText(f.subtitle, f.width, FONT_SIZES.subtitle)),
    },
    width: f.width,
    height: f.height,
    layer: [...f.layers, footer],
    config: theme,
  } as TopLevelSpec;
}

function oneOrMany(lines: string[]): string | string[] {
  return lines.length === 1 ? lines[0]! : lines;
}

/** "Data as of 2026-04-24" / "Data as of April 2026" for a month. */
export function dataAsOfText(asOf: string | null): string {
  if (!asOf) return 'No models data loaded';
  const m = /^(\d{4})-(\d{2})$/.exec(asOf);
  if (!m) return `Data as of ${asOf}`;
  const month = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `Data as of ${month} ${m[1]}`;
}
