// Fiscal years are named after the calendar year they end in: Microsoft FY2025 is
// Jul 2024–Jun 2025, Alibaba FY2025 is Apr 2024–Mar 2025.
import { monthIndex, type MonthIndex } from './months.js';

/** Month index in which fiscal year `fy` ends. */
export function fiscalYearEnd(fy: number, fyeMonth: number): MonthIndex {
  return monthIndex(fy, fyeMonth);
}

/** The fiscal year a period ending in month m falls in. */
export function fiscalYearOf(m: MonthIndex, fyeMonth: number): number {
  const y = Math.floor(m / 12);
  const mo = (m % 12) + 1;
  return mo <= fyeMonth ? y : y + 1;
}

/** Fiscal quarter (1-4) of a quarter ending in month m, or null if m is not a fiscal quarter end. */
export function fiscalQuarterOf(m: MonthIndex, fyeMonth: number): number | null {
  const monthsAfterFye = (((m - (fyeMonth - 1)) % 12) + 12) % 12;
  if (monthsAfterFye % 3 !== 0) return null;
  return monthsAfterFye === 0 ? 4 : monthsAfterFye / 3;
}

/** Whether the company's fiscal quarters coincide with calendar quarters. */
export function quartersAlignWithCalendar(fyeMonth: number): boolean {
  return fyeMonth % 3 === 0;
}
