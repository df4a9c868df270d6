// Plan versus actual: each company's capex guidance for a year as a step line (a band where a
// range was given) against what it actually spent, in small multiples; and a pledge against
// the running total of capex since it was made, with an even-pace line and missing quarters
// named. Data rows keep their dates, figures and sources, so the spec can be checked.
import type { TopLevelSpec } from 'vega-lite';
import type { GuidanceHistory } from '../../series/guidance-history.js';
import type { PledgeProgress } from '../../series/pledge-progress.js';
import { DEFAULT_WIDTH } from '../chart-options.js';
import { NARROW } from '../chart-layout.js';
import { chartText, vegaValueText } from '../chart-text.js';
import { currencyPrefix, formatMoney } from '../../model/format-figure.js';
import { footerLines, sourceLineOf, type CitedDocument } from '../source-line.js';
import { documentLabel, weakestVerification, VERIFICATION_MARKS } from '../../model/document-label.js';
import { eventDocument } from '../../model/race-event.js';
import type { DocumentRef, VerificationLevel } from '../../model/fact.js';
import type { DataAsOf } from '../../model/series.js';
import { combineDataAsOf, dataAsOf, dataAsOfPoints, dataAsOfText } from '../../series/data-as-of.js';
import { formatEventDate } from '../format-event-date.js';
import { COLOURS, FONT_SIZES, theme } from '../theme.js';
import { valueAxisLabelExpr } from '../value-axis.js';
import { metricWords } from '../../series/labels.js';
import { wrapText } from '../wrap-text.js';

export interface PlanVsActualOptions {
  title?: string;
  subtitle?: string;
  sourceLine?: string;
  /** Width of the whole figure in pixels: two columns of panels, or one on a phone. Default: 800. */
  width?: number;
  /** Height of each panel. Default: 200. */
  panelHeight?: number;
}

/** A guidance figure as people say it, short enough to label a step: "$85B", "$91–93B", "$91.4B". */
export function guidanceText(low: number, high: number, currency: string): string {
  const billions = (v: number) => String(Math.round(v / 1e8) / 10);
  const figure = low === high ? billions(low) : `${billions(low)}–${billions(high)}`;
  return `${currencyPrefix(currency)}${figure}B`;
}

/** Labels of steps in the last part of a panel go to the left of their point, to stay inside it. */
const RIGHT_EDGE = 0.8;

const CONCAT_SPACING = 36;
/** Room a panel's value axis labels take, left of the panel. */
const AXIS = 70;
const PADDING = 16;

export function planVsActualSpec(histories: GuidanceHistory[], pledge: PledgeProgress | null, options: PlanVsActualOptions = {}): TopLevelSpec {
  const total = options.width ?? DEFAULT_WIDTH;
  const columns = total < 640 ? 1 : 2;
  const inner = total - 2 * PADDING;
  // The last date label overhangs its panel by about half its width.
  const width = Math.floor((inner - columns * (AXIS + 24) - CONCAT_SPACING * (columns - 1)) / columns);
  const height = options.panelHeight ?? 200;
  const fullWidth = inner - AXIS - 24;
  const title = chartText(options.title ?? 'Plan versus actual: capex guidance as it changed, and what was spent');
  const subtitle = chartText(
    options.subtitle ??
      'Steps: guidance from the day it was given (a band where a range was given). Dashed line: actual spending for the year. Each company’s own fiscal year and definition (see each panel).',
  );
  const rows: object[] = [header(title, subtitle, inner, total < NARROW)];
  for (let i = 0; i < histories.length; i += columns) rows.push({ hconcat: histories.slice(i, i + columns).map((h) => guidancePanel(h, width, height)) });
  if (pledge) rows.push(pledgePanel(pledge, fullWidth, height));
  const sourceLine = (options.sourceLine ?? sourceLineOf(plotted(histories, pledge))).split('\n').map(chartText).join('\n');
  rows.push(footer(footerLines(sourceLine, dataAsOfText(planDataAsOf(histories, pledge)), fullWidth + AXIS, FONT_SIZES.source), fullWidth));
  const alt = describe(histories, pledge);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: alt,
    usermeta: { airace: { type: 'plan-vs-actual', title, subtitle, longDescription: alt, layout: { width: total } } },
    vconcat: rows,
    spacing: CONCAT_SPACING,
    padding: PADDING,
    config: { ...theme, concat: { spacing: CONCAT_SPACING } },
  } as TopLevelSpec;
}

/** Title and subtitle as text marks (text is data: see chart-frame.ts), wrapped to the figure's width. */
function header(title: string, subtitle: string, width: number, narrow: boolean): object {
  const size = narrow ? FONT_SIZES.titleNarrow : FONT_SIZES.title;
  const titleLines = wrapText(title, width, size, 'semibold');
  const subLines = wrapText(subtitle, width, FONT_SIZES.subtitle);
  const tl = Math.round(size * 1.25);
  const sl = Math.round(FONT_SIZES.subtitle * 1.4);
  const values = [
    ...titleLines.map((text, i) => ({ text, y: i * tl, kind: 'title' })),
    ...subLines.map((text, i) => ({ text, y: titleLines.length * tl + 4 + i * sl, kind: 'subtitle' })),
  ];
  const px = (field: string) => ({ field, type: 'quantitative', scale: null });
  return {
    width: width - AXIS,
    height: titleLines.length * tl + 4 + subLines.length * sl,
    data: { values },
    layer: (['title', 'subtitle'] as const).map((kind) => ({
      transform: [{ filter: `datum.kind === '${kind}'` }],
      mark: { type: 'text', align: 'left', baseline: 'top', aria: false, fontSize: kind === 'title' ? size : FONT_SIZES.subtitle, fontWeight: kind === 'title' ? 600 : 400, color: kind === 'title' ? COLOURS.text : COLOURS.muted },
      encoding: { x: { value: -AXIS }, y: px('y'), text: { field: 'text' } },
    })),
  };
}

const utc = (domain: string[]) => ({ type: 'utc', domain }) as const;
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;

function guidancePanel(h: GuidanceHistory, width: number, height: number): object {
  const currency = h.currency;
  const steps = h.steps.map((s) => ({
    kind: 'step',
    date: s.date,
    side: 'right',
    low: s.low,
    high: s.high,
    mid: (s.low + s.high) / 2,
    reiterated: s.reiterated,
    text: guidanceText(s.low, s.high, currency),
    dateText: formatEventDate(s.date),
    sourceUrl: s.sources[0]?.url ?? null,
    sources: sourceText(s.sources, h.name),
  }));
  const start = [monthStart(h.periodStart), ...h.steps.map((s) => monthStart(s.date))].sort()[0]!;
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const side = (iso: string) => ((t(iso) - t(start)) / (t(h.periodEnd) - t(start)) > RIGHT_EDGE ? 'left' : 'right');
  for (const row of steps) row.side = side(row.date);
  const last = steps[steps.length - 1];
  // The last guidance stands until the year ends: one more row carries it to the period end.
  const extension = last ? [{ ...last, kind: 'until-end', date: h.periodEnd }] : [];
  const actual = h.actual?.value ?? null;
  const actualText = actual === null ? `Actual ${h.label}: ${h.actual?.missing?.reason === 'incomplete' ? 'incomplete' : 'not reported'}` : `Actual ${h.label}: ${guidanceText(actual, actual, currency)}`;
  // The actual's label sits at the panel's left, above its line, clear of the later, higher steps.
  const actualRow = { kind: 'actual', date: start, value: actual, text: actualText, sourceUrl: h.actual?.sources[0]?.url ?? null, source: sourceText(h.actual?.sources ?? [], h.name), metric: h.actualMetric };
  const xScale = utc([start, h.periodEnd]);
  const x = { field: 'date', type: 'temporal', title: null, axis: { format: '%b %Y', tickCount: 4, labelOverlap: true } } as const;
  const y = { type: 'quantitative', title: null, axis: { labelExpr: valueAxisLabelExpr(currency), tickCount: 5 } } as const;
  const tooltip = [
    { field: 'dateText', title: 'Stated' },
    { field: 'text', title: 'Guidance' },
    { field: 'sources', title: 'Source' },
  ];
  const empty = steps.length === 0 ? [{ data: { values: [{ date: start, text: 'No dated guidance in the bundled data' }] }, mark: { type: 'text', align: 'left', dy: -height / 2, color: COLOURS.muted }, encoding: { x: { ...x }, text: { field: 'text' } } }] : [];
  return {
    title: { text: vegaValueText(`${h.name}, ${h.label}`), subtitle: wrapText(`${h.periodStart} to ${h.periodEnd}. Actual: ${metricWords(h.actualMetric)}. ${h.actualBasis}`, width, FONT_SIZES.note).map(vegaValueText), subtitleFontSize: FONT_SIZES.note, fontSize: 14, anchor: 'start' },
    width,
    height,
    data: { values: [...steps, ...extension, actualRow] },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'step' || datum.kind === 'until-end'" }],
        mark: { type: 'area', interpolate: 'step-after', color: h.colour, opacity: 0.18 },
        // Layers share scales; the domain is given here once (repeating it makes Vega-Lite warn).
        encoding: { x: { ...x, scale: xScale }, y: { ...y, field: 'low', scale: { zero: true } }, y2: { field: 'high' } },
      },
      {
        transform: [{ filter: "datum.kind === 'step' || datum.kind === 'until-end'" }],
        mark: { type: 'line', interpolate: 'step-after', color: h.colour, strokeWidth: 2 },
        encoding: { x, y: { ...y, field: 'mid' } },
      },
      {
        transform: [{ filter: "datum.kind === 'step'" }],
        mark: { type: 'point', filled: true, size: 40, color: h.colour, opacity: 1 },
        encoding: { x, y: { ...y, field: 'mid' }, tooltip, href: { field: 'sourceUrl' }, description: { field: 'text' } },
      },
      // Step labels under the low end of the step, beside the point where the step begins.
      ...(['right', 'left'] as const).map((at) => ({
        transform: [{ filter: `datum.kind === 'step' && !datum.reiterated && datum.side === '${at}'` }],
        mark: { type: 'text', align: at === 'right' ? 'left' : 'right', baseline: 'top', dx: at === 'right' ? 3 : -3, dy: 4, fontSize: FONT_SIZES.note, color: COLOURS.text },
        encoding: { x, y: { ...y, field: 'low' }, text: { field: 'text' }, tooltip },
      })),
      {
        transform: [{ filter: "datum.kind === 'actual' && isValid(datum.value)" }],
        mark: { type: 'rule', strokeDash: [4, 3], color: COLOURS.text, strokeWidth: 1.5 },
        encoding: { y: { ...y, field: 'value' }, tooltip: [{ field: 'text', title: 'Actual' }, { field: 'metric', title: 'Metric' }, { field: 'source', title: 'Source' }], href: { field: 'sourceUrl' } },
      },
      {
        transform: [{ filter: "datum.kind === 'actual'" }],
        mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -3, fontSize: FONT_SIZES.note, fontWeight: 600, color: COLOURS.text },
        encoding: { x, y: actual === null ? { value: 12 } : { ...y, field: 'value' }, text: { field: 'text' } },
      },
      ...empty,
    ],
  };
}

function pledgePanel(p: PledgeProgress, width: number, height: number): object {
  const c = p.currency;
  const rows = [
    { kind: 'pledge', date: p.start, end: p.end, value: p.amount, text: `Pledge: over ${guidanceText(p.amount, p.amount, c)} by ${formatEventDate(p.end)}`, sourceUrl: p.sources[0]?.url ?? null, source: sourceText(p.sources, p.name) },
    { kind: 'pace', date: p.start, value: 0 },
    { kind: 'pace', date: p.end, value: p.amount },
    { kind: 'spent', date: p.countedFrom, value: 0, text: '', label: 'start', sourceUrl: null },
    // A missing total stays in the line as null, which breaks it there.
    ...p.checkpoints.map((k) => ({
      kind: 'spent',
      missing: k.cumulative === null,
      date: k.end,
      value: k.cumulative,
      label: k.label,
      text: k.cumulative === null ? `${k.label}: no figure` : guidanceText(k.cumulative, k.cumulative, c),
      derivation: k.derivation,
      sourceUrl: k.sources[0]?.url ?? null,
      source: sourceText(k.sources, p.name),
    })),
    ...p.updates
      .filter((e) => e.date > p.start)
      .map((e) => ({ kind: 'update', date: e.date, value: p.amount, text: e.title, dateText: formatEventDate(e.date), sourceUrl: e.sourceUrl, source: sourceText([eventDocument(e)], p.name) })),
  ];
  const x = { field: 'date', type: 'temporal', title: null, axis: { format: '%b %Y', tickCount: 6 } } as const;
  const y = { field: 'value', type: 'quantitative', title: null, axis: { labelExpr: valueAxisLabelExpr(c), tickCount: 5 } } as const;
  const missing = p.missingQuarters.length ? ` No figure for ${p.missingQuarters.join(', ')}: the running total resumes only where a reported fiscal year covers the gap.` : '';
  const subtitle = `Running total of capex from ${formatEventDate(p.countedFrom)}, the first whole quarter after the ${formatEventDate(p.start)} announcement, against an even pace to ${formatEventDate(p.end)} (end date approximate: "over three years").${missing} Triangles: later statements about the pledge.`;
  return {
    title: { text: vegaValueText(`${p.name}’s pledge against capex spent since`), subtitle: wrapText(subtitle, width, FONT_SIZES.note).map(vegaValueText), subtitleFontSize: FONT_SIZES.note, fontSize: 14, anchor: 'start' },
    width,
    height,
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'pace'" }],
        mark: { type: 'line', strokeDash: [2, 3], color: COLOURS.muted, strokeWidth: 1 },
        // Layers share scales; the domains are given here once (repeating them makes Vega-Lite warn).
        encoding: { x: { ...x, scale: utc([monthStart(p.start), p.end]) }, y: { ...y, scale: { domain: [0, p.amount * 1.1] } } },
      },
      {
        transform: [{ filter: "datum.kind === 'pledge'" }],
        mark: { type: 'rule', color: p.colour, strokeWidth: 2 },
        encoding: { x, x2: { field: 'end' }, y, tooltip: [{ field: 'text', title: 'Pledge' }, { field: 'source', title: 'Source' }], href: { field: 'sourceUrl' } },
      },
      {
        transform: [{ filter: "datum.kind === 'pledge'" }],
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -4, fontSize: FONT_SIZES.note, fontWeight: 600, color: p.colour },
        encoding: { x: { ...x, field: 'end' }, y, text: { field: 'text' } },
      },
      {
        transform: [{ filter: "datum.kind === 'spent'" }],
        mark: { type: 'line', color: COLOURS.text, strokeWidth: 2, point: { filled: true, size: 36, color: COLOURS.text }, invalid: 'break-paths-show-domains' },
        encoding: { x, y, tooltip: [{ field: 'label', title: 'Quarter' }, { field: 'text', title: 'Spent since the pledge' }, { field: 'derivation', title: 'How' }, { field: 'source', title: 'Source' }], href: { field: 'sourceUrl' } },
      },
      {
        // Totals to the upper left of their point: the line rises from the lower left.
        transform: [{ filter: "datum.kind === 'spent' && datum.value > 0" }],
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -5, dy: -3, fontSize: FONT_SIZES.note, color: COLOURS.text },
        encoding: { x, y, text: { field: 'text' } },
      },
      {
        transform: [{ filter: "datum.kind === 'spent' && datum.missing" }],
        mark: { type: 'text', align: 'center', baseline: 'bottom', fontSize: FONT_SIZES.note, color: COLOURS.muted },
        encoding: { x, y: { value: height - 4 }, text: { field: 'text' }, tooltip: [{ field: 'text', title: 'Missing' }] },
      },
      {
        transform: [{ filter: "datum.kind === 'update'" }],
        mark: { type: 'point', shape: 'triangle-down', filled: true, size: 70, color: p.colour, opacity: 1 },
        encoding: { x, y, tooltip: [{ field: 'dateText', title: 'Date' }, { field: 'text', title: 'Statement' }, { field: 'source', title: 'Source' }], href: { field: 'sourceUrl' }, description: { field: 'text' } },
      },
    ],
  };
}

/** What the figure plots, each with the documents it cites: guidance steps, actuals, the pledge and its running totals. */
function plotted(histories: GuidanceHistory[], pledge: PledgeProgress | null): { docs: CitedDocument[]; levels: VerificationLevel[] } {
  const docs: CitedDocument[] = [];
  const levels: VerificationLevel[] = [];
  const add = (refs: readonly DocumentRef[], owner: string) => {
    for (const ref of refs) docs.push({ ref, owner });
    const weakest = weakestVerification(refs);
    if (weakest) levels.push(weakest);
  };
  for (const h of histories) {
    for (const s of h.steps) add(s.sources, h.name);
    if (h.actual?.value != null) add(h.actual.sources, h.name);
  }
  if (pledge) {
    add(pledge.sources, pledge.name);
    for (const k of pledge.checkpoints) if (k.cumulative !== null) add(k.sources, pledge.name);
    for (const e of pledge.updates) add([eventDocument(e)], pledge.name);
  }
  return { docs, levels };
}

/** How current the figure is: its guidance statements, actuals and the quarters counted against the pledge. */
export function planDataAsOf(histories: GuidanceHistory[], pledge: PledgeProgress | null): DataAsOf {
  const statements = histories.flatMap((h) => h.steps.map((s) => ({ end: h.periodEnd, basis: 'guidance' as const, sources: s.sources })));
  const actuals = histories.flatMap((h) => (h.actual ? [h.actual] : []));
  const pledged = pledge ? [...pledge.checkpoints.map((k) => k.quarter), ...pledge.checkpoints.filter((k) => k.cumulative !== null).map((k) => ({ ...k.quarter, sources: k.sources }))] : [];
  return combineDataAsOf([dataAsOf(statements), dataAsOfPoints([...actuals, ...pledged])]);
}

/** "Form 10-K, filed 2025-02-07 · mapped", the first document of a plotted figure, for tooltips. */
function sourceText(refs: readonly DocumentRef[], owner: string): string | null {
  const first = refs[0];
  if (!first) return null;
  const weakest = weakestVerification(refs)!;
  return `${documentLabel(first, owner)}${refs.length > 1 ? ` and ${refs.length - 1} more` : ''} · ${VERIFICATION_MARKS[weakest].mark}`;
}

function footer(lines: string[], width: number): object {
  const line = Math.round(FONT_SIZES.source * 1.4);
  return {
    width,
    height: lines.length * line,
    data: { values: lines.map((t, i) => ({ text: t, y: i * line })) },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: FONT_SIZES.source, color: COLOURS.muted, aria: false },
    encoding: { text: { field: 'text' }, x: { value: -AXIS }, y: { field: 'y', type: 'quantitative', scale: null } },
  };
}

function describe(histories: GuidanceHistory[], pledge: PledgeProgress | null): string {
  const parts = histories.map((h) => {
    const path = h.steps.filter((s) => !s.reiterated).map((s) => `${guidanceText(s.low, s.high, h.currency)} (${formatEventDate(s.date)})`);
    const actual = h.actual?.value == null ? 'actual not reported' : `actual ${formatMoney(h.actual.value, h.currency)} (${metricWords(h.actualMetric)})`;
    return `${h.name} ${h.label}: ${path.length ? `guidance ${path.join(' → ')}` : 'no dated guidance'}; ${actual}.`;
  });
  if (pledge) {
    const last = [...pledge.checkpoints].reverse().find((k) => k.cumulative !== null);
    const spent = last ? `${formatMoney(last.cumulative!, pledge.currency)} spent from ${formatEventDate(pledge.countedFrom)} to ${formatEventDate(last.end)}` : 'no complete total of capex since';
    const gaps = pledge.missingQuarters.length ? ` (no figure for ${pledge.missingQuarters.join(', ')})` : '';
    parts.push(`${pledge.name} pledged over ${formatMoney(pledge.amount, pledge.currency)} on ${formatEventDate(pledge.start)}; ${spent}${gaps}.`);
  }
  return `Plan versus actual. ${parts.join(' ')}`;
}
