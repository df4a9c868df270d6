// Turns the period words of a claim into the engine's terms, without confusing fiscal and
// calendar years: "fiscal 2023" for Microsoft is Jul 2022–Jun 2023 (period fy); a bare "in 2024"
// is the calendar year (period cy), except where a company's fiscal year is the calendar year.
// For Alibaba, whose fiscal year ends in March, a bare year is ambiguous: writers usually mean the
// fiscal year it reports under that name, so that is checked, the calendar year is shown beside it,
// and the report says so.
import type { Company } from '../model/company.js';
import type { PeriodRef } from './claim.js';
import { endDateOf, monthIndex, quarterLabel, startDateOf } from '../series/months.js';
import { fiscalYearEnd } from '../series/fiscal-year.js';

export interface PeriodSlot {
  period: 'quarter' | 'fy' | 'cy' | 'ttm';
  from: string;
  to: string;
}

export interface PeriodPlan {
  primary: PeriodSlot | null;
  /** The other reading of an ambiguous period, shown as extra evidence. */
  alternates: PeriodSlot[];
  note: string | null;
  /** Why the period cannot be turned into a request. */
  error: string | null;
  /** True when the words allow each reading (a bare year for a company whose fiscal year is not the calendar year): a figure that matches either is right. */
  ambiguous: boolean;
}

const plan = (primary: PeriodSlot, note: string | null = null, alternates: PeriodSlot[] = [], ambiguous = false): PeriodPlan => ({ primary, alternates, note, error: null, ambiguous });
const fail = (error: string): PeriodPlan => ({ primary: null, alternates: [], note: null, error, ambiguous: false });
/** Calendar quarters `count` long ending with the quarter that ends in month index `end`. */
const quarters = (end: number, count: number): PeriodSlot => ({ period: 'quarter', from: quarterLabel(end - (count - 1) * 3), to: quarterLabel(end) });

const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jul 2022–Jun 2023" for a fiscal year ending in month `fye` of `year`. */
export function fiscalYearSpan(year: number, fye: number): string {
  const startMonth = fye % 12;
  const startYear = fye === 12 ? year : year - 1;
  return `${MONTH[startMonth]} ${startYear}–${MONTH[fye - 1]} ${year}`;
}

/** How a bare year is read for one company (see the file comment). */
export function bareYearPeriod(company: Company): 'fy' | 'cy' | 'fy-ambiguous' {
  if (company.kind === 'group') return 'cy';
  if (company.fiscalYearEndMonth === 12) return 'fy';
  return company.fiscalYearEndMonth <= 3 ? 'fy-ambiguous' : 'cy';
}

/** The request period(s) for a claim's period words and the companies it is about. A range keeps both ends. */
export function resolvePeriod(ref: PeriodRef, companies: Company[]): PeriodPlan {
  const single = companies.length === 1 ? companies[0]! : null;
  const y = ref.year;
  switch (ref.kind) {
    case 'quarter':
      return plan({ period: 'quarter', from: `${y}-Q${ref.quarter}`, to: `${y}-Q${ref.quarter}` });
    case 'fiscal-quarter': {
      if (!single || single.kind === 'group') {
        // A company's fiscal quarter carried onto the group ("The four spent $165bn in the quarter" after Microsoft's fiscal Q4): the calendar quarter it was.
        if (ref.calendar) return plan({ period: 'quarter', from: `${ref.calendar.year}-Q${ref.calendar.quarter}`, to: `${ref.calendar.year}-Q${ref.calendar.quarter}` }, `the calendar quarter of “${ref.text.trim()}” (${ref.calendar.year}-Q${ref.calendar.quarter})`);
        return fail('a fiscal quarter is only defined for one company');
      }
      const end = monthIndex(y!, single.fiscalYearEndMonth) - (4 - ref.quarter!) * 3;
      const label = quarterLabel(end);
      const note = single.fiscalYearEndMonth === 12 ? null : `${single.name}'s fiscal Q${ref.quarter} ${y} is calendar ${label}`;
      return plan({ period: 'quarter', from: label, to: label }, note);
    }
    case 'fy':
      return plan({ period: 'fy', from: String(y), to: String(y) }, single && single.fiscalYearEndMonth !== 12 ? `${single.name}'s fiscal ${y} = ${fiscalYearSpan(y!, single.fiscalYearEndMonth)}` : null);
    case 'cy':
      return plan({ period: 'cy', from: String(y), to: String(y) });
    case 'ytd':
      return fail('a year-to-date amount is not a period airace computes (quarters, halves, fiscal and calendar years)');
    case 'half':
      return plan(quarters(monthIndex(y!, ref.quarter! * 6), 2));
    case 'window':
      return plan(quarters(monthIndex(y!, ref.quarter! * 3), ref.quarters ?? 2));
    case 'ttm':
      return plan({ period: 'ttm', from: `${y}-Q${ref.quarter}`, to: `${y}-Q${ref.quarter}` });
    case 'fiscal-half': {
      if (!single || single.kind === 'group') return fail('a fiscal half is only defined for one company');
      // The first `quarters` quarters of the fiscal year ("the first nine months of fiscal 2026"), else a half.
      const count = ref.quarters ?? 2;
      const end = fiscalYearEnd(y!, single.fiscalYearEndMonth) - (ref.quarters ? (4 - count) * 3 : ref.quarter === 1 ? 6 : 0);
      const slot = quarters(end, count);
      const words = ref.quarters ? `first ${count * 3} months of fiscal ${y}` : `fiscal H${ref.quarter} ${y}`;
      return plan(slot, single.fiscalYearEndMonth === 12 ? null : `${single.name}'s ${words} is calendar ${slot.from} to ${slot.to}`);
    }
    case 'year': {
      if (y === null) return fail(ref.resolution ?? 'the year is not stated');
      const fy = { period: 'fy' as const, from: String(y), to: String(y) };
      const cy = { period: 'cy' as const, from: String(y), to: String(y) };
      if (!single || single.kind === 'group') return plan(cy, companies.some((c) => c.kind === 'group') ? `${y} read as calendar ${y} (each company's calendar-year quarters)` : null);
      const how = bareYearPeriod(single);
      if (how === 'fy') return plan(fy);
      if (how === 'fy-ambiguous') {
        return plan(fy, `“${ref.text.trim()}” is ambiguous for ${single.name}, whose fiscal year ends in ${MONTH[single.fiscalYearEndMonth - 1]}: checked fiscal ${y} (${fiscalYearSpan(y, single.fiscalYearEndMonth)}) and calendar ${y}`, [cy], true);
      }
      return plan(cy, `“${ref.text.trim()}” is ambiguous for ${single.name}: checked calendar ${y} and ${single.name}'s fiscal ${y} (${fiscalYearSpan(y, single.fiscalYearEndMonth)})`, [fy], true);
    }
    case 'range': {
      const one = resolvePeriod({ ...ref, kind: ref.rangeOf ?? 'year', endYear: null }, companies);
      if (!one.primary) return one;
      const widen = (s: PeriodSlot): PeriodSlot => ({ ...s, to: String(ref.endYear) });
      return { ...one, primary: widen(one.primary), alternates: one.alternates.map(widen) };
    }
    case 'span':
      return fail(`“${ref.text.trim()}” is a span of future years, not a reporting period`);
  }
  return fail(`“${ref.text.trim()}” is not a period airace computes`);
}

/** The dates a slot covers for a company (a group's years are calendar years). */
export function slotDates(slot: PeriodSlot, company: Company): { start: string; end: string } {
  const fye = company.kind === 'company' ? company.fiscalYearEndMonth : 12;
  const quarterEnd = (label: string) => monthIndex(Number(label.slice(0, 4)), Number(label.slice(-1)) * 3);
  const yearEnd = (label: string) => (slot.period === 'fy' ? fiscalYearEnd(Number(label), fye) : monthIndex(Number(label), 12));
  if (slot.period === 'quarter') return { start: startDateOf(quarterEnd(slot.from), 3), end: endDateOf(quarterEnd(slot.to)) };
  if (slot.period === 'ttm') return { start: startDateOf(quarterEnd(slot.from), 12), end: endDateOf(quarterEnd(slot.to)) };
  return { start: startDateOf(yearEnd(slot.from), 12), end: endDateOf(yearEnd(slot.to)) };
}

/** The dates a slot covers for the companies a claim is about (one company or one group), or null for a list. */
export function datesFor(slot: PeriodSlot, companies: Company[]): { start: string; end: string } | null {
  return companies.length === 1 ? slotDates(slot, companies[0]!) : companies.every((c) => c.fiscalYearEndMonth === 12) && companies.length ? slotDates(slot, companies[0]!) : null;
}
