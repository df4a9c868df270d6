// Fiscal years are named after the calendar year they end in: Microsoft FY2025 is
// Jul 2024–Jun 2025, Alibaba FY2025 is Apr 2024–Mar 2025, NVIDIA FY2025 is the 52 weeks to
// 26 January 2025.
//
// A fiscal quarter carries the label of the calendar quarter that holds most of its days, the
// rule SEC's `frame` field follows (NVIDIA's quarter ended 27 April 2025 is CY2025Q1). A quarter
// made of whole months (or 13 weeks ending near a month end) holds most of its days in the
// calendar quarter of its middle month, so the label is that month's quarter.
import { monthIndex, quarterLabel, type MonthIndex } from './months.js';

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

/**
 * End month of the company's fiscal quarter labelled with the calendar quarter ending in month
 * `calendarQuarterEnd`: the fiscal quarter whose middle month lies in that calendar quarter.
 * Quarters ending in Jan/Apr/Jul/Oct end a month after the calendar quarter they are labelled
 * with; quarters ending in Feb/May/Aug/Nov a month before.
 */
export function fiscalQuarterEndFor(calendarQuarterEnd: MonthIndex, fyeMonth: number): MonthIndex {
  const offset = fyeMonth % 3;
  return offset === 0 ? calendarQuarterEnd : offset === 1 ? calendarQuarterEnd + 1 : calendarQuarterEnd - 1;
}

/** The calendar-quarter label (2025-Q1) of a fiscal quarter ending in month m: its middle month's quarter. */
export function calendarLabelOfFiscalQuarter(m: MonthIndex): string {
  return quarterLabel(m - 1);
}

/** `FY2026 Q1` for the fiscal quarter ending in month m; null when m ends no fiscal quarter. */
export function fiscalQuarterLabel(m: MonthIndex, fyeMonth: number): string | null {
  const q = fiscalQuarterOf(m, fyeMonth);
  return q === null ? null : `FY${fiscalYearOf(m, fyeMonth)} Q${q}`;
}

/**
 * The fiscal quarters behind `months` months ending in month m, for labels: `FY2025 Q1–Q4`,
 * `FY2024 Q3–FY2025 Q2`, `FY2026 Q1`; null when m ends no fiscal quarter.
 */
export function fiscalSpanLabel(m: MonthIndex, months: number, fyeMonth: number): string | null {
  const last = fiscalQuarterLabel(m, fyeMonth);
  if (last === null || months === 3) return last;
  const firstEnd = m - months + 3;
  const first = fiscalQuarterLabel(firstEnd, fyeMonth)!;
  if (fiscalYearOf(firstEnd, fyeMonth) === fiscalYearOf(m, fyeMonth)) return `${first}–Q${fiscalQuarterOf(m, fyeMonth)}`;
  return `${first}–${last}`;
}
