// The stretch of time each period label on a chart's x axis stands for, so an event's date
// can be placed on an axis of period labels (FY2022, 2025-Q3, TTM 2025-Q3).
import type { SeriesResult } from '../model/series.js';
import { periodLabels } from './chart-data.js';
import { endDateOf, monthIndexOf, startDateOf } from '../series/months.js';

export interface PeriodSpan {
  label: string;
  /** First and last day (ISO) of the time the label stands for. */
  start: string;
  end: string;
}

/**
 * One span per label, in axis order. Companies can disagree about a label's dates (Microsoft's
 * FY2025 runs July 2024–June 2025, Alphabet's is calendar 2025): the span is the one most of
 * the companies shown share, ties going to the earliest. TTM windows overlap, so a TTM label
 * stands for its last quarter only, and consecutive labels tile time without overlapping.
 */
export function periodTimeline(result: SeriesResult): PeriodSpan[] {
  return periodLabels(result).map((label) => {
    const counts = new Map<string, { start: string; end: string; n: number }>();
    for (const s of result.series) {
      for (const p of s.points) {
        if (p.label !== label) continue;
        const key = `${p.start}|${p.end}`;
        const seen = counts.get(key);
        counts.set(key, { start: p.start, end: p.end, n: (seen?.n ?? 0) + 1 });
      }
    }
    const best = [...counts.values()].sort((a, b) => b.n - a.n || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0]!;
    if (result.period !== 'ttm') return { label, start: best.start, end: best.end };
    const m = monthIndexOf(best.end);
    return { label, start: startDateOf(m, 3), end: endDateOf(m) };
  });
}

export interface DatePlace {
  label: string;
  /** How far through the label's span the date falls: 0 at its first day, approaching 1 at its last. */
  fraction: number;
}

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The span containing the date and the fraction of it elapsed, or null outside every span. */
export function placeDate(timeline: PeriodSpan[], date: string): DatePlace | null {
  const span = timeline.find((s) => s.start <= date && date <= s.end);
  if (!span) return null;
  const length = (time(span.end) + DAY - time(span.start)) / DAY;
  return { label: span.label, fraction: (time(date) - time(span.start)) / DAY / length };
}
