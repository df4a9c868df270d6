// What a guidance row says: a point figure, or one end of a range. The bundled data states
// ranges three ways: capex_guidance_low/high facts; capex_guidance facts whose note begins
// "low end" or "high end" (Meta's rows); and events whose note gives "Range 64,000-72,000"
// (in millions) with the low end as the value.
import type { StoredFact } from '../model/fact.js';
import type { RaceEvent } from '../model/race-event.js';

export type GuidanceEnd = 'low' | 'high' | 'point';

export const GUIDANCE_METRICS = ['capex_guidance', 'capex_guidance_low', 'capex_guidance_high'] as const;

/** A group's guidance: the combined figure the press reported for its members (the big four). */
export const GROUP_GUIDANCE_METRIC = 'capex_combined';

export function guidanceEndOf(fact: Pick<StoredFact, 'metric' | 'note'>): GuidanceEnd {
  if (fact.metric.endsWith('_low')) return 'low';
  if (fact.metric.endsWith('_high')) return 'high';
  const m = /\b(low|high) end\b/i.exec(fact.note ?? '');
  return m ? (m[1]!.toLowerCase() as GuidanceEnd) : 'point';
}

/** A row that states a per-quarter pace, not a figure for the year (Amazon's "run-rate"). */
export function isQuarterlyPace(note: string | null): boolean {
  return /\bquarterly\b|per[- ]quarter|run-rate/i.test(note ?? '');
}

/** Low and high of an event's figure, in currency units: the note's range, else the amount twice. */
export function eventRange(e: Pick<RaceEvent, 'amount' | 'note'>): { low: number; high: number } | null {
  if (e.amount === null) return null;
  const m = /\bRange\s+([\d,.]+)\s*[-–]\s*([\d,.]+)/i.exec(e.note ?? '');
  if (!m) return { low: e.amount, high: e.amount };
  const millions = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 1e6);
  const [low, high] = [millions(m[1]!), millions(m[2]!)];
  // The file's rule: the value is the low end. A note that disagrees is not trusted.
  return low === e.amount && high >= low ? { low, high } : { low: e.amount, high: e.amount };
}
