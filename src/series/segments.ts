// Reporting segments articles name, and the company metric each belongs to: AWS and Google Cloud
// are those companies' cloud revenue; Microsoft reports an Intelligent Cloud segment (redefined in
// August 2024) and a broader Microsoft Cloud figure, which must never be joined; Alibaba's Cloud
// Intelligence Group became "AI Cloud and Compute Services" from the June 2026 quarter. A bundled
// cloud_revenue fact says in its note which one it is; `note` recognises it. The checker reads
// segments named in prose; the series engine keeps each derived value within one segment.

import { UnknownChoiceError } from '../model/errors.js';

export interface Segment {
  /** The name as articles write it. */
  name: string;
  ticker: string;
  /** The definition shown with a verdict. */
  definition: string;
  /** Recognises a cloud_revenue fact of this segment by its note; null when every fact of the company is this segment. */
  note: RegExp | null;
}

export const SEGMENTS: readonly Segment[] = [
  { name: 'AWS', ticker: 'AMZN', definition: 'AWS segment net sales', note: null },
  { name: 'Amazon Web Services', ticker: 'AMZN', definition: 'AWS segment net sales', note: null },
  { name: 'Google Cloud', ticker: 'GOOGL', definition: 'Google Cloud segment revenue', note: null },
  { name: 'Intelligent Cloud', ticker: 'MSFT', definition: 'Intelligent Cloud segment revenue (as redefined in August 2024, earlier years recast)', note: /^Intelligent Cloud/i },
  { name: 'Microsoft Cloud', ticker: 'MSFT', definition: 'Microsoft Cloud revenue (broader than the Intelligent Cloud segment; the two are never joined)', note: /^'?Microsoft Cloud/i },
  { name: 'Azure', ticker: 'MSFT', definition: 'Azure and other cloud services (Microsoft states only its growth rate, which airace does not hold)', note: /^Azure\b/i },
  { name: 'Cloud Intelligence Group', ticker: 'BABA', definition: 'Cloud Intelligence Group revenue, incl. inter-segment (from the June 2026 quarter the segment is AI Cloud and Compute Services: a series break)', note: null },
  { name: 'Cloud Intelligence', ticker: 'BABA', definition: 'Cloud Intelligence Group revenue, incl. inter-segment', note: null },
  { name: 'Alibaba Cloud', ticker: 'BABA', definition: 'Cloud Intelligence Group revenue, incl. inter-segment', note: null },
  { name: 'AI Cloud and Compute Services', ticker: 'BABA', definition: 'AI Cloud and Compute Services revenue (the segment that replaced Cloud Intelligence Group from the June 2026 quarter)', note: /AI Cloud and Compute/i },
];

export const SEGMENT_NAMES = SEGMENTS.map((s) => s.name);

/** The names a series query's `segment` accepts: one per segment (aliases such as `Amazon Web Services` also work). */
export const SERIES_SEGMENT_NAMES = SEGMENTS.filter((s) => canonicalSegment(s) === s).map((s) => s.name);

/** The metric whose facts are split into these segments. */
export const SEGMENTED_METRIC = 'cloud_revenue';

/**
 * The name a segment goes by in series: the first entry of its company with the same note rule
 * (AWS for Amazon Web Services, Cloud Intelligence Group for Alibaba Cloud).
 */
export function canonicalSegment(s: Segment): Segment {
  return SEGMENTS.find((x) => x.ticker === s.ticker && String(x.note) === String(s.note))!;
}

/** The distinct segments of a company's metric, in registry order (none when the metric is not segmented). */
export function segmentsOf(ticker: string, metric: string): Segment[] {
  if (metric !== SEGMENTED_METRIC) return [];
  return SEGMENTS.filter((s) => s.ticker === ticker && canonicalSegment(s) === s);
}

/**
 * The segment a fact of a company's metric is, by its note: the segment whose rule matches it,
 * else the company's segment without a rule; null when the metric has no segments for the company
 * or the note names none of them.
 */
export function segmentOfFact(ticker: string, metric: string, note: string | null): Segment | null {
  const segments = segmentsOf(ticker, metric);
  if (!segments.length) return null;
  const text = (note ?? '').trim();
  return segments.find((s) => s.note?.test(text)) ?? segments.find((s) => s.note === null) ?? null;
}

/** The segment a `segment` option names (any of its names, any case), or an error listing them. */
export function segmentOption(input: string): Segment {
  const s = segmentNamed(input);
  if (!s) throw new UnknownChoiceError('segment', input, SERIES_SEGMENT_NAMES);
  return canonicalSegment(s);
}

export function segmentNamed(name: string | null): Segment | null {
  if (!name) return null;
  const n = name.replace(/['’]s$/, '').trim().replace(/\s+/g, ' ').toLowerCase();
  return SEGMENTS.find((s) => s.name.toLowerCase() === n) ?? null;
}
