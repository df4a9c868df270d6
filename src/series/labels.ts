// Words for the codes users never need to see: metric ids, period kinds, bases, transforms and
// missing-value reasons. Pages, charts, CSV files and the API reference all name things from
// here, so "capex_intensity" reads "Capex intensity" everywhere and nothing is worded twice.
import type { Basis } from '../model/fact.js';
import type { MissingReason, Period } from '../model/series.js';
import { METRICS } from './metrics.js';
import type { Transform } from './analytics.js';

/** "FY2025", "2025-Q3": how each period kind reads in a sentence. */
export const PERIOD_WORDS: Record<Period, { plural: string; singular: string }> = {
  quarter: { plural: 'calendar quarters', singular: 'calendar quarter' },
  fy: { plural: 'fiscal years', singular: 'fiscal year' },
  cy: { plural: 'calendar years', singular: 'calendar year' },
  ttm: { plural: 'trailing twelve months', singular: 'trailing twelve months' },
};

export const BASIS_WORDS: Record<Basis, string> = {
  actual: 'as reported',
  guidance: 'guidance',
  commitment: 'commitments',
  derived: 'computed',
};

export const TRANSFORM_WORDS: Record<Transform, { label: string; of: string }> = {
  yoy: { label: 'Year-over-year growth (%)', of: 'Year-over-year growth in' },
  share: { label: 'Share of the companies shown (%)', of: 'Share of the total' },
};

export const MISSING_WORDS: Record<MissingReason, string> = {
  'no-data': 'no data',
  'no-fx-rate': 'no FX rate',
  'divide-by-zero': 'n/a',
  incomplete: 'incomplete',
};

/** The metric and transform a result's metric id stands for: `capex_yoy` → capex, yoy. */
export function splitMetricId(id: string): { metric: string; transform: Transform | null } {
  for (const t of Object.keys(TRANSFORM_WORDS) as Transform[]) {
    if (id.endsWith(`_${t}`) && METRICS.has(id.slice(0, -t.length - 1))) return { metric: id.slice(0, -t.length - 1), transform: t };
  }
  return { metric: id, transform: null };
}

/** "Capital expenditures"; a transformed id: "Capital expenditures, year-over-year growth (%)". */
export function metricLabel(id: string): string {
  const { metric, transform } = splitMetricId(id);
  const label = METRICS.get(metric)?.label ?? metric.replaceAll('_', ' ');
  if (!transform) return label;
  const t = TRANSFORM_WORDS[transform].label;
  return `${label}, ${t.charAt(0).toLowerCase()}${t.slice(1)}`;
}

/** The metric as it reads inside a sentence: "capital expenditures", "AWS capex". */
export function metricWords(id: string): string {
  const { metric, transform } = splitMetricId(id);
  const label = METRICS.get(metric)?.label ?? metric.replaceAll('_', ' ');
  // Keep acronyms (AWS) as written; lower-case an ordinary first word.
  const words = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return transform ? `${TRANSFORM_WORDS[transform].of.toLowerCase()} ${words}` : words;
}

/** A plain-words definition (no XBRL tag names), for subtitles and tooltips. */
export function metricSummary(id: string): string {
  const { metric, transform } = splitMetricId(id);
  const def = METRICS.get(metric);
  const summary = def?.summary ?? def?.definition ?? '';
  if (!transform) return summary;
  return transform === 'yoy' ? 'Change on the same period a year earlier.' : 'Each company’s share of the total of the companies shown.';
}
