// What every chart type has around its marks: data, title and subtitle, alt text, the
// source line and the theme. Spec builders only supply their layers.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import type { ChartType } from '../chart-type.js';
import type { Layer } from '../layer.js';
import { chartRows } from '../chart-data.js';
import type { ResolvedChartOptions } from '../chart-options.js';
import { describeChart } from '../describe.js';
import { COLOURS, FONT_SIZES, theme } from '../theme.js';
import { annotationMarks, type AnnotationMarks } from '../annotation-layers.js';
import { formatEventDate } from '../format-event-date.js';
import { wrapText } from '../wrap-text.js';
import { dataAsOfText } from '../../series/data-as-of.js';
import { footerLines } from '../source-line.js';


/** Room under the plot for the period labels (one line each, plus `extraLabelLines`). */
const LABEL_LINE = 15;
const SOURCE_LINE_HEIGHT = 13;
/** The footer starts under the value axis labels, so it may run about that far past the plot's width. */
const FOOTER_BEYOND_PLOT = 40;

export function chartFrame(
  result: SeriesResult,
  options: ResolvedChartOptions,
  type: ChartType,
  layers: Layer[],
  { extraLabelLines = 0 }: { extraLabelLines?: number } = {},
): TopLevelSpec {
  const { alt, long } = describeChart(result, { type });
  const belowAxis = options.height + 6 + LABEL_LINE * (1 + extraLabelLines) + 12;
  // Vega-Lite has no footer, so the source line is a text mark placed below the axis
  // labels in pixels; autosize grows the view to include it, which also works headless. Its
  // lines: where the plotted figures come from, then how current they are.
  const lines = footerLines(options.sourceLine, dataAsOfText(result.dataAsOf), options.width + FOOTER_BEYOND_PLOT, FONT_SIZES.source);
  const footer = (y: number): Layer => ({
    data: { values: [{ text: lines }] },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'top',
      fontSize: FONT_SIZES.source,
      lineHeight: SOURCE_LINE_HEIGHT,
      color: COLOURS.muted,
    },
    encoding: {
      text: { field: 'text' },
      x: { value: 0 },
      y: { value: y },
    },
  });
  const spec: TopLevelSpec = {
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
    layer: [...layers, footer(belowAxis)],
    config: theme,
  };
  if (options.annotations.length === 0) return spec;
  const marks = annotationMarks(spec, result, options.annotations, { width: options.width, height: options.height, listTop: belowAxis });
  return withAnnotations(spec, layers, marks, footer(belowAxis + marks.listHeight));
}

/** Vega's default gap between a top legend and the plot. */
const LEGEND_OFFSET = 18;

/**
 * The chart with its event markers: rules under the data, the label lane above the plot (the
 * legend moves up to make room for it), the numbered list above the source line, and the
 * events named in the alt text and long description.
 */
function withAnnotations(spec: TopLevelSpec, layers: Layer[], marks: AnnotationMarks, footer: Layer): TopLevelSpec {
  const meta = (spec.usermeta as { airace: Record<string, unknown> }).airace;
  const listed = marks.placed.map((p) => `${p.number === null ? '' : `${p.number}. `}${formatEventDate(p.date)}: ${p.title}`);
  const markers = marks.placed.length
    ? ` Dashed lines mark ${marks.placed.length} event${marks.placed.length === 1 ? '' : 's'}: ${listed.join('; ')}.`
    : '';
  return {
    ...spec,
    description: `${spec.description ?? ''}${markers}`,
    usermeta: {
      airace: {
        ...meta,
        longDescription: `${meta.longDescription}${markers ? `\nEvents marked:${markers}` : ''}`,
        annotations: { mode: marks.mode, placed: marks.placed, omitted: marks.omitted },
      },
    },
    layer: [...marks.behind, ...layers, ...marks.front, footer],
    config: { ...theme, legend: { ...theme.legend, offset: LEGEND_OFFSET + marks.laneHeight } },
  } as TopLevelSpec;
}

/** A single line stays a plain string, so simple titles read naturally in the exported spec. */
function oneOrMany(lines: string[]): string | string[] {
  return lines.length === 1 ? lines[0] : lines;
}
