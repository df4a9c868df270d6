// What every chart type has around its marks: data, title and subtitle, alt text, the
// source line and the theme. Spec builders only supply their layers.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import type { ChartType } from '../chart.js';
import { chartRows } from '../chart-data.js';
import type { ResolvedChartOptions } from '../chart-options.js';
import { describeChart } from '../describe.js';
import { COLOURS, FONT_SIZES, theme } from '../theme.js';
import { wrapText } from '../wrap-text.js';

type LayeredSpec = Extract<TopLevelSpec, { layer: unknown }>;
export type Layer = LayeredSpec['layer'][number];

/** Room under the plot for the period labels (one line each, plus `extraLabelLines`). */
const LABEL_LINE = 15;

export function chartFrame(
  result: SeriesResult,
  options: ResolvedChartOptions,
  type: ChartType,
  layers: Layer[],
  { extraLabelLines = 0 }: { extraLabelLines?: number } = {},
): TopLevelSpec {
  const { alt, long } = describeChart(result, { type });
  // Vega-Lite has no footer, so the source line is a text mark placed below the axis
  // labels in pixels; autosize grows the view to include it, which also works headless.
  const footer: Layer = {
    data: { values: [{ text: options.sourceLine }] },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'top',
      fontSize: FONT_SIZES.source,
      color: COLOURS.muted,
    },
    encoding: {
      text: { field: 'text' },
      x: { value: 0 },
      y: { value: options.height + 6 + LABEL_LINE * (1 + extraLabelLines) + 12 },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: alt,
    usermeta: { airace: { type, metric: result.metric, unit: result.unit, longDescription: long } },
    title: {
      text: oneOrMany(wrapText(options.title, options.width, FONT_SIZES.title, 'semibold')),
      subtitle: oneOrMany(wrapText(options.subtitle, options.width, FONT_SIZES.subtitle)),
    },
    width: options.width,
    height: options.height,
    data: { values: chartRows(result) },
    layer: [...layers, footer],
    config: theme,
  };
}

/** A single line stays a plain string, so simple titles read naturally in the exported spec. */
function oneOrMany(lines: string[]): string | string[] {
  return lines.length === 1 ? lines[0] : lines;
}
