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

/**
 * The models charts keep Vega's title and legends (the money charts draw theirs as text marks):
 * at the sizes the theme gives every chart's text, title left-aligned over the plot as a
 * newsroom sets it, and legends never below the smallest text size.
 */
const MODELS_THEME = {
  ...theme,
  title: { anchor: 'start', frame: 'group', fontSize: FONT_SIZES.title, fontWeight: 600, color: COLOURS.text, subtitleFontSize: FONT_SIZES.subtitle, subtitleColor: COLOURS.muted, subtitlePadding: 4, offset: 12 },
  legend: { labelFontSize: FONT_SIZES.legendLabel, titleFontSize: FONT_SIZES.legendLabel, titleFontWeight: 600, titleColor: COLOURS.text, labelColor: COLOURS.text, symbolSize: 90 },
};

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
    config: MODELS_THEME,
  } as TopLevelSpec;
}

function oneOrMany(lines: string[]): string | string[] {
  return lines.length === 1 ? lines[0]! : lines;
}
