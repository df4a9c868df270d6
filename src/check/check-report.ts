// What the claim checker hands back: a verdict per claim with the evidence behind it, and the
// charts the article describes, redrawn. The JSON shape (report-json.ts) is a projection of this.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRequest } from '../series/engine.js';
import type { ArticleDate, Bound, ClaimBasis, ClaimKind, How } from './claim.js';
import type { DocumentRef } from '../model/fact.js';

/** A document behind a figure: the document of record (url, form, accession, filed), where the value was read, and how far it was checked. */
export type SourceDocument = DocumentRef;

export const VERDICTS = ['supported', 'close', 'contradicted', 'not-checkable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Why a claim could not be checked; `reason` says it in words. */
export type ReasonCode =
  | 'opinion'
  | 'forecast-attributed'
  | 'price-data'
  | 'no-data'
  | 'no-subject'
  | 'no-metric'
  | 'period-unstated'
  | 'period-unresolved'
  | 'no-fx-rate'
  /** The figure is about a company airace does not track ("Nvidia", "a start-up"). */
  | 'not-tracked'
  /** A figure about an AI model: models data not loaded, or a quantity Epoch AI's table does not hold. */
  | 'model-data'
  /** The figure was published after the article's date (or its period had not ended). */
  | 'published-later'
  /** The company, metric or period was resolved by a guess, and the figure does not match what it was checked against. */
  | 'guessed'
  /** The figure matches a value whose definition the data does not make clear. */
  | 'definition-unclear'
  /** The figure is one the text itself corrects ("An earlier version of this article gave … as $59.2 billion"). */
  | 'corrected';

/** The figure as the article states it. */
export interface ClaimedFigure {
  value: number;
  high: number | null;
  unit: string;
  display: string;
  bound: Bound;
  hedge: string | null;
  negated: boolean;
}

/** A figure airace computed or holds, with what it covers. */
export interface Figure {
  value: number;
  unit: string;
  display: string;
  /** What the figure is: "Alibaba revenue, 2024-Q4". */
  label: string;
  start: string | null;
  end: string | null;
  basis: string;
  /** The rate that converted it, as the engine carried it in point.fx. */
  fx: { pair: string; rate: number; date: string; source: string } | null;
  derivation: string | null;
  /** For guidance: when it was stated. */
  statedOn: string | null;
}

export interface Difference {
  /** Ours minus claimed (for bounds and ranges: to the nearest edge, 0 inside). */
  absolute: number;
  /** absolute ÷ |claimed|. */
  relative: number | null;
  display: string;
}

/** A second comparison: guidance vs actual, the fiscal year beside the calendar year, a quoted equivalent. */
export interface Evidence {
  label: string;
  verdict: Verdict | null;
  actual: Figure | null;
  difference: Difference | null;
  sources: SourceDocument[];
  note: string | null;
}

/** What a claim was checked against, and how each part was found (stated, carried from sentence N, from the article date, inferred, matched by value). */
export interface CheckedAgainst {
  company: { tickers: string[]; label: string; how: How; fromSentence: number | null; untracked: string | null } | null;
  metric: { id: string; label: string; definition: string; how: How; fromSentence: number | null; segment: string | null } | null;
  period: { label: string; start: string | null; end: string | null; how: How; fromSentence: number | null; note: string | null } | null;
  basis: { value: ClaimBasis; words: string | null; statedWhen: string | null };
  /**
   * For a model claim: the model as written and how it was found, the quantity, and what Epoch AI's
   * table matched it to (`epochName`, `matched` exact or by version) with the verifier's reason.
   */
  model?: {
    name: string | null;
    how: How;
    fromSentence: number | null;
    quantity: string | null;
    epochName: string | null;
    matched: 'exact' | 'version' | null;
    reason: string | null;
    candidates: string[];
  } | null;
  /** Share-price claims: the listing whose closes were used, and how it was found (named by `words`, or the primary one). */
  listing?: { id: string; label: string; how: How; fromSentence: number | null; words: string | null };
}

export interface CheckedClaim {
  id: number;
  /** The claim's words exactly as in the article (its clause; capped in length in reports). */
  text: string;
  start: number;
  end: number;
  /** Where the figure itself stands ("$38.6 billion"), for pointing into the text. */
  figure: { start: number; end: number } | null;
  /** 1-based number of the sentence the claim is in. */
  sentence: number;
  kind: ClaimKind;
  verdict: Verdict;
  reasonCode: ReasonCode | null;
  /** Why not checkable, or what the verdict rests on when that needs saying. */
  reason: string | null;
  claimed: ClaimedFigure | null;
  actual: Figure | null;
  difference: Difference | null;
  /** The tolerance the verdict used, in words. */
  tolerance: string | null;
  /** The documents behind our figure. */
  sources: SourceDocument[];
  subject: { tickers: string[]; label: string; carried: boolean } | null;
  metric: string | null;
  period: { text: string | null; label: string | null; note: string | null } | null;
  basis: ClaimBasis;
  alsoAgainst: Evidence[];
  notes: string[];
  against: CheckedAgainst;
}

export interface ChartEntry {
  /** The words that describe the chart. */
  text: string;
  start: number;
  end: number;
  type: 'grouped' | 'line' | 'stacked';
  request: SeriesRequest | null;
  alt: string | null;
  /** Files written by writeChartFiles (SVG, PNG); empty until then. */
  files: string[];
  /** Vega-Lite spec, for callers that render it themselves (the web page). Not in the JSON. */
  spec: TopLevelSpec | null;
  notes: string[];
  /** Why the chart could not be drawn. */
  error: string | null;
}

export interface CheckSummary {
  claims: number;
  supported: number;
  close: number;
  contradicted: number;
  notCheckable: number;
  charts: number;
}

export interface CheckReport {
  /** The article as given: claims point into it by offsets. */
  text: string;
  articleDate: ArticleDate | null;
  claims: CheckedClaim[];
  /** Where checking stopped, as an offset, when the article holds more figures than one check covers (MAX_CLAIMS); else null. */
  uncheckedFrom: number | null;
  charts: ChartEntry[];
  summary: CheckSummary;
  /** The tolerance policy, in words, printed at the top of every report. */
  policy: string;
}
