// What the claim checker reads out of an article: figures with their hedges, and what each
// figure is about (who, which metric, which period). Every span is an offset into the input,
// so a claim's words can always be shown exactly as the article has them.

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
  kind: 'money' | 'percent';
  /** In units (dollars, not billions) or in percent. The low end for a range. */
  value: number;
  /** High end of a range, else null. */
  high: number | null;
  /** ISO currency code (USD, CNY), or `percent`. */
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
  /** Scale word as written (1e9 for "billion"), 1 when none. */
  scale: number;
}

export type PeriodKind =
  /** A calendar quarter: "the December 2024 quarter", "Q3 2025". */
  | 'quarter'
  /** A fiscal quarter: "fiscal Q2 2025", "Q2 FY2025". */
  | 'fiscal-quarter'
  | 'fy'
  | 'cy'
  /** A bare year ("in 2024", "by 2025"): calendar or fiscal depends on the company. */
  | 'year'
  /** "from 2022 to 2025". */
  | 'range'
  /** "over the next three years". */
  | 'span'
  /** "so far this year", "year to date". */
  | 'ytd';

export interface PeriodRef extends Span {
  kind: PeriodKind;
  year: number | null;
  /** Quarter number for quarters (calendar or fiscal). */
  quarter: number | null;
  /** Last year of a range. */
  endYear: number | null;
  /** Length in years of a span. */
  years: number | null;
  /** How a relative period ("this year") was resolved, or why it could not be. */
  resolution: string | null;
}

export interface SubjectRef {
  /** Tickers as the store knows them; a group (GROUP4) stays one ticker. */
  tickers: string[];
  /** True when several companies are meant together ("combined", "collectively"). */
  combined: boolean;
  /** The words that named the subject, or the sentence it was carried from. */
  words: string;
  /** True when no company is named where the figure is and the subject was carried from earlier text. */
  carried: boolean;
}

/** An airace metric id, or one of the checker's own: commitments, share prices. */
export interface MetricRef {
  id: string;
  words: string;
}

export type AttributionReason = 'opinion' | 'forecast attributed to a person';

export interface Attribution {
  reason: AttributionReason;
  /** Who it is attributed to, when named. */
  who: string | null;
  words: string;
}

export type ClaimKind =
  /** A money amount: "280.2 billion yuan". */
  | 'amount'
  /** A percentage change: "an 8% rise", "fell by about 13%". */
  | 'change'
  /** A percentage share: "80% of all tasks", "half of global output". */
  | 'share'
  /** A currency conversion: "280.2 billion yuan (US$38.4 billion)". */
  | 'conversion'
  /** A forecast or opinion without a figure, attributed to someone. */
  | 'statement';

export type ClaimBasis = 'actual' | 'guidance' | 'commitment';

export interface Claim extends Span {
  id: number;
  kind: ClaimKind;
  /** The sentence the claim is in. */
  sentence: Span;
  quantity: Quantity | null;
  /** For conversions: the converted figure (the parenthetical one). */
  converted: Quantity | null;
  subject: SubjectRef | null;
  metric: MetricRef | null;
  period: PeriodRef | null;
  basis: ClaimBasis;
  /** Words that made the basis guidance or commitment ("set to spend"). */
  basisWords: string | null;
  attribution: Attribution | null;
  /** Id of a claim in the same sentence this one takes its period from when it states none. */
  siblingOf: number | null;
}

/** A chart the article describes in words ("the grouped column chart below shows ..."). */
export interface ChartMention extends Span {
  type: 'grouped' | 'line' | 'stacked';
  metric: MetricRef | null;
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
}
