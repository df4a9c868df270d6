// One note under a chart for what it does not draw, instead of text piled under the axis:
// periods at either end with no figure at all, and the values missing inside the range.
import type { SeriesResult } from '../model/series.js';
import { MISSING_WORDS } from '../series/labels.js';
import type { ChartLayout } from './chart-layout.js';
import { listOf } from './chart-options.js';
import { trimmedPeriods } from './period-axis.js';
import { periodLabels } from './chart-data.js';

/** Beyond this many, gaps are counted rather than listed (the table lists them all). */
const LISTED = 4;

export function gapNotes(result: SeriesResult, layout: Pick<ChartLayout, 'periods'>): string[] {
  const notes: string[] = [];
  const all = periodLabels(result);
  const trimmed = trimmedPeriods(result);
  const before = trimmed.filter((l) => all.indexOf(l) < all.indexOf(layout.periods[0] ?? ''));
  const after = trimmed.filter((l) => !before.includes(l));
  const span = (labels: string[]) => (labels.length > 2 ? `${labels[0]}–${labels[labels.length - 1]}` : listOf(labels));
  if (after.length) notes.push(`No figures yet for ${span(after)}, so ${after.length === 1 ? 'it is' : 'they are'} not drawn.`);
  if (before.length) notes.push(`No figures for ${span(before)}, so ${before.length === 1 ? 'it is' : 'they are'} not drawn.`);
  // A company whose figures start later or stop earlier than the others' is said once, not as a pile of gaps.
  const periods = layout.periods;
  const starts = new Map<string, string[]>();
  const ends = new Map<string, string[]>();
  const gaps: string[] = [];
  for (const s of result.series) {
    const present = periods.map((label) => s.points.find((p) => p.label === label)).map((p) => p !== undefined && p.value !== null);
    const first = present.indexOf(true);
    const last = present.lastIndexOf(true);
    if (first < 0) {
      notes.push(`No figures for ${s.name} in these periods.`);
      continue;
    }
    const reason = (i: number) => s.points.find((x) => x.label === periods[i])?.missing?.reason ?? 'no-data';
    // A run of two or more periods with no data at either end is coverage, said once; a single
    // missing period, or one with a reason of its own (incomplete, no FX rate), is a gap.
    const coverage = (from: number, to: number) => to - from >= 1 && Array.from({ length: to - from + 1 }, (_, k) => reason(from + k)).every((r) => r === 'no-data');
    let gapFrom = first + 1;
    let gapTo = last - 1;
    if (first > 0 && coverage(0, first - 1)) starts.set(periods[first]!, [...(starts.get(periods[first]!) ?? []), s.name]);
    else gapFrom = 0;
    if (last < periods.length - 1 && coverage(last + 1, periods.length - 1)) ends.set(periods[last]!, [...(ends.get(periods[last]!) ?? []), s.name]);
    else gapTo = periods.length - 1;
    for (let i = gapFrom; i <= gapTo; i++) if (!present[i]) gaps.push(`${s.name} ${periods[i]} (${MISSING_WORDS[reason(i)]})`);
  }
  const spans = [
    ...[...starts].map(([label, names]) => `${listOf(names)} from ${label}`),
    ...[...ends].map(([label, names]) => `${listOf(names)} until ${label}`),
  ];
  if (spans.length) notes.push(`Figures for ${spans.join('; ')}.`);
  if (gaps.length === 1) notes.push(`Gap: ${gaps[0]}.`);
  else if (gaps.length && gaps.length <= LISTED) notes.push(`Gaps: ${listOf(gaps)}.`);
  else if (gaps.length) notes.push(`Gaps: ${gaps.length} values are missing or incomplete and not drawn; the table says why.`);
  return notes;
}
