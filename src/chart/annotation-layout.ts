// Where event labels go: in a lane of rows above the plot, so they can never cover a bar, a
// line or a value. Labels sit beside their marker's rule like flags and are staggered into
// rows; when they cannot all fit in a few rows, every marker gets a number instead and the
// titles move to a numbered list under the chart. Numbers sit as close to their rule as they
// can without touching (a short leader joins them when they had to move aside), so even
// events a day apart stay readable. Widths come from the bundled font.
import { measureText } from './text-metrics.js';

export const LANE = {
  fontSize: 11,
  rowHeight: 16,
  /**
   * Space between the plot's top edge and the lowest row: a bar that reaches the top of the
   * plot keeps a row's height above it free, where a value label would go.
   */
  gapAbovePlot: 14,
  /** Space between two labels (or badges) in one row, and between a label and a rule. */
  gap: 4,
  /** Beyond this many rows of labels, number the markers instead. */
  maxLabelRows: 3,
  /** Labels longer than this are shortened with an ellipsis (the tooltip has the full title). */
  maxLabelWidth: 260,
  badgeRadius: 8,
} as const;

export interface LaneMarker {
  id: string;
  /** Pixel position of the marker on the plot (0 = left edge). */
  x: number;
  /** Text to show beside the marker. */
  label: string;
}

export interface LanePlacement {
  id: string;
  /** The marker's own position (where its rule is). */
  x: number;
  /** 0 is the row nearest the plot. */
  row: number;
  /** 1, 2, 3... in numbered mode (in marker order), null when the marker is labelled. */
  number: number | null;
  /** Markers drawn under one badge share a group (numbered mode); null when labelled. */
  group?: number;
  /** What is drawn in the lane: the (possibly shortened) label, or the number. */
  text: string;
  /** Horizontal extent of what is drawn, in plot pixels; a badge is centred between them. */
  left: number;
  right: number;
  align: 'left' | 'right' | 'center';
}

export interface LaneLayout {
  mode: 'labels' | 'numbered';
  rows: number;
  placements: LanePlacement[];
  /** Height the lane takes above the plot. */
  height: number;
}

/** Vertical centre of a row, in plot pixels (negative: above the plot). */
export function rowCentre(row: number): number {
  return -(LANE.gapAbovePlot + row * LANE.rowHeight + LANE.rowHeight / 2);
}

/** Markers must be in the order they should be numbered (by date). */
export function layoutLane(markers: LaneMarker[], plotWidth: number): LaneLayout {
  const labelled = placeLabels(markers, plotWidth);
  const placements = labelled ?? placeBadges(markers, plotWidth);
  const rows = placements.length ? Math.max(...placements.map((p) => p.row)) + 1 : 0;
  return {
    mode: labelled ? 'labels' : 'numbered',
    rows,
    placements,
    height: rows ? LANE.gapAbovePlot + rows * LANE.rowHeight + LANE.gap : 0,
  };
}

/** Shortens text to fit `width` pixels, cutting at a word where it can and adding an ellipsis. */
export function fitText(text: string, width: number, fontSize: number = LANE.fontSize): string {
  if (measureText(text, fontSize) <= width) return text;
  let cut = text;
  while (cut.length > 1 && measureText(`${cut}…`, fontSize) > width) {
    const space = cut.lastIndexOf(' ');
    cut = space > cut.length * 0.6 ? cut.slice(0, space) : cut.slice(0, -1);
  }
  return `${cut.trimEnd()}…`;
}

/**
 * Labels beside their rules, each in the first row that has room; null when some label has
 * none. Placing from the right as well as from the left finds the staircase either way up
 * (a label in a higher row may reach over the rules of the labels below it).
 */
function placeLabels(markers: LaneMarker[], plotWidth: number): LanePlacement[] | null {
  const tries = [placeInOrder(markers, plotWidth), placeInOrder([...markers].reverse(), plotWidth)].filter((t): t is LanePlacement[] => t !== null);
  if (!tries.length) return null;
  const rowsOf = (t: LanePlacement[]) => Math.max(...t.map((p) => p.row));
  const best = tries.reduce((a, b) => (rowsOf(b) < rowsOf(a) ? b : a));
  const order = new Map(markers.map((m, i) => [m.id, i]));
  return [...best].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function placeInOrder(markers: LaneMarker[], plotWidth: number): LanePlacement[] | null {
  const placed: LanePlacement[] = [];
  for (const m of markers) {
    const candidates = labelBoxes(m, plotWidth);
    let chosen: LanePlacement | null = null;
    for (let row = 0; row < LANE.maxLabelRows && !chosen; row++) {
      chosen = candidates.map((c) => ({ ...c, row })).find((c) => fits(c, placed)) ?? null;
    }
    if (!chosen) return null;
    placed.push(chosen);
  }
  return placed;
}

/** A label to the right of its rule, or to the left when it would run past the plot's right edge. */
function labelBoxes(m: LaneMarker, plotWidth: number): Omit<LanePlacement, 'row'>[] {
  const text = fitText(m.label, Math.min(LANE.maxLabelWidth, plotWidth - LANE.gap));
  const w = measureText(text, LANE.fontSize);
  const right = { id: m.id, x: m.x, number: null, text, left: m.x + LANE.gap, right: m.x + LANE.gap + w, align: 'left' as const };
  const left = { id: m.id, x: m.x, number: null, text, left: m.x - LANE.gap - w, right: m.x - LANE.gap, align: 'right' as const };
  return [right, left].filter((b) => b.left >= 0 && b.right <= plotWidth);
}

/**
 * Numbered badges, in marker order. Markers closer together than a badge is wide share one
 * badge ("1–5"), so events a day apart never stack five discs over one bar; neighbouring
 * badges that would touch merge the same way. Each badge sits centred over its markers.
 */
function placeBadges(markers: LaneMarker[], plotWidth: number): LanePlacement[] {
  const reach = LANE.badgeRadius * 2 + LANE.gap;
  let groups: { members: number[] }[] = [];
  markers.forEach((m, i) => {
    const last = groups[groups.length - 1];
    if (last && m.x - markers[last.members[last.members.length - 1]!]!.x < reach) last.members.push(i);
    else groups.push({ members: [i] });
  });
  const box = (g: { members: number[] }) => {
    const first = g.members[0]! + 1;
    const last = g.members[g.members.length - 1]! + 1;
    const text = first === last ? String(first) : `${first}–${last}`;
    const width = Math.max(LANE.badgeRadius * 2, measureText(text, LANE.fontSize, 600) + 10);
    const mean = g.members.reduce((sum, i) => sum + markers[i]!.x, 0) / g.members.length;
    const centre = Math.min(Math.max(mean, width / 2), plotWidth - width / 2);
    return { text, left: centre - width / 2, right: centre + width / 2 };
  };
  // Merge neighbours until no two badges are closer than the gap.
  for (let merged = true; merged; ) {
    merged = false;
    for (let k = 1; k < groups.length; k++) {
      if (box(groups[k - 1]!).right + LANE.gap > box(groups[k]!).left) {
        groups = [...groups.slice(0, k - 1), { members: [...groups[k - 1]!.members, ...groups[k]!.members] }, ...groups.slice(k + 1)];
        merged = true;
        break;
      }
    }
  }
  return groups.flatMap((g, group) => {
    const b = box(g);
    return g.members.map((i) => ({ id: markers[i]!.id, x: markers[i]!.x, row: 0, number: i + 1, group, text: b.text, left: b.left, right: b.right, align: 'center' as const }));
  });
}

/**
 * A box fits a row when it overlaps no box in that row, no rule of a marker placed in a higher
 * row crosses it, and its own rule (which runs down to the plot) crosses no box in a lower row.
 */
function fits(c: LanePlacement, placed: LanePlacement[]): boolean {
  const g = LANE.gap;
  return placed.every((p) => {
    if (p.row === c.row) return c.right + g <= p.left || p.right + g <= c.left;
    if (p.row > c.row) return !(c.left - g < p.x && p.x < c.right + g);
    return !(p.left - g < c.x && c.x < p.right + g);
  });
}
