// Turns relative period words into periods with a year: "a year earlier" and "that year" against
// the period the text was just talking about (the reference), "this year", "the last 12 months" and
// a quarter named without a year ("the fourth quarter", "the quarter to September") against the
// reference or, failing that, the article's date. Every result says how it was found.
import type { Company } from '../model/company.js';
import type { How, PeriodRef } from './claim.js';
import type { PeriodMention } from './extract-period.js';
import { fiscalYearEnd, fiscalYearOf } from '../series/fiscal-year.js';
import { monthIndex, monthIndexOf, yearOf } from '../series/months.js';

/** Results come out some weeks after a period ends: a period that ended less than this before the article is not yet reported. */
export const REPORTING_LAG_DAYS = 20;

export interface Resolved {
  ref: PeriodRef;
  how: How;
  resolution: string | null;
  /** False when the words leave the year open and the readings disagree (near the text's period, or the latest reported): a guess. */
  firm?: boolean;
}

export interface RelativeContext {
  /** The period the text was talking about just before (same sentence, else the previous claim). */
  reference: PeriodRef | null;
  articleDate: string | null;
  /** The company the figure is about, for fiscal periods. */
  company: Company | null;
  /** A plan can be about the future; an actual cannot end after the article. */
  future: boolean;
}

const strip = (m: PeriodMention): PeriodRef => ({ kind: m.kind, year: m.year, quarter: m.quarter, endYear: m.endYear, years: m.years, quarters: m.quarters, resolution: m.resolution, start: m.start, end: m.end, text: m.text, ...(m.rangeOf ? { rangeOf: m.rangeOf } : {}) });

/** The month index a calendar quarter q of year y ends in. */
const quarterEnd = (y: number, q: number) => monthIndex(y, q * 3);
/** The calendar month index fiscal quarter q of fiscal year fy ends in. */
const fiscalQuarterEnd = (fy: number, q: number, fye: number) => fiscalYearEnd(fy, fye) - (4 - q) * 3;

/** The month index a period ends in (fiscal periods need the company). */
export function endMonthOf(ref: PeriodRef, company: Company | null): number | null {
  const fye = company && company.kind === 'company' ? company.fiscalYearEndMonth : 12;
  const y = ref.year;
  if (y === null) return null;
  switch (ref.kind) {
    case 'quarter':
      return ref.quarter ? quarterEnd(y, ref.quarter) : null;
    case 'fiscal-quarter':
      return ref.quarter ? fiscalQuarterEnd(y, ref.quarter, fye) : null;
    case 'fy':
      return fiscalYearEnd(y, fye);
    case 'cy':
    case 'year':
    case 'ytd':
      return monthIndex(y, 12);
    case 'half':
      return monthIndex(y, (ref.quarter ?? 2) * 6);
    case 'fiscal-half':
      return fiscalYearEnd(y, fye) - (ref.quarters ? (4 - ref.quarters) * 3 : ref.quarter === 1 ? 6 : 0);
    case 'ttm':
      return ref.quarter ? quarterEnd(y, ref.quarter) : null;
    case 'range':
      return ref.endYear !== null ? monthIndex(ref.endYear, 12) : null;
    case 'window':
      return ref.quarter ? quarterEnd(y, ref.quarter) : null;
    case 'span':
      return null;
  }
}

/** A fiscal quarter with the calendar quarter it is for the company named (the same quarter is then readable for others). */
function withCalendar(ref: PeriodRef, company: Company | null): PeriodRef {
  if (ref.kind !== 'fiscal-quarter' || ref.year === null || ref.quarter === null || !company || company.kind !== 'company') return ref;
  const end = fiscalQuarterEnd(ref.year, ref.quarter, company.fiscalYearEndMonth);
  return { ...ref, calendar: { year: yearOf(end), quarter: Math.floor((end % 12) / 3) + 1 } };
}

/** The last month index whose figures can have been reported by the article date. */
function reportedBy(articleDate: string): number {
  const cutoff = new Date(Date.parse(articleDate + 'T00:00:00Z') - REPORTING_LAG_DAYS * 86400000).toISOString().slice(0, 10);
  // A month counts once it is over: the month before the cutoff's month, unless the cutoff is its last day.
  const m = monthIndexOf(cutoff.slice(0, 8) + '15');
  const lastDay = new Date(Date.UTC(Number(cutoff.slice(0, 4)), Number(cutoff.slice(5, 7)), 0)).getUTCDate();
  return Number(cutoff.slice(8, 10)) === lastDay ? m : m - 1;
}

/** Of the candidate end months, the one nearest the reference (allowed ones only), else the latest reported by the article date. */
function pick(candidates: Array<{ year: number; end: number }>, ctx: RelativeContext): { year: number; how: How; why: string; firm?: boolean; otherYear?: number } | null {
  const cap = ctx.articleDate && !ctx.future ? reportedBy(ctx.articleDate) : Infinity;
  const allowed = candidates.filter((c) => c.end <= cap);
  const refEnd = ctx.reference ? endMonthOf(ctx.reference, ctx.company) : null;
  if (refEnd !== null && allowed.length) {
    // After a year ("Capex in 2025 … the first quarter"), the quarter of that year; else the nearest.
    const yearLong = ctx.reference && ['fy', 'cy', 'year'].includes(ctx.reference.kind);
    const inside = yearLong ? allowed.filter((c) => c.end > refEnd - 12 && c.end <= refEnd) : [];
    const best = inside[0] ?? [...allowed].sort((a, b) => Math.abs(a.end - refEnd) - Math.abs(b.end - refEnd) || b.end - a.end)[0]!;
    if (Math.abs(best.end - refEnd) <= 9) {
      // With a date, the latest reported is the other reading: where it differs, the year is a guess.
      const latest = ctx.articleDate ? [...allowed].sort((a, b) => b.end - a.end)[0] : undefined;
      const open = latest !== undefined && latest.year !== best.year;
      // Without a date there is no other reading to weigh it against: the year of the text is a guess.
      const undated = !ctx.articleDate;
      return { year: best.year, how: 'carried', why: `the year of “${ctx.reference!.text}”${open ? ` (the words give no year; the latest reported before the article date is ${latest.year}'s)` : undated ? ' (the words give no year and the article no date)' : ''}`, firm: !open && !undated, ...(open ? { otherYear: latest.year } : {}) };
    }
  }
  if (ctx.articleDate) {
    const latest = allowed.sort((a, b) => b.end - a.end)[0];
    if (latest) return { year: latest.year, how: 'article-date', why: `the latest reported before the article date (${ctx.articleDate})` };
  }
  return null;
}

const yearsAround = (center: number) => [center - 2, center - 1, center, center + 1, center + 2];

/** The year to try candidates around: the reference's, else the article's. */
function centerYear(ctx: RelativeContext): number | null {
  const refEnd = ctx.reference ? endMonthOf(ctx.reference, ctx.company) : null;
  if (refEnd !== null) return yearOf(refEnd);
  return ctx.articleDate ? Number(ctx.articleDate.slice(0, 4)) : null;
}

/** The calendar quarter month index `m` falls in. */
const quarterOf = (m: number) => ({ year: yearOf(m), quarter: Math.floor((m % 12) / 3) + 1 });
/** The last month index ending a calendar quarter, at or before month index `m`. */
const lastQuarterEndBy = (m: number) => m - (((m % 12) + 1) % 3);

/** The same period `by` years on (back when negative), with the calendar quarter a fiscal one is. */
export function shiftYear(ref: PeriodRef, by: number): PeriodRef {
  return { ...ref, year: ref.year === null ? null : ref.year + by, endYear: ref.endYear === null ? null : ref.endYear + by, ...(ref.calendar ? { calendar: { ...ref.calendar, year: ref.calendar.year + by } } : {}) };
}

/** The latest full calendar year reported by the article date. */
function latestYear(ctx: RelativeContext): number | null {
  if (!ctx.articleDate) return ctx.reference ? (endMonthOf(ctx.reference, ctx.company) !== null ? yearOf(endMonthOf(ctx.reference, ctx.company)!) : null) : null;
  return yearOf(reportedBy(ctx.articleDate) + 1) - 1;
}

/**
 * A mention made absolute, or null (with the reason) when nothing resolves it.
 * Mentions that state their year are returned as they are (`stated`).
 */
export function resolveMention(m: PeriodMention, ctx: RelativeContext): Resolved | { error: string } {
  const r = resolveOne(m, ctx);
  // A period counted from one whose year was a guess ("a year earlier", "the same quarter") is a guess too.
  if ('error' in r || !ctx.reference?.yearGuessed || r.how !== 'carried') return r;
  return { ...r, ref: { ...r.ref, yearGuessed: true }, firm: false };
}

function resolveOne(m: PeriodMention, ctx: RelativeContext): Resolved | { error: string } {
  const ref = strip(m);
  const fye = ctx.company && ctx.company.kind === 'company' ? ctx.company.fiscalYearEndMonth : 12;
  // Windows whose end the words give ("the six months to September 2025").
  if (m.endMonth !== null && m.year !== null) {
    const q = Math.ceil(m.endMonth / 3);
    if (m.kind === 'ttm') return { ref: { ...ref, quarter: q }, how: 'stated', resolution: null };
    // A window given by its end, in calendar quarters, so a fiscal half (Alibaba's Apr–Sep) reads the same.
    return { ref: { ...ref, kind: 'window', quarter: q, quarters: (m.months ?? 6) / 3 }, how: 'stated', resolution: null };
  }
  switch (m.relative) {
    case null:
      break;
    case 'article-year': {
      if (!ctx.articleDate) return { error: `“${m.text}” needs the article date (none stated; use --date)` };
      const y = Number(ctx.articleDate.slice(0, 4)) + (m.years ?? 0);
      return { ref: { ...ref, year: y, years: null }, how: 'article-date', resolution: `${m.text.trim()} = ${y}, from the article date` };
    }
    case 'latest-ttm': {
      if (!ctx.articleDate) return { error: `“${m.text}” needs the article date (none stated; use --date)` };
      const { year: y, quarter: q } = quarterOf(lastQuarterEndBy(reportedBy(ctx.articleDate)));
      return { ref: { ...ref, year: y, quarter: q }, how: 'article-date', resolution: `${m.text.trim()}: the twelve months to ${y}-Q${q}, the latest quarter reported before the article date` };
    }
    case 'year-earlier': {
      if (!ctx.reference) return { error: `“${m.text}” needs a period to count back from` };
      const back = m.years ?? 1;
      return { ref: { ...shiftYear(ctx.reference, -back), start: m.start, end: m.end, text: m.text }, how: 'carried', resolution: `${m.text.trim()}: ${back === 1 ? 'a year' : `${back} years`} before “${ctx.reference.text.trim()}”` };
    }
    case 'quarter-earlier': {
      const r = ctx.reference;
      if (!r || !['quarter', 'fiscal-quarter'].includes(r.kind) || r.year === null || r.quarter === null) return { error: `“${m.text.trim()}” counts back a quarter, but the text names no quarter before it` };
      const back = r.quarter === 1 ? { year: r.year - 1, quarter: 4 } : { year: r.year, quarter: r.quarter - 1 };
      return { ref: { ...r, ...back, start: m.start, end: m.end, text: m.text }, how: 'carried', resolution: `${m.text.trim()}: the quarter before “${r.text.trim()}”` };
    }
    case 'same': {
      // ("Fiscal 2026 … operating cash flow for the quarter": a year before it is no quarter to refer to, so read it as if nothing were.)
      const noQuarterBefore = !ctx.reference || (m.kind === 'quarter' && !['quarter', 'fiscal-quarter'].includes(ctx.reference.kind) && !!ctx.articleDate);
      if (noQuarterBefore) {
        if (m.kind !== 'quarter' || !ctx.articleDate) return { error: `“${m.text}” needs a period it refers to` };
        // "In the quarter" with nothing before it: the latest quarter reported by the article date (for a plan,
        // the quarter in progress). Another quarter may be meant, so the reading is not firm.
        const q = quarterOf(ctx.future ? monthIndexOf(ctx.articleDate.slice(0, 8) + '15') : lastQuarterEndBy(reportedBy(ctx.articleDate)));
        return { ref: { ...ref, kind: 'quarter', ...q }, how: 'article-date', firm: false, resolution: `${m.text.trim()}: ${q.year}-Q${q.quarter}, ${ctx.future ? 'the quarter in progress on' : 'the latest quarter reported before'} the article date (${ctx.articleDate})` };
      }
      const r = ctx.reference!;
      if (m.kind === 'quarter' && !['quarter', 'fiscal-quarter'].includes(r.kind)) return { error: `“${m.text}” refers to a quarter, but the text was about ${r.text.trim()}` };
      // "those three months" after Microsoft's fiscal first quarter, for the group: the calendar quarter it was.
      if (m.kind === 'quarter' && r.kind === 'fiscal-quarter' && r.calendar) return { ref: { ...r, kind: 'quarter', year: r.calendar.year, quarter: r.calendar.quarter, start: m.start, end: m.end, text: m.text }, how: 'carried', resolution: `${m.text.trim()}: the calendar quarter of “${r.text.trim()}” (${r.calendar.year}-Q${r.calendar.quarter})` };
      return { ref: { ...r, start: m.start, end: m.end, text: m.text }, how: 'carried', resolution: `${m.text.trim()}: the same as “${r.text.trim()}”` };
    }
    case 'same-in-year': {
      const r = ctx.reference;
      if (!r || !['quarter', 'fiscal-quarter'].includes(r.kind) || r.year === null) return { error: `“${m.text.trim()}” refers to a quarter, but the text names none before it` };
      const shifted = shiftYear(r, (m.year ?? r.year) - (endMonthOf(r, ctx.company) === null ? r.year : yearOf(endMonthOf(r, ctx.company)!)));
      return { ref: { ...shifted, start: m.start, end: m.end, text: m.text }, how: 'carried', resolution: `${m.text.trim()}: the quarter of “${r.text.trim()}”, in ${m.year}` };
    }
    case 'full-year': {
      const r = ctx.reference;
      if (!r) {
        if (!ctx.articleDate) return { error: `“${m.text}” needs the article date or a period it refers to` };
        if (ctx.future) {
          // A plan's "full-year range" is for the year in progress: the one the article date falls in.
          const y = fiscalYearOf(monthIndexOf(ctx.articleDate.slice(0, 8) + '15'), fye);
          return { ref: { ...ref, kind: fye === 12 ? 'year' : 'fy', year: y }, how: 'article-date', resolution: `${m.text.trim()} = ${fye === 12 ? '' : 'fiscal '}${y}, the year of the article date (a plan is for the year in progress)` };
        }
        // The company's latest year reported by the article date: its fiscal year where that is not the calendar year.
        if (fye !== 12) return resolveMention({ ...m, relative: 'latest-fy' }, ctx);
        const y = latestYear(ctx)!;
        return { ref: { ...ref, kind: 'year', year: y }, how: 'article-date', resolution: `${m.text.trim()} = ${y}, the latest year reported before the article date` };
      }
      const end = endMonthOf(r, ctx.company);
      if (end === null) return { error: `“${m.text}” needs a period it refers to` };
      if (['fy', 'cy', 'year'].includes(r.kind)) return { ref: { ...r, start: m.start, end: m.end, text: m.text }, how: 'carried', resolution: `${m.text.trim()}: “${r.text.trim()}”` };
      const fy = fiscalYearOf(end, fye);
      return { ref: { ...ref, kind: fye === 12 ? 'year' : 'fy', year: fy }, how: 'carried', resolution: `${m.text.trim()}: the year of “${r.text.trim()}”` };
    }
    case 'since': {
      const to = latestYear(ctx);
      if (to === null) return { error: `“${m.text}” needs the article date (to know the latest year)` };
      return { ref: { ...ref, kind: 'range', endYear: to }, how: 'article-date', resolution: `${m.text.trim()} to ${to}, the latest year reported before the article date` };
    }
    case 'latest-fy': {
      if (!ctx.articleDate) return { error: `“${m.text.trim()}” needs the article date (none stated; use --date)` };
      const cap = reportedBy(ctx.articleDate);
      const y0 = yearOf(cap) + 1;
      const fy = [y0, y0 - 1, y0 - 2].find((y) => fiscalYearEnd(y, fye) <= cap)!;
      return { ref: { ...ref, kind: 'fy', year: fy }, how: 'article-date', resolution: `${m.text.trim()}: fiscal ${fy}, the latest fiscal year reported before the article date` };
    }
    case 'current': {
      if (!ctx.articleDate) return { error: `“${m.text.trim()}” needs the article date (none stated; use --date)` };
      const month = monthIndexOf(ctx.articleDate.slice(0, 8) + '15');
      if (m.kind === 'quarter') {
        const { year: y, quarter: q } = quarterOf(month);
        return { ref: { ...ref, kind: 'quarter', year: y, quarter: q }, how: 'article-date', resolution: `${m.text.trim()}: ${y}-Q${q}, the quarter of the article date` };
      }
      const fy = fiscalYearOf(month, fye);
      return { ref: { ...ref, kind: 'fy', year: fy }, how: 'article-date', resolution: `${m.text.trim()}: fiscal ${fy}, the fiscal year of the article date` };
    }
    case 'years-back': {
      const r = ctx.reference;
      const end = r && r.year !== null && ['fy', 'cy', 'year'].includes(r.kind) ? r.year : latestYear(ctx);
      if (end === null) return { error: `“${m.text}” needs a year to count back from` };
      return { ref: { ...ref, kind: 'range', year: end - (m.years ?? 1), endYear: end, years: null }, how: r ? 'carried' : 'article-date', resolution: `${m.text.trim()}: ${end - (m.years ?? 1)} to ${end}` };
    }
  }
  if (m.year !== null || m.kind === 'span') return { ref: withCalendar(ref, ctx.company), how: 'stated', resolution: null };
  // A quarter or half named without its year.
  const center = centerYear(ctx);
  if (center === null) return { error: `“${m.text.trim()}” names no year, and the article has no date to place it` };
  let candidates: Array<{ year: number; end: number }>;
  /** What placing a window by its end month sets besides the year. */
  let shape: Partial<PeriodRef> = {};
  if (m.kind === 'quarter') candidates = yearsAround(center).map((y) => ({ year: y, end: quarterEnd(y, m.quarter!) }));
  else if (m.kind === 'fiscal-quarter') candidates = yearsAround(center).map((y) => ({ year: y, end: fiscalQuarterEnd(y, m.quarter!, fye) }));
  else if (m.kind === 'half') candidates = yearsAround(center).map((y) => ({ year: y, end: monthIndex(y, m.quarter! * 6) }));
  else if ((m.kind === 'ttm' || m.kind === 'window') && m.endMonth !== null) {
    // "the twelve months to June": the window ending in that month of the year the text is in, or the latest reported.
    const endMonth = m.endMonth;
    candidates = yearsAround(center).map((y) => ({ year: y, end: monthIndex(y, endMonth) }));
    shape = m.kind === 'ttm' ? { quarter: Math.ceil(endMonth / 3) } : { quarter: Math.ceil(endMonth / 3), quarters: (m.months ?? 6) / 3 };
  }
  else if (m.kind === 'fiscal-half') {
    // "the first six months of the fiscal year": the fiscal year the text is in.
    const r = ctx.reference ? endMonthOf(ctx.reference, ctx.company) : null;
    if (r !== null) {
      const fy = fiscalYearOf(r, fye);
      return { ref: { ...ref, year: fy }, how: 'carried', resolution: `${m.text.trim()}: fiscal ${fy}, the year of “${ctx.reference!.text.trim()}”` };
    }
    candidates = yearsAround(center).map((y) => ({ year: y, end: fiscalYearEnd(y, fye) - (m.quarter === 1 ? 6 : 0) }));
  } else return { error: `“${m.text.trim()}” names no year` };
  const chosen = pick(candidates, ctx);
  if (!chosen) return { error: `“${m.text.trim()}” names no year, and nothing places it` };
  const guessed = chosen.firm === false && chosen.otherYear === undefined;
  return { ref: withCalendar({ ...ref, ...shape, year: chosen.year, ...(chosen.otherYear !== undefined ? { otherYear: chosen.otherYear } : {}), ...(guessed ? { yearGuessed: true } : {}) }, ctx.company), how: chosen.how, resolution: `${m.text.trim()} ${chosen.year}: ${chosen.why}`, ...(chosen.firm === false ? { firm: false } : {}) };
}
