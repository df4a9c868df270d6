// The period axis: which periods a chart shows, and which of their labels it writes. Periods
// at either end with no figure for any company (next year, before coverage starts) are left
// out and named once in the chart's note; gaps inside the range keep their slot, so a missing
// value reads as a gap. Labels are thinned to every second, fourth… so none overlaps another,
// always keeping the latest period labelled.
import type { SeriesResult } from '../model/series.js';
import { periodLabels } from './chart-data.js';
import { measureText } from './text-metrics.js';

const hasFigure = (result: SeriesResult, label: string) => result.series.some((s) => s.points.some((p) => p.label === label && p.value !== null));

/** Period labels in time order, without the empty ones at either end. */
export function visiblePeriods(result: SeriesResult): string[] {
  const labels = periodLabels(result);
  let first = 0;
  let last = labels.length - 1;
  while (first <= last && !hasFigure(result, labels[first]!)) first++;
  while (last >= first && !hasFigure(result, labels[last]!)) last--;
  return first > last ? labels : labels.slice(first, last + 1);
}

/** The labels cut from either end (every company lacks them), to name in a note. */
export function trimmedPeriods(result: SeriesResult): string[] {
  const shown = new Set(visiblePeriods(result));
  return periodLabels(result).filter((l) => !shown.has(l));
}

/** Room between two neighbouring labels. */
const LABEL_GAP = 8;

/**
 * The labels to write under `slot` pixels each: all of them when they fit, else every k-th
 * (k = 2, 4, 8… so quarters keep lining up with years), counted back from the latest.
 */
export function thinnedLabels(labels: string[], slot: number, fontSize: number): string[] {
  const widest = Math.max(0, ...labels.map((l) => measureText(l, fontSize)));
  let step = 1;
  while (step < labels.length && widest + LABEL_GAP > slot * step) step *= 2;
  return labels.filter((_, i) => (labels.length - 1 - i) % step === 0);
}
