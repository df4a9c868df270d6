// Finds the periods a text names: "the December 2024 quarter", "Q3 2025", "fiscal 2025",
// "calendar 2024", "in 2024", "by 2025", "from 2022 to 2025", "over the next three years",
// and "this year" / "last year", resolved against the article's date when there is one.
import type { PeriodKind, PeriodRef, Quantity, Span } from './claim.js';
import { cardinal, CARDINAL_PATTERN } from './number-words.js';

const MONTH_QUARTER: Record<string, number> = { mar: 1, march: 1, jun: 2, june: 2, sep: 3, sept: 3, september: 3, dec: 4, december: 4 };
const ORDINAL_QUARTER: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const QMONTH = 'March|June|September|December|Mar|Jun|Sept|Sep|Dec';
const ORD = 'first|second|third|fourth|1st|2nd|3rd|4th';
const YEAR = String.raw`(?:19|20)\d{2}`;

/** Two-digit years ("FY25") are this century. */
const fullYear = (y: string) => {
  const digits = y.replace(/\D/g, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
};

interface Pattern {
  re: RegExp;
  build(g: Record<string, string | undefined>, articleYear: number | null): Omit<PeriodRef, 'start' | 'end' | 'text'> | null;
}

const base = (kind: PeriodKind): Omit<PeriodRef, 'start' | 'end' | 'text'> => ({ kind, year: null, quarter: null, endYear: null, years: null, resolution: null });

const PATTERNS: Pattern[] = [
  {
    // "the December 2024 quarter", "quarter ended December 31, 2024", "the December quarter of 2024"
    re: new RegExp(String.raw`\b(?:(?<m1>${QMONTH})\.?[- ](?<y1>${YEAR})[- ]quarter|quarter\s+(?:ended|ending|to)\s+(?<m2>${QMONTH})\.?\s+(?:\d{1,2},?\s+)?(?<y2>${YEAR})|(?<m3>${QMONTH})[- ]quarter\s+(?:of\s+)?(?<y3>${YEAR}))\b`, 'gi'),
    build: (g) => ({ ...base('quarter'), year: Number(g.y1 ?? g.y2 ?? g.y3), quarter: MONTH_QUARTER[(g.m1 ?? g.m2 ?? g.m3)!.toLowerCase()]! }),
  },
  {
    // "fiscal 2025 third quarter", "FY25 Q3"
    re: new RegExp(String.raw`\b(?:FY|fiscal(?:[- ]year)?)\s?'?(?<y>${YEAR}|\d{2})\s+(?:(?:Q(?<q>[1-4]))|(?<ord>${ORD})[- ]quarter)\b`, 'gi'),
    build: (g) => ({ ...base('fiscal-quarter'), year: fullYear(g.y!), quarter: g.q ? Number(g.q) : ORDINAL_QUARTER[g.ord!.toLowerCase()]! }),
  },
  {
    // "Q3 2025", "fiscal Q3 2025", "Q3 FY2025", "the third quarter of 2025", "fourth-quarter 2024"
    re: new RegExp(String.raw`\b(?<f1>fiscal\s+(?:year\s+)?)?(?:Q(?<q>[1-4])|(?:the\s+)?(?<ord>${ORD})[- ]quarter)\s*(?:of\s+)?(?<f2>fiscal\s+(?:year\s+)?|FY\s?'?)?(?<y>${YEAR}|'\d{2})\b`, 'gi'),
    build: (g) => ({
      ...base(g.f1 || g.f2 ? 'fiscal-quarter' : 'quarter'),
      year: fullYear(g.y!),
      quarter: g.q ? Number(g.q) : ORDINAL_QUARTER[g.ord!.toLowerCase()]!,
    }),
  },
  {
    // "2024-Q4", "2024 Q4"
    re: new RegExp(String.raw`\b(?<y>${YEAR})[- ]Q(?<q>[1-4])\b`, 'g'),
    build: (g) => ({ ...base('quarter'), year: Number(g.y), quarter: Number(g.q) }),
  },
  {
    // "from 2022 to 2025", "between fiscal 2022 and 2025"
    re: new RegExp(String.raw`\b(?:from|between)\s+(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?<a>${YEAR})\s+(?:to|and|through|until|-|–)\s+(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?<b>${YEAR})\b`, 'gi'),
    build: (g) => ({ ...base('range'), year: Number(g.a), endYear: Number(g.b) }),
  },
  {
    // "2022–2025", "2022-25" (not an ISO date such as 2025-02-24)
    re: new RegExp(String.raw`(?<![\d-])(?<a>${YEAR})\s?[–-]\s?(?<b>${YEAR}|\d{2})(?![-\d])`, 'g'),
    build: (g) => {
      const a = Number(g.a);
      const b = g.b!.length === 2 ? Math.floor(a / 100) * 100 + Number(g.b) : Number(g.b);
      return b > a && b - a < 30 ? { ...base('range'), year: a, endYear: b } : null;
    },
  },
  {
    // "fiscal 2025", "FY2025", "FY25", "fiscal year 2024", "the fiscal year ended June 30, 2024"
    re: new RegExp(String.raw`\b(?:(?:fiscal(?:[- ]year)?|FY)\s?'?(?<y>${YEAR}|\d{2})\b|fiscal\s+year\s+(?:ended|ending)\s+(?:\w+\s+\d{1,2},?\s+)?(?<y2>${YEAR})\b|(?<y3>${YEAR})\s+fiscal\s+year\b)`, 'gi'),
    build: (g) => ({ ...base('fy'), year: fullYear((g.y ?? g.y2 ?? g.y3)!) }),
  },
  {
    // "calendar 2024", "calendar year 2024", "the 2024 calendar year"
    re: new RegExp(String.raw`\b(?:calendar(?:[- ]year)?\s+(?<y>${YEAR})|(?<y2>${YEAR})\s+calendar\s+year)\b`, 'gi'),
    build: (g) => ({ ...base('cy'), year: Number(g.y ?? g.y2) }),
  },
  {
    // "over the next three years", "over three years", "within the coming 3 years"
    re: new RegExp(String.raw`\b(?:over|in|during|within|for)\s+(?:the\s+(?:next|coming|following)\s+)?(?<n>${CARDINAL_PATTERN}|\d+)\s+years\b`, 'gi'),
    build: (g) => ({ ...base('span'), years: cardinal(g.n!) }),
  },
  {
    // "so far this year", "year to date"
    re: /\b(?:so far this year|this year so far|year[- ]to[- ]date|YTD)\b/gi,
    build: (_g, y) => ({ ...base('ytd'), year: y, resolution: y === null ? 'needs the article date' : `this year = ${y}, from the article date` }),
  },
  {
    // "this year", "last year", "next year"
    re: /\b(?<rel>this|last|next|the past|the previous)\s+year\b/gi,
    build: (g, y) => {
      const rel = g.rel!.toLowerCase();
      const shift = rel === 'this' ? 0 : rel === 'next' ? 1 : -1;
      if (y === null) return { ...base('year'), resolution: `“${rel} year” needs the article date (none stated; use --date)` };
      return { ...base('year'), year: y + shift, resolution: `${rel} year = ${y + shift}, from the article date` };
    },
  },
  {
    // "in 2024", "by 2025", "2024"
    re: new RegExp(String.raw`(?<![\d,.$¥€£-])(?<y>${YEAR})(?![\d%]|s\b|[-–]\d|,\d|\.\d|\s?(?:billion|million|bn)\b)`, 'g'),
    build: (g) => ({ ...base('year'), year: Number(g.y) }),
  },
];

/** Periods named in `masked` between `from` and `to`, in text order, none overlapping. */
export function extractPeriods(masked: string, from: number, to: number, articleDate: string | null): PeriodRef[] {
  const text = masked.slice(from, to);
  const articleYear = articleDate ? Number(articleDate.slice(0, 4)) : null;
  const taken: PeriodRef[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      const built = p.build(m.groups ?? {}, articleYear);
      if (!built) continue;
      taken.push({ ...built, start, end, text: m[0] });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * The period that goes with a figure: the nearest one in its clause, else in its sentence.
 * A period that another figure sits closer to is left to that figure.
 */
export function periodForQuantity(periods: PeriodRef[], q: Quantity, clause: Span, sentence: Span, others: Quantity[]): PeriodRef | null {
  const distance = (p: PeriodRef) => (p.start >= q.end ? p.start - q.end : q.start - p.end);
  const closerToOther = (p: PeriodRef) => others.some((o) => o !== q && (p.start >= o.end ? p.start - o.end : o.start - p.end) < distance(p));
  const within = (s: Span) => periods.filter((p) => p.start >= s.start && p.end <= s.end && p.kind !== 'span');
  for (const scope of [clause, sentence]) {
    const candidates = within(scope).sort((a, b) => distance(a) - distance(b));
    const own = candidates.find((p) => !closerToOther(p)) ?? candidates[0];
    if (own) return own;
  }
  return null;
}

/** A span period ("over the next three years") anywhere in the sentence. */
export function spanIn(periods: PeriodRef[], sentence: Span): PeriodRef | null {
  return periods.find((p) => p.kind === 'span' && p.start >= sentence.start && p.end <= sentence.end) ?? null;
}
