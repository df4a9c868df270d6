// Turns --period/--from/--to into the list of periods to compute, per company.
import type { Company } from '../model/company.js';
import { PERIODS, type Period } from '../model/series.js';
import { EmptyRangeError, InvalidOptionError, RangeTooLongError, UnknownChoiceError } from '../model/errors.js';
import { fiscalQuarterEndFor, fiscalYearEnd } from './fiscal-year.js';
import { monthIndex, quarterLabel, type MonthIndex } from './months.js';

export interface PeriodSlot {
  label: string;
  /** Length in months of the period. */
  months: number;
  /**
   * End month of the period for a given company: its fiscal year, or its fiscal quarter labelled
   * with the slot's calendar quarter (a calendar year ends with the one labelled Q4).
   */
  endFor(company: Company): MonthIndex;
  /** Sort key, shared by all companies. */
  order: number;
}

export function parsePeriod(p: string): Period {
  if (!(PERIODS as readonly string[]).includes(p)) throw new UnknownChoiceError('period', p, PERIODS);
  return p as Period;
}

/** Parses a bound: `2024` or `2024-Q3` (quarters only for quarter/ttm). Returns [year, quarter|null]. */
export function parseBound(option: 'from' | 'to', s: string): { year: number; quarter: number | null } {
  const m = /^(\d{4})(?:-?Q([1-4]))?$/i.exec(s.trim());
  if (!m) throw new InvalidOptionError(option, s, ['a year such as 2024', 'a quarter such as 2024-Q3']);
  return { year: Number(m[1]), quarter: m[2] ? Number(m[2]) : null };
}

/** A whole year given as text (`--from 2022` of `airace facts`, the year of `airace guidance`). */
export function parseYear(option: string, s: string): number {
  if (!/^\d{4}$/.test(s.trim())) throw new InvalidOptionError(option, s, ['a year such as 2025']);
  return Number(s);
}

export const MAX_SLOTS = 400;

const boundLabel = (b: { year: number; quarter: number | null }) => (b.quarter === null ? String(b.year) : `${b.year}-Q${b.quarter}`);

export function periodSlots(period: Period, from: { year: number; quarter: number | null }, to: { year: number; quarter: number | null }): PeriodSlot[] {
  const slots: PeriodSlot[] = [];
  if (period === 'fy' || period === 'cy') {
    for (let y = from.year; y <= to.year; y++) {
      slots.push(
        period === 'fy'
          ? { label: `FY${y}`, months: 12, endFor: (c) => fiscalYearEnd(y, c.fiscalYearEndMonth), order: y }
          : { label: String(y), months: 12, endFor: (c) => fiscalQuarterEndFor(monthIndex(y, 12), c.fiscalYearEndMonth), order: y },
      );
    }
  } else {
    const first = monthIndex(from.year, (from.quarter ?? 1) * 3);
    const last = monthIndex(to.year, (to.quarter ?? 4) * 3);
    for (let m = first; m <= last; m += 3) {
      const end = m;
      slots.push({ label: period === 'ttm' ? `TTM ${quarterLabel(m)}` : quarterLabel(m), months: period === 'ttm' ? 12 : 3, endFor: (c) => fiscalQuarterEndFor(end, c.fiscalYearEndMonth), order: m });
    }
  }
  if (slots.length > MAX_SLOTS) throw new RangeTooLongError(slots.length, MAX_SLOTS);
  if (slots.length === 0) throw new EmptyRangeError(boundLabel(from), boundLabel(to));
  return slots;
}
