// Finds the periods a sentence names: quarters ("the December 2024 quarter", "Q3 2025", "the
// quarter to September", "the October–December quarter", "its fiscal first quarter"), halves ("H1
// 2025", "the first six months of its fiscal year", "the six months to September 2025"), trailing
// windows ("the last 12 months", "TTM", "the four quarters to September 2025"), fiscal and calendar
// years ("fiscal 2025", "its fiscal year ending June 2025", "calendar 2024", "in 2024"), ranges and
// spans ("from 2022 to 2025", "since 2022", "in two years", "over the next three years"), and
// relative words ("this year", "a year earlier", "that year", "for the quarter"), which
// resolve-relative.ts turns into dates. Month names on their own ("in July") are not periods: they
// say when something was said (statedWhen). The patterns are plain regular expressions without
// nested quantifiers; overlaps are settled with a mark per character, so a sentence is read in
// time proportional to its length. Hand-written rather than chrono-node: chrono reads dates and
// date ranges, not reporting periods such as fiscal quarters or trailing twelve months.
import type { PeriodKind, PeriodRef } from './claim.js';
import { cardinal, CARDINAL_PATTERN } from './number-words.js';

/** A period mention, possibly relative: resolved against another period or the article date. */
export interface PeriodMention extends PeriodRef {
  relative: Relative | null;
  /** Month (1–12) a window ends in, for "the six months to September 2025" and "the four quarters to September 2025". */
  endMonth: number | null;
  /** Months in a window (6 or 12) when the words give its end. */
  months: number | null;
}

export type Relative =
  /** "a year earlier", "the year before", "a year ago": the reference period one year back. */
  | 'year-earlier'
  /** "the previous quarter", "the quarter before", "sequentially", "quarter on quarter": the reference quarter one quarter back. */
  | 'quarter-earlier'
  /** "that year", "the same quarter", "for the quarter", "in the quarter": the reference period itself. */
  | 'same'
  /** "the same three months of 2025", "the same quarter of 2024": the reference quarter, in the year stated. */
  | 'same-in-year'
  /** "the full year", "for the year": the year the reference period is in. */
  | 'full-year'
  /** "this year", "last year", "next year": from the article date (`years` holds the shift). */
  | 'article-year'
  /** "the last 12 months", "TTM": the twelve months to the latest quarter reported before the article date. */
  | 'latest-ttm'
  /** "since 2022": from that year to the latest full year. */
  | 'since'
  /** "in two years", "over the past three years": that many years back from the reference. */
  | 'years-back'
  /** "the fiscal year just ended", "its latest fiscal year", "last fiscal year": the company's latest fiscal year reported by the article date. */
  | 'latest-fy'
  /** "the current quarter", "this quarter", "the current fiscal year": the period the article's date falls in. */
  | 'current';

const MONTH_QUARTER: Record<string, number> = { mar: 1, march: 1, jun: 2, june: 2, sep: 3, sept: 3, september: 3, dec: 4, december: 4 };
const RANGE_QUARTER: Record<string, number> = { jan: 1, january: 1, apr: 2, april: 2, jul: 3, july: 3, oct: 4, october: 4 };
const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const QMONTH = 'March|June|September|December|Mar|Jun|Sept|Sep|Dec';
const ANY_MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const ORD = 'first|second|third|fourth|1st|2nd|3rd|4th';
const YEAR = String.raw`(?:19|20)\d{2}`;
const FISCAL = String.raw`(?:(?:its|the|their|[A-Z][\w.&-]*['’]s)\s+)?(?:fiscal(?:[-\s]year)?|FY)`;

const monthNumber = (m: string) => MONTH_NUMBER[m.slice(0, 3).toLowerCase()]!;
const quarterOfMonth = (m: string) => Math.ceil(monthNumber(m) / 3);

/** Two-digit years ("FY25", "'24") are this century. */
const fullYear = (y: string) => {
  const digits = y.replace(/\D/g, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
};

type Built = Omit<PeriodMention, 'start' | 'end' | 'text'>;

interface Pattern {
  re: RegExp;
  build(g: Record<string, string | undefined>): Built | null;
}

const base = (kind: PeriodKind, extra: Partial<Built> = {}): Built => ({
  kind, year: null, quarter: null, endYear: null, years: null, quarters: null, resolution: null, relative: null, endMonth: null, months: null, ...extra,
});

/** In order: where two overlap, the earlier pattern wins (more specific first). */
const PATTERNS: Pattern[] = [
  {
    // "the first six months of fiscal 2026", "first half of its fiscal 2025", "H1 FY2026", "the first six months of its fiscal year"
    re: new RegExp(String.raw`\b(?:the\s+)?(?:(?<ord>first|second)[-\s](?:half|six\s+months)|(?<h>[12])H|H(?<h2>[12]))\s+(?:of\s+)?(?:${FISCAL})\s?'?(?<y>${YEAR}|\d{2})?(?:\s+year)?\b`, 'gi'),
    build: (g) => base('fiscal-half', { quarter: g.ord ? (g.ord.toLowerCase() === 'first' ? 1 : 2) : Number(g.h ?? g.h2), year: g.y ? fullYear(g.y) : null }),
  },
  {
    // "the first nine months of fiscal 2026", "the first nine months of Microsoft's fiscal 2026": three quarters from the fiscal year's start
    re: new RegExp(String.raw`\b(?:the\s+)?first\s+(?:nine|9)\s+months\s+of\s+(?:${FISCAL})\s?'?(?<y>${YEAR}|\d{2})\b`, 'gi'),
    build: (g) => base('fiscal-half', { quarter: 1, quarters: 3, year: fullYear(g.y!) }),
  },
  {
    // "H1 2025", "1H25", "the first half of 2025", "first-half 2025", "the first six months of 2025", "the second half"
    re: new RegExp(String.raw`\b(?:(?:the\s+)?(?<ord>first|second)[-\s](?:half|six\s+months)(?:\s+(?:of\s+)?(?<y>${YEAR}))?|H(?<h>[12])\s?'?(?<y2>${YEAR}|\d{2})|(?<h2>[12])H\s?'?(?<y3>${YEAR}|\d{2}))\b`, 'gi'),
    build: (g) => {
      const half = g.ord ? (g.ord.toLowerCase() === 'first' ? 1 : 2) : Number(g.h ?? g.h2);
      const y = g.y ?? g.y2 ?? g.y3;
      return base('half', { quarter: half, year: y ? fullYear(y) : null });
    },
  },
  {
    // "the six months to September 2025", "six months ended September 30, 2025", "the nine months to December 2025"
    re: new RegExp(String.raw`\b(?:the\s+)?(?<n>six|nine|6|9)[-\s]months?\s+(?:to|ended|ending|through)\s+(?<m>${ANY_MONTH})\.?\s+(?:\d{1,2},?\s+)?(?<y>${YEAR})\b`, 'gi'),
    build: (g) => base('half', { year: Number(g.y), endMonth: monthNumber(g.m!), months: /six|6/i.test(g.n!) ? 6 : 9 }),
  },
  {
    // "the first nine months of 2025": the calendar quarters to September
    re: new RegExp(String.raw`\b(?:the\s+)?first\s+(?:nine|9)\s+months\s+(?:of\s+)?(?<y>${YEAR})\b`, 'gi'),
    build: (g) => base('half', { year: Number(g.y), endMonth: 9, months: 9 }),
  },
  {
    // "the first three months of 2026", "the final three months of 2025", "the last quarter of 2025", "the final quarter of fiscal 2026"
    re: new RegExp(String.raw`\b(?:the\s+)?(?<which>first|second|third|fourth|final|last|closing)\s+(?:three\s+months|quarter)\s+of\s+(?<f>(?:its\s+|the\s+)?fiscal\s+(?:year\s+)?|FY\s?)?(?<y>${YEAR})\b`, 'gi'),
    build: (g) => {
      const which = g.which!.toLowerCase();
      const quarter = ORDINAL[which] ?? 4;
      return base(g.f ? 'fiscal-quarter' : 'quarter', { year: Number(g.y), quarter });
    },
  },
  {
    // Forum and terminal shorthand: "CQ2'26" (a calendar quarter), "FQ4 FY26", "FQ1 FY27", "FQ2" (a fiscal quarter)
    re: new RegExp(String.raw`\b(?:CQ(?<cq>[1-4])(?:\s?'(?<cy>\d{2})|\s+(?<cy2>${YEAR}))?|FQ(?<fq>[1-4])(?:\s+(?:FY\s?'?|fiscal\s+)?(?<fy>${YEAR}|\d{2})|\s?'(?<fy2>\d{2}))?)\b`, 'g'),
    build: (g) => {
      const y = g.cy ?? g.cy2 ?? g.fy ?? g.fy2;
      return base(g.cq ? 'quarter' : 'fiscal-quarter', { quarter: Number(g.cq ?? g.fq), year: y ? fullYear(y) : null });
    },
  },
  {
    // Analysts' shorthand: "2Q26", "4Q 2025", "fiscal 1Q27", "F1Q27" (the F or "fiscal" makes it the company's fiscal quarter)
    re: new RegExp(String.raw`\b(?<f>fiscal\s+|F(?=[1-4]Q))?(?<q>[1-4])Q\s?'?(?<y>${YEAR}|\d{2})\b`, 'gi'),
    build: (g) => base(g.f ? 'fiscal-quarter' : 'quarter', { year: fullYear(g.y!), quarter: Number(g.q) }),
  },
  {
    // "the four quarters to September 2025", "the twelve months to September 2025", "trailing twelve months to ..."
    re: new RegExp(String.raw`\b(?:the\s+)?(?:(?:trailing|last|past)\s+)?(?:four|4)\s+quarters\s+(?:to|ended|ending|through)\s+(?<m>${ANY_MONTH})\.?\s+(?:\d{1,2},?\s+)?(?<y>${YEAR})\b|\b(?:the\s+)?(?:(?:trailing|last|past)\s+)?(?:twelve|12)[-\s]months?\s+(?:to|ended|ending|through)\s+(?<m2>${ANY_MONTH})\.?\s+(?:\d{1,2},?\s+)?(?<y2>${YEAR})\b`, 'gi'),
    build: (g) => base('ttm', { year: Number(g.y ?? g.y2), endMonth: monthNumber((g.m ?? g.m2)!), months: 12 }),
  },
  {
    // The same without a year ("the twelve months to June", "the six months to September"): placed like a quarter named without one.
    re: new RegExp(String.raw`\b(?:the\s+)?(?:(?:trailing|last|past|latest)\s+)?(?:(?<n>twelve|12|nine|9|six|6)[-\s]months?|(?<qn>four|4|three|3|two|2)\s+quarters)\s+(?:to|ended|ending|through)\s+(?<m>${ANY_MONTH})\b(?!\.?\s+(?:\d{1,2},?\s+)?(?:${YEAR}|\d{1,2}\b))`, 'gi'),
    build: (g) => {
      const months = g.n ? ({ twelve: 12, '12': 12, nine: 9, '9': 9, six: 6, '6': 6 } as Record<string, number>)[g.n.toLowerCase()]! : ({ four: 4, '4': 4, three: 3, '3': 3, two: 2, '2': 2 } as Record<string, number>)[g.qn!.toLowerCase()]! * 3;
      return base(months === 12 ? 'ttm' : 'window', { endMonth: monthNumber(g.m!), months });
    },
  },
  {
    // "the last 12 months", "the past four quarters", "trailing twelve months", "TTM", "LTM"
    re: /\b(?:(?:over\s+)?the\s+(?:last|past|latest|previous|trailing)\s+(?:twelve|12)\s+months|(?:[Oo]ver|[Ii]n|[Aa]cross)\s+(?:the\s+)?(?:twelve|12)\s+months\b(?!\s+(?:to|ended|ending|through|from|of|after|before|ago|earlier))|(?:the\s+)?(?:last|past|latest|trailing)\s+(?:four|4)\s+quarters|trailing[-\s](?:twelve|12)[-\s]months?|TTM|LTM)\b/g,
    build: () => base('ttm', { relative: 'latest-ttm' }),
  },
  {
    // "its trailing capex", "Meta's trailing figure", "on a trailing basis": trailing twelve months, to the latest quarter reported
    re: /\b(?:on\s+a\s+)?trailing[-\s](?:(?:cash|annual|(?:twelve|12)[-\s]months?)\s+)?(?:capex|capital\s+(?:expenditures?|spending)|revenues?|sales|figures?|totals?|sums?|numbers?|spend(?:ing)?|basis|free\s+cash\s+flows?|operating\s+cash\s+flows?|net\s+income|profits?|earnings)\b/gi,
    build: () => base('ttm', { relative: 'latest-ttm' }),
  },
  {
    // "the previous quarter's", "the quarter before", "sequentially", "quarter on quarter": one quarter back ("last quarter" is the latest, not the one before)
    re: /\b(?:the\s+(?:previous|prior|preceding)\s+(?:quarter|three\s+months)(?:['’]s)?|the\s+quarter\s+before|sequentially|quarter[-\s](?:on|over)[-\s]quarter|QoQ|q\/q)\b/gi,
    build: () => base('quarter', { relative: 'quarter-earlier' }),
  },
  {
    // "the December 2024 quarter", "quarter ended December 31, 2024", "the December quarter of 2024", "the quarter to September 2025"
    re: new RegExp(String.raw`\b(?:(?<m1>${QMONTH})\.?[-\s](?<y1>${YEAR})[-\s]quarter|(?:quarter|three[-\s]months?)\s+(?:ended|ending|to|through)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?<m2>${QMONTH})\.?\s+(?:\d{1,2},?\s+)?(?<y2>${YEAR})|(?<m3>${QMONTH})[-\s]quarter\s+(?:of\s+)?(?<y3>${YEAR}))\b`, 'gi'),
    build: (g) => base('quarter', { year: Number(g.y1 ?? g.y2 ?? g.y3), quarter: MONTH_QUARTER[(g.m1 ?? g.m2 ?? g.m3)!.toLowerCase()]! }),
  },
  {
    // "the October–December quarter", "the July-September 2025 quarter", "the April-June period"
    re: new RegExp(String.raw`\b(?:the\s+)?(?<a>January|April|July|October|Jan|Apr|Jul|Oct)\s?[–-]\s?(?:March|June|September|December|Mar|Jun|Sept|Sep|Dec)\s+(?:(?<y>${YEAR})\s+)?(?:quarter|period|three[-\s]months?)\b`, 'gi'),
    build: (g) => base('quarter', { quarter: RANGE_QUARTER[g.a!.toLowerCase()]!, year: g.y ? Number(g.y) : null }),
  },
  {
    // "January–March 2026" (a quarter), "January–June 2026", "Jul-Dec 2025" (halves), "April–December 2025": a span of months with its year.
    re: new RegExp(String.raw`\b(?<a>${ANY_MONTH})\.?\s?[–-]\s?(?<b>${ANY_MONTH})\.?,?\s+(?<y>${YEAR})\b`, 'gi'),
    build: (g) => {
      const a = monthNumber(g.a!);
      const b = monthNumber(g.b!);
      const span = b - a + 1;
      if (span === 3 && (a - 1) % 3 === 0) return base('quarter', { year: Number(g.y), quarter: (a + 2) / 3 });
      if ((span === 6 || span === 9 || span === 12) && (a - 1) % 3 === 0) return base(span === 12 ? 'ttm' : 'half', { year: Number(g.y), endMonth: b, months: span });
      return null;
    },
  },
  {
    // "fiscal 2025 third quarter", "FY25 Q3"
    re: new RegExp(String.raw`\b(?:FY|fiscal(?:[-\s]year)?)\s?'?(?<y>${YEAR}|\d{2})\s+(?:(?:Q(?<q>[1-4]))|(?<ord>${ORD})[-\s]quarter)\b`, 'gi'),
    build: (g) => base('fiscal-quarter', { year: fullYear(g.y!), quarter: g.q ? Number(g.q) : ORDINAL[g.ord!.toLowerCase()]! }),
  },
  {
    // "the first quarter of its 2027 fiscal year", "the fourth quarter of the 2026 fiscal year"
    re: new RegExp(String.raw`\b(?:the\s+)?(?<ord>${ORD})[-\s]quarter\s+of\s+(?:its|the|their|[A-Z][\w.&-]*['’]s)\s+(?<y>${YEAR})\s+fiscal\s+year\b`, 'gi'),
    build: (g) => base('fiscal-quarter', { year: Number(g.y), quarter: ORDINAL[g.ord!.toLowerCase()]! }),
  },
  {
    // "the first quarter of fiscal 2026", "the first of fiscal 2026", "Q1 of fiscal 2026"
    re: new RegExp(String.raw`\b(?:the\s+)?(?:(?<ord>${ORD})(?:[-\s]quarter)?|Q(?<q>[1-4]))\s+of\s+(?:${FISCAL})\s?'?(?<y>${YEAR}|\d{2})\b`, 'gi'),
    build: (g) => base('fiscal-quarter', { year: fullYear(g.y!), quarter: g.q ? Number(g.q) : ORDINAL[g.ord!.toLowerCase()]! }),
  },
  {
    // "Q3 2025", "fiscal Q3 2025", "Q3 FY2025", "the third quarter of 2025", "fourth-quarter 2024"
    re: new RegExp(String.raw`\b(?<f1>fiscal\s+(?:year\s+)?)?(?:Q(?<q>[1-4])|(?:the\s+)?(?<ord>${ORD})[-\s]quarter)\s*(?:of\s+)?(?<f2>fiscal\s+(?:year\s+)?|FY\s?'?)?(?<y>${YEAR}|'\d{2})\b`, 'gi'),
    build: (g) => base(g.f1 || g.f2 ? 'fiscal-quarter' : 'quarter', { year: fullYear(g.y!), quarter: g.q ? Number(g.q) : ORDINAL[g.ord!.toLowerCase()]! }),
  },
  {
    // "2024-Q4", "2024 Q4"
    re: new RegExp(String.raw`\b(?<y>${YEAR})[-\s]Q(?<q>[1-4])\b`, 'g'),
    build: (g) => base('quarter', { year: Number(g.y), quarter: Number(g.q) }),
  },
  {
    // "its fiscal first quarter", "the fiscal fourth quarter", "fiscal Q1": a fiscal quarter without a year
    re: new RegExp(String.raw`\b(?:(?:its|the|their)\s+)?fiscal\s+(?:(?<ord>${ORD})[-\s]quarter|Q(?<q>[1-4]))\b`, 'gi'),
    build: (g) => base('fiscal-quarter', { quarter: g.q ? Number(g.q) : ORDINAL[g.ord!.toLowerCase()]! }),
  },
  {
    // "the quarter to September", "the quarter ended in September", "the September quarter", "the fourth quarter", "Q3", "fourth-quarter"
    re: new RegExp(String.raw`\b(?:(?:the\s+)?(?:quarter|three[-\s]months?)\s+(?:to|ended|ending|through)\s+(?:in\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?<m>${QMONTH})\b|(?:the\s+)?(?<m2>${QMONTH})[-\s]quarter\b|(?:the\s+)?(?<ord>${ORD})[-\s]quarter\b|Q(?<q>[1-4])\b(?!\s*(?:FY|fiscal|'?\d)))`, 'gi'),
    build: (g) => base('quarter', { quarter: g.m || g.m2 ? MONTH_QUARTER[(g.m ?? g.m2)!.toLowerCase()]! : g.q ? Number(g.q) : ORDINAL[g.ord!.toLowerCase()]! }),
  },
  {
    // "from 2022 to 2025", "between fiscal 2022 and 2025"
    re: new RegExp(String.raw`\b(?:from|between)\s+(?<f>(?:fiscal|calendar)[\s-]+(?:year\s+)?)?(?<a>${YEAR})\s+(?:to|and|through|until|-|–)\s+(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?<b>${YEAR})\b`, 'gi'),
    build: (g) => base('range', { year: Number(g.a), endYear: Number(g.b), ...(g.f ? { rangeOf: /^fiscal/i.test(g.f) ? ('fy' as const) : ('cy' as const) } : {}) }),
  },
  {
    // "2022–2025", "2022-25" (not an ISO date such as 2025-02-24)
    re: new RegExp(String.raw`(?<![\d-])(?<a>${YEAR})\s?[–-]\s?(?<b>${YEAR}|\d{2})(?![-\d])`, 'g'),
    build: (g) => {
      const a = Number(g.a);
      const b = g.b!.length === 2 ? Math.floor(a / 100) * 100 + Number(g.b) : Number(g.b);
      return b > a && b - a < 30 ? base('range', { year: a, endYear: b }) : null;
    },
  },
  {
    // "since 2022"
    re: new RegExp(String.raw`\bsince\s+(?:(?:fiscal|calendar)\s+)?(?<a>${YEAR})\b`, 'gi'),
    build: (g) => base('range', { year: Number(g.a), relative: 'since' }),
  },
  {
    // "fiscal 2025", "FY2025", "FY25", "fiscal year 2024", "the fiscal year ended June 30, 2024", "its fiscal year ending June 2025",
    // "the fiscal year to March 2026", "2024 fiscal year"
    re: new RegExp(String.raw`\b(?:(?:fiscal(?:[-\s]year)?|FY)[\s-]?'?(?<y>${YEAR}|\d{2})\b|fiscal\s+year\s+(?:ended|ending|to|through)\s+(?:in\s+)?(?:(?:${ANY_MONTH})\.?\s+(?:\d{1,2},?\s+)?)?(?<y2>${YEAR})\b|(?<y3>${YEAR})\s+fiscal\s+year\b|year\s+(?:ended|ending|to)\s+(?<fm>March|June|September|Mar|Jun|Sept|Sep)\s+(?:\d{1,2},?\s+)?(?<y4>${YEAR})\b)`, 'gi'),
    build: (g) => base('fy', { year: fullYear((g.y ?? g.y2 ?? g.y3 ?? g.y4)!) }),
  },
  {
    // "calendar 2024", "calendar year 2024", "the 2024 calendar year"
    re: new RegExp(String.raw`\b(?:calendar(?:[-\s]year)?[\s-]+(?<y>${YEAR})|(?<y2>${YEAR})\s+calendar\s+year)\b`, 'gi'),
    build: (g) => base('cy', { year: Number(g.y ?? g.y2) }),
  },
  {
    // "over the next three years", "over three years", "within the coming 3 years"
    re: new RegExp(String.raw`\b(?:over|in|during|within|for)\s+(?:the\s+(?:next|coming|following)\s+)(?<n>${CARDINAL_PATTERN}|\d+)\s+years\b|\b(?:over|within)\s+(?<n2>${CARDINAL_PATTERN}|\d+)\s+years\b(?!\s+(?:ago|earlier|before))`, 'gi'),
    build: (g) => base('span', { years: cardinal((g.n ?? g.n2)!) }),
  },
  {
    // "the five-year programme", "a three-year pledge": the span a plan's own name gives it
    re: new RegExp(String.raw`\b(?<n>${CARDINAL_PATTERN}|\d+)[-\s]year(?=\s+(?:(?:AI|cloud|capex|capital|spending|investment|infrastructure)\s+){0,2}(?:plan|pledge|programme|program|commitment|budget|investment)s?\b)`, 'gi'),
    build: (g) => base('span', { years: cardinal(g.n!) }),
  },
  {
    // "in two years", "over the past three years", "in the last two years": years back from the period the sentence is about
    re: new RegExp(String.raw`\b(?:in|over|during)\s+(?:the\s+(?:past|last|previous)\s+)?(?<n>two|three|four|five|\d)\s+years\b(?!\s+(?:ago|earlier|before))`, 'gi'),
    build: (g) => base('range', { years: cardinal(g.n!), relative: 'years-back' }),
  },
  {
    // "so far this year", "year to date"
    re: /\b(?:so far this year|this year so far|year[-\s]to[-\s]date|YTD)\b/gi,
    build: () => base('ytd', { relative: 'article-year', years: 0 }),
  },
  {
    // "the fiscal year just ended", "its latest fiscal year", "last fiscal year", "the most recent fiscal year"
    re: /\b(?:(?:the|its|their)\s+)?(?:fiscal\s+year\s+(?:that\s+)?(?:just\s+)?ended\b(?!\s+(?:in\s+)?(?:\w+\s+)?\d)|(?:latest|most\s+recent|last|previous|prior)\s+fiscal\s+year)\b|\b(?:its|their)\s+fiscal\s+year\b(?!\s+(?:ended|ending|to|through|\d))/gi,
    build: () => base('fy', { relative: 'latest-fy' }),
  },
  {
    // "the current quarter", "this quarter", "the current fiscal year", "this fiscal year"
    re: /\b(?:the\s+current|this)\s+(?<what>quarter|fiscal\s+year)\b/gi,
    build: (g) => base(/quarter/i.test(g.what!) ? 'quarter' : 'fy', { relative: 'current' }),
  },
  {
    // "the same period a year earlier", "the same quarter last year", "the same three months of the previous year": one year back
    re: /\bthe\s+same\s+(?:quarter|period|three\s+months|three-month\s+period)\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:of\s+|in\s+)?(?:the\s+)?(?:previous|prior|preceding)\s+year|last\s+year)\b|\bthe\s+(?:year[- ](?:earlier|ago)|prior[- ]year|previous[- ]year)\s+(?:quarter|period|three\s+months)\b/gi,
    build: () => base('year', { relative: 'year-earlier' }),
  },
  {
    // "a year earlier", "a year ago", "the year before", "the previous year", "the prior year", "a year before"
    re: /\b(?:a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|the\s+(?:previous|prior|preceding)\s+year|(?:the\s+)?(?:previous|prior|last)\s+year['’]s|a\s+year\s+prior)\b/gi,
    build: () => base('year', { relative: 'year-earlier' }),
  },
  {
    // "from the first to the second quarter of 2026": the first ordinal is a quarter of the same year (the base of the move)
    re: new RegExp(String.raw`(?<=\bfrom\s+the\s+)(?<a>${ORD})(?=\s+(?:quarter\s+)?(?:to|through)\s+the\s+(?:${ORD})\s+quarters?\s+of\s+(?<y>${YEAR})\b)`, 'gi'),
    build: (g) => base('quarter', { year: Number(g.y), quarter: ORDINAL[g.a!.toLowerCase()]! }),
  },
  {
    // "two years earlier", "three years before": that many years back from the period the text is about
    re: /\b(?<n>two|three|four|five|[2-9])\s+years\s+(?:earlier|before|prior)\b/gi,
    build: (g) => base('year', { relative: 'year-earlier', years: cardinal(g.n!) }),
  },
  {
    // "this year", "last year", "next year"
    // (not "this year's reorganisation": a possessive before a noun that is no figure's says when something happened, not a period)
    re: /\b(?<rel>this|last|next|the\s+past|the\s+current)\s+year\b(?!['’]s\s+(?!(?:total|full|capex|capital|revenues?|sales|spending|outlays?|budgets?|guidance|plans?|results|profits?|income|earnings|cash|investments?|first|second|third|fourth|quarter|half|figures?|numbers?|growth|bill|tally)\b))/gi,
    build: (g) => {
      const rel = g.rel!.toLowerCase().replace(/\s+/g, ' ');
      const shift = rel === 'this' || rel === 'the current' ? 0 : rel === 'next' ? 1 : -1;
      return base('year', { relative: 'article-year', years: shift });
    },
  },
  {
    // "the final quarter", "its closing quarter": the fourth of the (fiscal) year the text is about
    re: /\b(?:the|its|their)\s+(?:final|closing)\s+quarter\b(?!\s+(?:of|in)\s+(?:fiscal\s+)?(?:19|20)\d{2})/gi,
    build: () => base('fiscal-quarter', { quarter: 4 }),
  },
  {
    // "the same three months of 2025", "the same quarter of 2024", "the same period in 2025": the quarter the text is about, that year
    re: new RegExp(String.raw`\bthe\s+same\s+(?:quarter|three[-\s]month\s+period|three\s+months|period)\s+(?:of|in|a\s+year\s+(?:earlier|before)\s+in)\s+(?<y>${YEAR})\b`, 'gi'),
    build: (g) => base('quarter', { year: Number(g.y), relative: 'same-in-year' }),
  },
  {
    // "that year", "the same year", "the same quarter", "in the quarter", "for the quarter", "the quarter alone"
    re: /\b(?:that\s+(?<y>year|quarter)|(?:those|these|the\s+same)\s+(?<y4>three\s+months|quarter)|the\s+same\s+(?<y2>year|quarter|period)|(?:in|for|during|over)\s+the\s+(?<y3>quarter|period)\b(?!\s+(?:to|ended|ending)))/gi,
    build: (g) => base(/quarter|months/i.test((g.y ?? g.y2 ?? g.y3 ?? g.y4)!) ? 'quarter' : 'year', { relative: 'same' }),
  },
  {
    // "the full year", "for the year", "the whole year", "over the full year", "the full fiscal year", "over the fiscal year"
    re: /\b(?:the\s+(?:full|whole|entire)\s+(?:fiscal\s+)?year|(?:for|over|in)\s+the\s+(?:fiscal\s+)?year|(?<=\b(?:its|the|their|a)\s+)full[-\s]year(?=\s+(?:range|plan|outlook|guidance|forecast|budget|capex|capital|spending|target))|(?<![\w-])full[-\s](?:fiscal[-\s])?year(?=\s*[:–—-]\s))\b(?!\s+(?:ended|ending|to|through|\d))/gi,
    build: () => base('year', { relative: 'full-year' }),
  },
  {
    // "in 2024", "by 2025", "2024", "the whole of 2025" (not a month's year: "January 2025" says when, not what)
    re: new RegExp(String.raw`(?<![\d,.$¥€£-])(?<!(?:${ANY_MONTH})\.?\s)(?<y>${YEAR})(?![\d%]|s\b|[-–]\d|,\d|\.\d|\s?(?:billion|million|bn)\b)`, 'g'),
    build: (g) => base('year', { year: Number(g.y) }),
  },
];

/** Periods named in `masked` between `from` and `to`, in text order, none overlapping. */
export function extractPeriods(masked: string, from: number, to: number): PeriodMention[] {
  const text = masked.slice(from, to);
  const taken = new Uint8Array(text.length);
  const found: PeriodMention[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const s = m.index;
      const e = s + m[0].length;
      let free = true;
      for (let i = s; i < e && free; i++) if (taken[i]) free = false;
      if (!free) continue;
      const built = p.build(m.groups ?? {});
      if (!built) continue;
      taken.fill(1, s, e);
      found.push({ ...built, start: from + s, end: from + e, text: m[0] });
    }
  }
  // "In the first quarter of 2026 capex was …, and in the second it reached …": an ordinal standing for the quarter (or half) just named.
  for (const m of text.matchAll(ELLIPTICAL_ORDINAL)) {
    const s = m.index + m[0].length - m[1]!.length;
    if (taken[s]) continue;
    const n = ORDINALS.indexOf(m[1]!.toLowerCase()) + 1;
    const prev = found.filter((f) => f.end <= from + s && from + s - f.end <= 160 && f.quarter !== null && ['quarter', 'fiscal-quarter', 'half', 'fiscal-half'].includes(f.kind)).sort((a, b) => b.end - a.end)[0];
    if (!prev || prev.quarter === n || (prev.kind.endsWith('half') && n > 2)) continue;
    found.push({ ...prev, quarter: n, start: from + s, end: from + s + m[1]!.length, text: m[1]!, resolution: `“${m[1]}”: the ${prev.kind.endsWith('half') ? 'half' : 'quarter'} of “${prev.text.trim()}” numbered ${n}` });
  }
  return found.sort((a, b) => a.start - b.start);
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];
/** "in the second" with no noun after it (not "the second quarter", "the second-largest", "the second time"). */
const ELLIPTICAL_ORDINAL = /\b(?:in|for|during|by)\s+the\s+(first|second|third|fourth)\b(?!\s*-|\s+(?:quarter|half|three|six|nine|twelve|fiscal|calendar|of|time|place|largest|biggest|most|highest|lowest|round|year|month|week|day|such|two|one)\b)/gi;

/** "measured by calendar year", "on a calendar-year basis": bare years in this sentence are calendar years. */
export const CALENDAR_READING = /\b(?:by|on\s+a|in)\s+calendar[-\s]years?\b|\bcalendar[-\s]year\s+basis\b/i;
/** "by fiscal year", "if you follow the company's fiscal labels", "on a fiscal-year basis": bare years are fiscal years. */
export const FISCAL_READING = /\b(?:by|on\s+a)\s+fiscal[-\s]years?\b|\bfiscal[-\s]year\s+basis\b|\bfiscal\s+labels?\b/i;

/** Month names that say when something was said: "in July", "back in February", "in January 2025". */
const STATED_MONTH = new RegExp(
  String.raw`\b(?:in|back\s+in|since|during|on|(?:by|at)\s+(?:the\s+)?(?:end|start|middle)\s+of)\s+(?:early\s+|mid-?|late\s+)?(?<m>${ANY_MONTH})\b\.?(?:\s+(?<y>${YEAR}))?(?![-\s]+(?:quarter|\d{1,2}\b))|(?:\b(?:its|the|their|a)\s+|(?<=\(\s*))(?<m2>${ANY_MONTH})(?:\s+(?<y2>${YEAR}))?\s+(?:call|update|results|statement|earnings|report|letter)\b|\bon\s+(?<m3>${ANY_MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?<y3>${YEAR}))?(?![-\s]+quarter)`,
  'gi',
);

export interface MonthMention {
  start: number;
  end: number;
  text: string;
  month: number;
  year: number | null;
}

export function extractMonths(masked: string, from: number, to: number): MonthMention[] {
  const text = masked.slice(from, to);
  const out: MonthMention[] = [];
  for (const m of text.matchAll(STATED_MONTH)) {
    const g = m.groups!;
    const year = g.y ?? g.y2 ?? g.y3;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0], month: monthNumber((g.m ?? g.m2 ?? g.m3)!), year: year ? Number(year) : null });
  }
  return out;
}

export { quarterOfMonth };
