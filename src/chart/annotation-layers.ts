// Event markers as Vega-Lite layers: a dashed rule at each event's date, its label (or number)
// in a lane above the plot, and in numbered mode a list of the events under the chart. All
// positions are pixels computed here (scale: null), from the x scale Vega will use.
import type { TopLevelSpec } from 'vega-lite';
import { eventDocument, type RaceEvent } from '../model/race-event.js';
import { documentLabel, readAtLabel, VERIFICATION_MARKS } from '../model/document-label.js';
import type { SeriesResult } from '../model/series.js';
import type { Layer } from './layer.js';
import { formatMoney } from '../model/format-figure.js';
import { formatEventDate } from './format-event-date.js';
import { periodTimeline } from './period-timeline.js';
import { periodXScale, xOfDate } from './period-x-scale.js';
import { LANE, fitText, layoutLane, rowCentre, type LaneLayout } from './annotation-layout.js';
import { measureText } from './text-metrics.js';
import { COLOURS } from './theme.js';

/** What a chart says about the events it marks (kept in usermeta for the web view and tests). */
export interface PlacedAnnotation {
  id: string;
  date: string;
  title: string;
  x: number;
  number: number | null;
}

export interface AnnotationMarks {
  /** Drawn before the data, so bars and lines cover the rules rather than the reverse. */
  behind: Layer[];
  /** Labels, badges and the numbered list. */
  front: Layer[];
  /** Room the lane needs above the plot. */
  laneHeight: number;
  /** Room the numbered list needs below the axis labels. */
  listHeight: number;
  mode: LaneLayout['mode'] | 'none';
  placed: PlacedAnnotation[];
  /** Events outside the chart's periods, not drawn. */
  omitted: string[];
}

const RULE_COLOUR = '#8a8a8a';
const BADGE_COLOUR = '#444444';
const LIST_LINE = 18;

const TOOLTIP = [
  { field: 'title', title: 'Event' },
  { field: 'dateText', title: 'Date' },
  { field: 'amountText', title: 'Amount' },
  { field: 'companiesText', title: 'Companies' },
  { field: 'kind', title: 'Kind' },
  { field: 'source', title: 'Source' },
];

const px = (field: string) => ({ field, type: 'quantitative', scale: null }) as const;

export function annotationMarks(
  base: TopLevelSpec,
  result: SeriesResult,
  events: RaceEvent[],
  { width, height, listTop }: { width: number; height: number; listTop: number },
): AnnotationMarks {
  const x = periodXScale(base, width);
  const timeline = periodTimeline(result);
  // Each event once (callers may merge lists), in date order: the order markers are numbered in.
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  const sorted = unique.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
  const located = sorted.map((e) => ({ e, x: xOfDate(x, timeline, e.date) }));
  const inside = located.filter((l): l is { e: RaceEvent; x: number } => l.x !== null);
  const omitted = located.filter((l) => l.x === null).map((l) => l.e.id);
  if (inside.length === 0) return { behind: [], front: [], laneHeight: 0, listHeight: 0, mode: 'none', placed: [], omitted };

  const lane = layoutLane(inside.map((l) => ({ id: l.e.id, x: l.x, label: l.e.title })), width);
  const byId = new Map(inside.map((l) => [l.e.id, l.e]));
  const rows = lane.placements.map((p) => {
    const e = byId.get(p.id)!;
    const centre = rowCentre(p.row);
    return {
      id: e.id,
      x: p.x,
      // A labelled rule starts level with its label (a flag); a numbered one at the plot's top
      // edge, where a leader takes over to its badge.
      ruleTop: lane.mode === 'labels' ? centre - LANE.fontSize / 2 : 0,
      ruleBottom: height,
      textX: p.align === 'left' ? p.left : p.align === 'right' ? p.right : (p.left + p.right) / 2,
      textY: centre,
      leaderTop: 0,
      badgeBottom: centre + LANE.badgeRadius,
      text: p.text,
      align: p.align,
      number: p.number,
      ...details(e),
    };
  });

  const behind: Layer[] = [
    {
      data: { values: rows },
      mark: { type: 'rule', color: RULE_COLOUR, strokeDash: [3, 2], strokeWidth: 1 },
      encoding: { x: px('x'), y: px('ruleTop'), y2: { field: 'ruleBottom' }, tooltip: TOOLTIP, description: { field: 'summary' }, href: { field: 'sourceUrl' } },
    },
  ];
  const front: Layer[] = [];
  if (lane.mode === 'labels') {
    for (const align of ['left', 'right'] as const) {
      const values = rows.filter((r) => r.align === align);
      if (!values.length) continue;
      front.push({
        data: { values },
        mark: { type: 'text', align, baseline: 'middle', fontSize: LANE.fontSize, color: COLOURS.text },
        encoding: { x: px('textX'), y: px('textY'), text: { field: 'text' }, tooltip: TOOLTIP, description: { field: 'summary' }, href: { field: 'sourceUrl' } },
      });
    }
  } else {
    front.push({
      data: { values: rows },
      mark: { type: 'rule', color: RULE_COLOUR, strokeWidth: 1, aria: false },
      encoding: { x: px('x'), y: px('leaderTop'), x2: { field: 'textX' }, y2: { field: 'badgeBottom' } },
    });
    // One badge per group of markers that share it ("1–5"), described by all of its events.
    const groups = [...new Map(lane.placements.map((p) => [p.group, p])).values()].map((p) => {
      const members = rows.filter((r) => lane.placements.find((q) => q.id === r.id)!.group === p.group);
      const first = members[0]!;
      return {
        ...first,
        left: p.left,
        right: p.right,
        by: first.textY,
        summary: members.map((m) => m.summary).join('; '),
      };
    });
    front.push(...badgeLayers(groups));
  }

  const list = lane.mode === 'numbered' ? numberedList(rows, width, listTop) : { layers: [], height: 0 };
  front.push(...list.layers);
  return {
    behind,
    front,
    laneHeight: lane.height,
    listHeight: list.height,
    mode: lane.mode,
    placed: rows.map((r) => ({ id: r.id, date: r.date, title: r.title, x: r.x, number: r.number })),
    omitted,
  };
}

/** The fields every annotation mark carries for its tooltip, aria label and link. */
function details(e: RaceEvent) {
  const dateText = formatEventDate(e.date);
  return {
    date: e.date,
    dateText,
    title: e.title,
    kind: e.kind,
    amountText: e.amount === null || e.currency === null ? 'none stated' : formatMoney(e.amount, e.currency),
    companiesText: e.companies.map((c) => c.name).join(', '),
    sourceUrl: e.sourceUrl,
    source: `${documentLabel(eventDocument(e))}${e.readAt ? ` (${readAtLabel(e)})` : ''} · ${VERIFICATION_MARKS[e.verified].mark}`,
    summary: `Event, ${dateText}: ${e.title}`,
  };
}

/** A dark disc (a pill for a group) with a white number: the marker's key into the list under the chart. */
function badgeLayers<T extends { left: number; right: number; by: number; text: string }>(values: T[]): Layer[] {
  const r = LANE.badgeRadius;
  const boxes = values.map((v) => ({ ...v, x1: v.left, x2: v.right, y1: v.by - r, y2: v.by + r, cx: (v.left + v.right) / 2 }));
  return [
    {
      data: { values: boxes },
      mark: { type: 'rect', cornerRadius: r, color: BADGE_COLOUR },
      encoding: { x: px('x1'), x2: { field: 'x2' }, y: px('y1'), y2: { field: 'y2' }, tooltip: TOOLTIP, description: { field: 'summary' }, href: { field: 'sourceUrl' } },
    },
    {
      data: { values: boxes },
      mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: LANE.fontSize, fontWeight: 600, color: '#ffffff', aria: false },
      encoding: { x: px('cx'), y: px('by'), text: { field: 'text' }, href: { field: 'sourceUrl' } },
    },
  ];
}

/** "① 24 Feb 2025  Alibaba pledges…" lines under the chart, in as many columns as fit. */
function numberedList<T extends { number: number | null; dateText: string; title: string }>(rows: T[], width: number, top: number) {
  const indent = LANE.badgeRadius * 2 + 6;
  const colGap = 24;
  const lines = rows.map((r) => `${r.dateText}  ${r.title}`);
  const widest = Math.max(...lines.map((l) => measureText(l, LANE.fontSize)));
  const columns = Math.max(1, Math.min(3, Math.floor((width + colGap) / (indent + widest + colGap))));
  const colWidth = (width - colGap * (columns - 1)) / columns;
  const perColumn = Math.ceil(rows.length / columns);
  const values = rows.map((r, i) => {
    const col = Math.floor(i / perColumn);
    const line = i % perColumn;
    const left = col * (colWidth + colGap);
    return {
      ...r,
      left,
      right: left + LANE.badgeRadius * 2,
      text: String(r.number),
      by: top + line * LIST_LINE + LANE.badgeRadius,
      lx: left + indent,
      line: fitText(lines[i]!, colWidth - indent),
    };
  });
  const text: Layer = {
    data: { values },
    mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: LANE.fontSize, color: COLOURS.text },
    encoding: { x: px('lx'), y: px('by'), text: { field: 'line' }, tooltip: TOOLTIP, description: { field: 'summary' }, href: { field: 'sourceUrl' } },
  };
  return { layers: [...badgeLayers(values), text], height: perColumn * LIST_LINE + 4 };
}
