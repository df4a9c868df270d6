// The vocabulary every pipeline stage shares: a reported fact and where it came from.

/** How a figure relates to reality. Guidance and commitments never mix with actuals. */
export const BASES = ['actual', 'guidance', 'commitment', 'derived'] as const;
export type Basis = (typeof BASES)[number];

export const CONFIDENCES = ['high', 'medium', 'low', 'derived'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Where a fact entered airace: the bundled verified CSV or a live SEC sync. */
export const SOURCE_KINDS = ['bundled', 'sec'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * A fact as an ingester hands it to the store. Values are in the unit itself
 * (USD, not millions); percentages in percent; FX rates as quote-currency per USD.
 */
export interface FactInput {
  ticker: string;
  /** airace metric id (capex, revenue, ...) or, for unmapped XBRL facts, `taxonomy:Concept`. */
  metric: string;
  /** XBRL concept the value was read from, when there is one (`us-gaap:PaymentsToAcquireProductiveAssets`). */
  concept: string | null;
  value: number;
  /** USD, CNY, percent, CNY/USD, shares ... */
  unit: string;
  /** ISO date; null for instants (balance-sheet values). */
  periodStart: string | null;
  periodEnd: string;
  basis: Basis;
  confidence: Confidence;
  /** Marks the row to use when several give the same ticker, metric, period, basis and unit. */
  preferred: boolean;
  sourceKind: SourceKind;
  sourceUrl: string;
  form: string | null;
  accession: string | null;
  /** Filing date (ISO). Orders versions of the same period: the newest filed wins by default. */
  filed: string | null;
  fy: number | null;
  fp: string | null;
  frame: string | null;
  note: string | null;
}

export interface StoredFact extends FactInput {
  id: number;
}

/** A pointer to the evidence behind a value, as shown to users. */
export interface SourceRef {
  factId: number;
  kind: SourceKind;
  url: string;
  form: string | null;
  accession: string | null;
  filed: string | null;
  confidence: Confidence;
  note: string | null;
  /** The period of the fact itself (a derived quarter cites YTD facts with longer periods). */
  periodStart: string | null;
  periodEnd: string;
  value: number;
}

export function sourceRefOf(f: StoredFact): SourceRef {
  return {
    factId: f.id,
    kind: f.sourceKind,
    url: f.sourceUrl,
    form: f.form,
    accession: f.accession,
    filed: f.filed,
    confidence: f.confidence,
    note: f.note,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    value: f.value,
  };
}
