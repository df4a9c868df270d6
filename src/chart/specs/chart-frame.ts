// What every chart type has around its marks: data, title and subtitle, a legend, notes about
// what is not shown, the source line, alt text, event markers and the theme, all placed in
// pixels from the layout (chart-layout.ts). Spec builders only supply their plot layers.
//
// Every piece of text is drawn through a data field, never a mark `value`: Vega compiles
// values into code, where a title such as "constructor" or "toString" resolves to something
// else and the chart fails. Text is data.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import type { ChartType } from '../chart-type.js';
import { chartRows, type ChartRow } from '../chart-data.js';
import type { ResolvedChartOptions } from '../chart-options.js';
import { LEGEND_ROW, LEGEND_SWATCH, LINE, type ChartLayout } from '../chart-layout.js';
import { describeChart } from '../describe.js';
import { COLOURS, FONT_SIZES, theme } from '../theme.js';
import { annotationMarks, type AnnotationMarks } from '../annotation-layers.js';
import { formatEventDate } from '../format-event-date.js';
import { wrapText } from '../wrap-text.js';
import { gapNotes } from '../gap-notes.js';
import type { Layer } from '../layer.js';
import { dataAsOfText } from '../../series/data-as-of.js';
import { footerLines } from '../source-line.js';

export interface FrameExtras {
  /** Notes the chart type adds (an incomplete stack), after the notes about gaps. */
  notes?: string[];
}

const px = (field: string) => ({ field, type: 'quantitative', scale: null }) as const;

/** Lines of text as one text layer, each at its pixel position (a text of several lines is an array, `lineHeight` apart). */
function textLayer(lines: { x: number; y: number; text: string | string[] }[], style: { fontSize: number; fontWeight?: 400 | 600; color: string; lineHeight?: number }): Layer {
  return {
    data: { values: lines },
    mark: { type: 'text', align: 'left', baseline: 'top', aria: false, ...style },
    encoding: { x: px('x'), y: px('y'), text: { field: 'text' } },
  };
}

/** The chart's rows, for the periods it shows. */
export function frameRows(result: SeriesResult, layout: ChartLayout): ChartRow[] {
  const shown = new Set(layout.periods);
  return chartRows(result).filter((r) => shown.has(r.label));
}

export function chartFrame(result: SeriesResult, opts: ResolvedChartOptions, layout: ChartLayout, type: ChartType, layers: Layer[], extras: FrameExtras = {}): TopLevelSpec {
  const { alt, long } = describeChart(result, { type });
  const base: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: alt,
    width: layout.plotWidth,
    height: layout.plotHeight,
    padding: layout.padding,
    autosize: { type: 'pad' },
    data: { values: frameRows(result, layout) },
    layer: layers,
    config: theme,
  } as TopLevelSpec;

  const left = -layout.left;
  // Below the plot: the axis labels, then the notes, the numbered events and the source line.
  const axisBelow = Math.round(FONT_SIZES.axisLabel * LINE.text) + 8;
  const noteLine = Math.round(FONT_SIZES.note * LINE.text);
  const notes = [...gapNotes(result, layout), ...(extras.notes ?? [])].flatMap((n) => wrapText(n, layout.textWidth, FONT_SIZES.note));
  const notesTop = layout.plotHeight + axisBelow + 4;
  const listTop = notesTop + notes.length * noteLine + (notes.length ? 6 : 0);

  const marks: AnnotationMarks | null = opts.annotations.length
    ? annotationMarks(base, result, opts.annotations, { width: layout.plotWidth, height: layout.plotHeight, listTop })
    : null;
  const placed = marks && marks.placed.length ? marks : null;

  const sourceTop = listTop + (placed?.listHeight ?? 0) + 4;
  // Where the plotted figures come from, how they were verified, then how current they are.
  const source = footerLines(opts.sourceLine, dataAsOfText(result.dataAsOf), layout.textWidth, FONT_SIZES.source);

  // Above the plot, from the top: title, subtitle, legend, then the events' lane.
  const titleLine = Math.round(layout.titleSize * LINE.title);
  const subtitleLine = Math.round(FONT_SIZES.subtitle * LINE.text);
  const subtitleTop = layout.title.length * titleLine + 4;
  const legendTop = subtitleTop + layout.subtitle.length * subtitleLine + (layout.legendRows ? 10 : 0);
  const laneHeight = placed?.laneHeight ?? 0;
  const header = legendTop + layout.legendRows * LEGEND_ROW + 12 + laneHeight;
  const top = (y: number) => y - header;

  const text: Layer[] = [
    textLayer(layout.title.map((t, i) => ({ x: left, y: top(i * titleLine), text: t })), { fontSize: layout.titleSize, fontWeight: 600, color: COLOURS.text }),
    textLayer(layout.subtitle.map((t, i) => ({ x: left, y: top(subtitleTop + i * subtitleLine), text: t })), { fontSize: FONT_SIZES.subtitle, color: COLOURS.muted }),
    ...(notes.length ? [textLayer(notes.map((t, i) => ({ x: left, y: notesTop + i * noteLine, text: t })), { fontSize: FONT_SIZES.note, color: COLOURS.muted })] : []),
    ...legendLayers(layout, left, top(legendTop)),
    // The footer last, as one text of several lines: where the figures come from, how they were verified, data as of.
    textLayer([{ x: left, y: sourceTop, text: source }], { fontSize: FONT_SIZES.source, color: COLOURS.muted, lineHeight: noteLine }),
  ];

  const meta = {
    type,
    metric: result.metric,
    unit: result.unit,
    title: layout.title.join(' '),
    subtitle: layout.subtitle.join(' '),
    longDescription: long,
    layout: { width: layout.width, plotWidth: layout.plotWidth, plotHeight: layout.plotHeight, orientation: layout.orientation, periods: layout.periods, axisLabels: layout.periodLabels },
  };
  const spec = { ...base, usermeta: { airace: meta }, layer: [...layers, ...text] } as TopLevelSpec;
  return placed ? withAnnotations(spec, layers, text, placed) : spec;
}

/** A swatch and a name per company, in rows. */
function legendLayers(layout: ChartLayout, left: number, top: number): Layer[] {
  if (!layout.legend.length) return [];
  const items = layout.legend.map((l) => {
    const y = top + l.row * LEGEND_ROW;
    return { name: l.name, colour: l.colour, x: left + l.x, x2: left + l.x + LEGEND_SWATCH, y: y + 2, y2: y + 2 + LEGEND_SWATCH, tx: left + l.x + LEGEND_SWATCH + 5, ty: y };
  });
  return [
    {
      data: { values: items },
      mark: { type: 'rect', aria: false },
      encoding: { x: px('x'), x2: { field: 'x2' }, y: px('y'), y2: { field: 'y2' }, color: { field: 'colour', type: 'nominal', scale: null } },
    },
    {
      data: { values: items },
      mark: { type: 'text', align: 'left', baseline: 'top', fontSize: FONT_SIZES.legendLabel, color: COLOURS.text, aria: false },
      encoding: { x: px('tx'), y: px('ty'), text: { field: 'name' } },
    },
  ];
}

/**
 * The chart with its event markers: rules under the data, the label lane above the plot, the
 * numbered list above the source line, and the events named in the alt text and long description.
 */
function withAnnotations(spec: TopLevelSpec, layers: Layer[], text: Layer[], marks: AnnotationMarks): TopLevelSpec {
  const meta = (spec.usermeta as { airace: Record<string, unknown> }).airace;
  const listed = marks.placed.map((p) => `${p.number === null ? '' : `${p.number}. `}${formatEventDate(p.date)}: ${p.title}`);
  const markers = ` Dashed lines mark ${marks.placed.length} event${marks.placed.length === 1 ? '' : 's'}: ${listed.join('; ')}.`;
  return {
    ...spec,
    description: `${spec.description ?? ''}${markers}`,
    usermeta: {
      airace: {
        ...meta,
        longDescription: `${meta.longDescription}\nEvents marked:${markers}`,
        annotations: { mode: marks.mode, placed: marks.placed, omitted: marks.omitted },
      },
    },
    layer: [...marks.behind, ...layers, ...marks.front, ...text],
  } as TopLevelSpec;
}
