// What the claim checker reads out of an article: figures with their hedges, and what each
// figure is about (who, which metric, which period, on what basis), with how each of those was
// found. Every span is an offset into the input, so a claim's words can always be shown exactly
// as the article has them.
import type { ModelQuantity } from './verify-model-claim.js';

/** A piece of the input: [start, end) offsets and the words there. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * How a figure bounds the truth. `exact`: as stated, within its precision; `approx`: hedged
 * ("about", "nearly"); `lower`: "over", "more than"; `upper`: "under", "up to"; `range`: "$91–93 billion".
 */
export type Bound = 'exact' | 'approx' | 'lower' | 'upper' | 'range';

export interface Quantity extends Span {
  /** `multiple`: "doubled" (value 2, unit `x`); `count`: a number of something that is not money ("671 billion parameters"). */
  kind: 'money' | 'percent' | 'multiple' | 'count';
  /** In units (dollars, not billions), in percent, or a multiple. The low end for a range. */
  value: number;
  /** High end of a range, else null. */
  high: number | null;
  /** ISO currency code (USD, CNY), `percent`, `pp`, `x` for a multiple, or what a count counts (`parameters`). */
  unit: string;
  bound: Bound;
  /** The hedge word as written ("over", "about"), or null. */
  hedge: string | null;
  /** "did not reach $100 billion", "was not $40 billion". */
  negated: boolean;
  /** Negated with a verb of reaching ("did not reach", "fell short of"): the truth is below the figure. */
  shortOf: boolean;
  /** Half a unit of the last digit written: "$38.6 billion" → 0.05e9; "8%" → 0.5. */
  precision: number;
  /** For changes: which way the words say the value moved. */
  direction: 'up' | 'down' | null;
  /** Digits after the decimal point as written at the stated scale (for formatting our figure alike). */
  decimals: number;
  scale: number;
  /** "35% a year", "compounded 30% annually": a compound annual rate. */
  perYear: boolean;
  /** "$1 billion a day", "fifty-four billion dollars a quarter": money as a rate over a period's days, weeks, months or quarters. */
  per?: 'day' | 'week' | 'month' | 'quarter';
  /**
   * Money written without its currency ("capex 46.2B", "about seventy-eight billion"): `sentence` when the
   * currency is that of another figure in its sentence, `company` when it is read as the reporting currency
   * of the company the claim is about. Absent when the figure states its currency.
   */
  unitImplied?: 'sentence' | 'company';
}

export type PeriodKind =
  /** A calendar quarter: "the December 2024 quarter", "Q3 2025", "the quarter to September". */
  | 'quarter'
  /** A fiscal quarter: "fiscal Q2 2025", "its fiscal first quarter". */
  | 'fiscal-quarter'
  | 'fy'
  | 'cy'
  /** A bare year ("in 2024", "this year"): calendar or fiscal depends on the company. */
  | 'year'
  /** A half: "H1 2025", "the second half of 2024" (calendar), or of a fiscal year ("the first six months of fiscal 2026"). */
  | 'half'
  | 'fiscal-half'
  /** Twelve months to a quarter's end: "the last 12 months", "TTM", "the four quarters to September 2025". */
  | 'ttm'
  /** "from 2022 to 2025", "since 2022", "in two years" (years, to `endYear`). */
  | 'range'
  /** "over the next three years": a span of future years. */
  | 'span'
  /** "so far this year", "year to date". */
  | 'ytd'
  /** Calendar quarters up to a quarter's end: "the six months to September 2025" (`quarters` 2, ending in `year`-Q`quarter`). */
  | 'window';

export interface PeriodRef extends Span {
  kind: PeriodKind;
  /** The year (the end year of a fiscal period; the first year of a range); null while unresolved. */
  year: number | null;
  /** Quarter (1–4) of a quarter, or half (1–2) of a half. */
  quarter: number | null;
  /** Last year of a range. */
  endYear: number | null;
  /** Length in years of a span or range written as a length ("in two years"). */
  years: number | null;
  /** Number of calendar quarters in a window. */
  quarters: number | null;
  /** How a relative period ("this year", "a year earlier") was resolved, or why it could not be. */
  resolution: string | null;
  /** A quarter or half named without its year and placed near the text's period: the year of the other natural
   *  reading (the latest reported before the article date). A figure that matches either reading is right. */
  otherYear?: number;
  /** A fiscal quarter's calendar quarter, for the company it was named for: what "those three months" means for another company or a group. */
  calendar?: { year: number; quarter: number };
  /** A range whose ends are written as fiscal or calendar years ("between fiscal 2023 and fiscal 2026"). */
  rangeOf?: 'fy' | 'cy';
  /** A year-less quarter or half given the year of the text in an undated article: a guess, and so is "the same quarter" after it. */
  yearGuessed?: boolean;
}

/**
 * How a part of a claim was found: `stated` where the figure is; `carried` from an earlier
 * sentence or clause; `article-date` for words that need the date ("this year"); `inferred`
 * when nothing is stated and airace picks the likeliest (the latest period); `matched` when it
 * was matched by value. Only a `firm` resolution can make a claim `contradicted`.
 */
export type How = 'stated' | 'carried' | 'article-date' | 'inferred' | 'matched';

export interface Resolution {
  how: How;
  /** Safe to contradict on: stated, or carried without a rival candidate. */
  firm: boolean;
  /** 1-based number of the sentence it was carried from. */
  fromSentence: number | null;
}

export interface SubjectRef extends Resolution {
  /** Tickers as the store knows them; a group (GROUP4) stays one ticker. Empty for a company airace does not track. */
  tickers: string[];
  /** True when several companies are meant together ("combined", "collectively"). */
  combined: boolean;
  /** The words that named the subject, or the sentence it was carried from. */
  words: string;
  /** True when no company is named where the figure is and the subject was carried from earlier text. */
  carried: boolean;
  /** The name of a company airace does not track ("Nvidia", "a start-up"), when the figure is about one. */
  untracked: string | null;
  /** A member named in how a group's total is counted ("count Microsoft by its fiscal year"): the total mixes bases airace does not add up. */
  recountedBy?: string;
}

/** A definition the words state for a metric: "including finance leases", "net of proceeds", "free cash flow, defined as ...". */
export type MetricDefinition = 'incl-finance-leases' | 'excl-finance-leases' | 'net-of-proceeds' | 'purchases' | 'fcf-less-finance-leases' | 'ocf-less-capex';

/** An airace metric id, or one of the checker's own: commitments, share prices, AI models. */
export interface MetricRef extends Resolution {
  id: string;
  words: string;
  definition: MetricDefinition | null;
  /** A reporting segment the words name ("Intelligent Cloud", "AWS"), for the company's cloud metric. */
  segment: string | null;
}

export interface ClaimPeriod extends Resolution {
  ref: PeriodRef;
  /** Why a period that is not firm is a guess, when it is not the usual year-less placement. */
  guess?: string;
}

export type AttributionReason = 'opinion' | 'forecast attributed to a person' | 'corrected';

export interface Attribution {
  reason: AttributionReason;
  /** Who it is attributed to, when named. */
  who: string | null;
  words: string;
}

export type ClaimKind =
  /** A money amount: "280.2 billion yuan". */
  | 'amount'
  /** A change: "an 8% rise", "fell by about 13%", "doubled", "compounded 35% a year". */
  | 'change'
  /** A share: "35% of the group's spending", "35% of its revenue", "half of global output". */
  | 'share'
  /** A currency conversion: "280.2 billion yuan (US$38.4 billion)". */
  | 'conversion'
  /** A figure about an AI model: parameters, training compute or cost, release date (checked against Epoch AI's table when loaded). */
  | 'model'
  /** A forecast or opinion without a figure, attributed to someone. */
  | 'statement';

export type ClaimBasis = 'actual' | 'guidance' | 'commitment';

/** When a plan was stated, as the words put it ("in July it had said", "previously"). */
export interface StatedWhen {
  /** YYYY-MM of the month named, or null. */
  month: string | null;
  /** "previously", "had been", "originally": a statement before the one in force. */
  earlier: boolean;
  /** "raised it to $85 billion from $75 billion": the figure a move went to, a statement that may since have been replaced. */
  moveTo?: boolean;
  words: string;
}

/** For a claim about an AI model: the model as the article names it, how it was found, and what is claimed about it. */
export interface ModelRef {
  /** The name as written ("DeepSeek V3"), or null when the words name no model. */
  name: string | null;
  start: number | null;
  end: number | null;
  /** `stated` before the figure in its sentence; `inferred` after it; `carried` from an earlier sentence. */
  how: How;
  fromSentence: number | null;
  /** What the figure says about the model; null for a quantity Epoch's table does not hold (training tokens). */
  quantity: ModelQuantity | null;
  /** For a release date: the date as precise as written (2024-12-26, 2024-12, 2024) and where it stands. */
  date: { value: string; start: number; end: number; text: string } | null;
}

export interface Claim extends Span {
  id: number;
  kind: ClaimKind;
  /** The sentence the claim is in, with its 1-based number. */
  sentence: Span & { index: number };
  quantity: Quantity | null;
  /** For conversions: the converted figure (the parenthetical one). */
  converted: Quantity | null;
  subject: SubjectRef | null;
  metric: MetricRef | null;
  period: ClaimPeriod | null;
  /** For a change: the period it is measured from, when the words name one ("from 2023", "than in the third quarter"). */
  base: ClaimPeriod | null;
  /** For a share: of what ("of the group's spending": `group`; "of its revenue": `revenue`). */
  shareOf: 'group' | 'revenue' | 'metric' | null;
  /** For a share of another metric ("165% of cash from operations", "a margin of 46.8%"): the metric it is a share of. */
  shareBase?: { metric: string; words: string } | null;
  basis: ClaimBasis;
  /** Words that made the basis guidance or commitment ("set to spend"). */
  basisWords: string | null;
  statedWhen: StatedWhen | null;
  attribution: Attribution | null;
  /** Id of a claim in the same sentence this one takes its period from when it states none. */
  siblingOf: number | null;
  /** For a `model` claim: the model and the quantity (parameters, training compute or cost, release date). */
  model?: ModelRef | null;
}

/** A chart the article describes in words ("the grouped column chart below shows ..."). */
export interface ChartMention extends Span {
  type: 'grouped' | 'line' | 'stacked';
  metric: { id: string; words: string } | null;
  tickers: string[];
  period: PeriodRef | null;
  /** "fiscal" or "calendar" when the words say so. */
  yearKind: 'fiscal' | 'calendar' | null;
}

export interface ArticleDate {
  /** ISO date. */
  date: string;
  /** `article` when the text states it (a dateline, "Published: ..."), `option` when given by the caller. */
  from: 'article' | 'option';
  words: string | null;
  /** Where the date words stand in the article (null when given by the caller). */
  start: number | null;
  end: number | null;
}
