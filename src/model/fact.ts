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
 * How far a value has been checked against its document of record, strongest first:
 * `xbrl` equals SEC's XBRL fact for exactly that period; `filing` was read in the document
 * itself; `mapped` names the document but was read elsewhere (`readAt`) and not yet checked in
 * it; `secondary` has no primary document identified.
 */
export const VERIFICATION_LEVELS = ['xbrl', 'filing', 'mapped', 'secondary'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** What every source reference says about its document, in JSON and on every surface. */
export interface DocumentRef {
  /** The document of record: the filing or release that states the figure (or the best source there is). */
  url: string;
  form: string | null;
  accession: string | null;
  /** Filing date (ISO), when known. */
  filed: string | null;
  /** Where the value was actually read, when that is not `url`. */
  readAt: string | null;
  verified: VerificationLevel;
}

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
  /** The document of record (DocumentRef.url). */
  sourceUrl: string;
  /** Where the value was read, when not in the document of record itself. */
  readAt: string | null;
  verified: VerificationLevel;
  form: string | null;
  accession: string | null;
  /** Filing date (ISO). Orders versions of the same period: the newest filed wins by default. */
  filed: string | null;
  fy: number | null;
  fp: string | null;
  frame: string | null;
  note: string | null;
  /**
   * Set on a version a correction replaced: why it was corrected. The corrected row is kept
   * (not preferred) as an earlier version, so the old value stays visible with its reason.
   */
  supersededBy: string | null;
}

export interface StoredFact extends FactInput {
  id: number;
}

/** What a citation shows of a fact's document and that computing with the fact never reads. */
export type FactProvenance = Pick<StoredFact, 'sourceUrl' | 'form' | 'readAt' | 'verified' | 'note'>;

/**
 * A stored fact as the series engine computes with it: the figure, its period and what chooses
 * between versions (filed, accession, preferred, confidence, source kind), without its
 * provenance, which is read afterwards for only the facts a result cites (listFactProvenance).
 */
export type FactFigure = Pick<StoredFact, 'id' | 'ticker' | 'metric' | 'value' | 'unit' | 'periodStart' | 'periodEnd' | 'basis' | 'confidence' | 'preferred' | 'sourceKind' | 'accession' | 'filed'>;

/** A pointer to the evidence behind a value, as shown to users. */
export interface SourceRef extends DocumentRef {
  factId: number;
  /** The company the fact is about: a group total cites each member's documents. */
  ticker: string;
  kind: SourceKind;
  confidence: Confidence;
  note: string | null;
  /** The period of the fact itself (a derived quarter cites YTD facts with longer periods). */
  periodStart: string | null;
  periodEnd: string;
  value: number;
}

export function sourceRefOf(f: StoredFact): SourceRef {
  return sourceRefFrom(f, f);
}

/** The citation of a figure whose provenance was read apart from it (the same fields, in the same order, as sourceRefOf). */
export function sourceRefFrom(f: FactFigure, p: FactProvenance): SourceRef {
  return {
    factId: f.id,
    ticker: f.ticker,
    kind: f.sourceKind,
    url: p.sourceUrl,
    form: p.form,
    accession: f.accession,
    filed: f.filed,
    readAt: p.readAt,
    verified: p.verified,
    confidence: f.confidence,
    note: p.note,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    value: f.value,
  };
}

/** The document fields of a source reference, for JSON that cites without a fact behind it. */
export function documentRefOf(r: DocumentRef): DocumentRef {
  return { url: r.url, form: r.form, accession: r.accession, filed: r.filed, readAt: r.readAt, verified: r.verified };
}
