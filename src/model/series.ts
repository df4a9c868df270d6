// The shape the series engine hands to every view (tables, charts, API, claim checker).
import type { Basis, SourceRef } from './fact.js';

export const PERIODS = ['quarter', 'fy', 'cy', 'ttm'] as const;
/** quarter: calendar quarter; fy: the company's fiscal year; cy: calendar year; ttm: trailing four quarters. */
export type Period = (typeof PERIODS)[number];

/** Why a value is absent. Missing values keep their reason instead of becoming null or NaN. */
export const MISSING_REASONS = ['no-data', 'no-fx-rate', 'divide-by-zero', 'incomplete'] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];

/**
 * Why a `no-data` value has no data: nothing was filed for the period (`not-filed`), or figures
 * were filed but the value cannot be derived from them (`not-derivable`: Q4 needs FY and 9M, and
 * the 9M year-to-date figure is missing).
 */
export const NO_DATA_CAUSES = ['not-filed', 'not-derivable'] as const;
export type NoDataCause = (typeof NO_DATA_CAUSES)[number];

export interface Missing {
  reason: MissingReason;
  /** For `no-data` from the series engine: not filed, or filed but not derivable. */
  cause?: NoDataCause;
  /** Human-readable detail: which quarter is missing, which rate, ... */
  detail: string;
}

export interface FxUse {
  /** e.g. CNY/USD: units of `from` per 1 USD. */
  pair: string;
  rate: number;
  /** Date the rate is stated for. */
  date: string;
  source: SourceRef;
}

/** What every point says besides its value: the period, how it was computed, its sources. */
export interface PointFields {
  /** FY2025, 2025, 2025-Q3, TTM 2025-Q3. */
  label: string;
  /**
   * ISO dates of the period this value covers, as filed (Microsoft FY2024 = 2023-07-01..2024-06-30,
   * NVIDIA FY2025 = 2024-01-29..2025-01-26). A derived quarter starts the day after the
   * year-to-date figure it subtracts; a missing value gets the month-rounded period.
   */
  start: string;
  end: string;
  /**
   * The company's fiscal period(s) behind a calendar label, when they differ from it: `FY2026 Q1`
   * for NVIDIA's 2025-Q1, `FY2025 Q1–Q4` for its calendar 2024, `FY2024 Q3–FY2025 Q2` for
   * Microsoft's. Null for December year-ends, fiscal-year periods and groups.
   */
  fiscalPeriod: string | null;
  basis: Basis;
  /** False when part of the period has no data: the value is then null, never a silent partial sum. */
  complete: boolean;
  /** True when airace computed the value (a quarter from YTD facts, a year from quarters, a ratio). */
  derived: boolean;
  /** How a derived value was computed, e.g. "Q4 = FY − 9M YTD". */
  derivation: string | null;
  /** Sum of the parts that do exist, for incomplete values; shown only with a warning. */
  partialValue: number | null;
  fx: FxUse | null;
  sources: SourceRef[];
  /**
   * The value (or a figure it is derived from) is a restatement: a later filing changed what was
   * first reported by more than rounding. `--as-first-reported` shows the original.
   */
  restated: boolean;
  /**
   * For a metric a company reports in segments (Microsoft's cloud revenue: Intelligent Cloud or
   * Microsoft Cloud), the one segment the value and all its sources are; null when the point has
   * no single segment (a value that would join two is missing). Absent for metrics without segments.
   */
  segment?: string | null;
}

/** A point with a value: in currency units (not millions), or percent for ratios. */
export interface PresentPoint extends PointFields {
  value: number;
  missing: null;
}

/** A point without a value, and why: never a zero or NaN standing in for it. */
export interface MissingPoint extends PointFields {
  value: null;
  missing: Missing;
}

/** One period's figure: a value, or a missing reason, never both (the compiler keeps it so). */
export type SeriesPoint = PresentPoint | MissingPoint;

/** A value or a reason, as the computations that make points return them. */
export type PointOutcome = Pick<PresentPoint, 'value' | 'missing'> | Pick<MissingPoint, 'value' | 'missing'>;

/** True for a point with a value; a filter with it keeps the type. */
export function hasValue(p: SeriesPoint): p is PresentPoint {
  return p.value !== null;
}

/** The point with `fields` and a value. */
export function presentPoint(fields: PointFields, value: number): PresentPoint {
  return { ...fields, value, missing: null };
}

/** The point with `fields` and no value, for `missing`'s reason. */
export function missingPoint(fields: PointFields, missing: Missing): MissingPoint {
  return { ...fields, value: null, missing };
}

/**
 * The outcome of a computation that yields a nullable value and a nullable reason: the value when
 * there is one and no reason, else the reason. A value with a reason, or neither, is a bug in the
 * computation, named here rather than passed on to every reader.
 */
export function outcomeOf(value: number | null, missing: Missing | null, what: string): PointOutcome {
  if (value !== null && missing === null) return { value, missing: null };
  if (value === null && missing !== null) return { value: null, missing };
  throw new Error(`${what}: a point needs a value or a missing reason, and has ${value === null ? 'neither' : `both (${value}, ${missing?.reason})`}`);
}

export interface CompanySeries {
  ticker: string;
  name: string;
  colour: string;
  /** Native reporting currency of the company, before any conversion. */
  reportingCurrency: string;
  /** Company-specific definition of the metric when it varies (capex incl. finance leases). */
  definition: string | null;
  points: SeriesPoint[];
}

/**
 * How current the figures shown are: the newest end of a reported (actual) period among them,
 * and the newest filing date among the documents they cite. Null when nothing shown has one.
 * Computed in one place, src/series/data-as-of.ts.
 */
export interface DataAsOf {
  newestPeriodEnd: string | null;
  newestDocumentDate: string | null;
}

export interface SeriesResult {
  metric: string;
  /** Currency code for money metrics (USD, CNY), or `percent`. */
  unit: string;
  /** Currency of the values, or null for ratios. */
  currency: string | null;
  period: Period;
  basis: Basis;
  /** One-line definition of the metric as computed. */
  definition: string;
  series: CompanySeries[];
  /** How current the points with a value are (see DataAsOf). */
  dataAsOf: DataAsOf;
}
