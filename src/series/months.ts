// Periods as whole months: a month index is year*12 + (month-1). Facts are matched to periods
// by the month their period ends in and their length in months, so a filer whose year ends on
// the Saturday nearest a month end still lines up.

export type MonthIndex = number;

export function monthIndexOf(isoDate: string): MonthIndex {
  // A plain ISO date is read digit by digit (the engine asks this of every fact it reads); other shapes as Number() reads them.
  if (isoDate.length >= 10 && isoDate.charCodeAt(4) === 45 && isoDate.charCodeAt(7) === 45) {
    const y = digits(isoDate, 0, 4);
    const m = digits(isoDate, 5, 7);
    const d = digits(isoDate, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return y * 12 + (m - 1) - (d <= 7 ? 1 : 0);
  }
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  // A period ending in the first week of a month belongs to the previous month (52/53-week years).
  return y * 12 + (m - 1) - (d <= 7 ? 1 : 0);
}

/** Length of a duration in whole months (a quarter is 3, a half 6, a year 12). */
export function monthsBetween(start: string, end: string): number {
  const days = (utcMidnight(end) - utcMidnight(start)) / 86400000 + 1;
  return Math.round(days / 30.4375);
}

/** The number written by the digits of `s` from `from` to `to` (exclusive), or -1 if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `Date.parse(date + 'T00:00:00Z')`, without parsing a string for a plain ISO date (the engine
 * asks this of every fact it reads; Date.UTC is several times cheaper). V8 reads day 29–31 of any
 * month by rolling over, as Date.UTC does; other shapes, and years before 100 (which Date.UTC
 * reads as 19xx), are left to Date.parse.
 */
export function utcMidnight(date: string): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const mo = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return Date.UTC(y, mo - 1, d);
  }
  return Date.parse(date + 'T00:00:00Z');
}

export function yearOf(m: MonthIndex): number {
  return Math.floor(m / 12);
}

export function monthOf(m: MonthIndex): number {
  return (m % 12) + 1;
}

/** First day of the period of `length` months ending with month m. */
export function startDateOf(endMonth: MonthIndex, length: number): string {
  const s = endMonth - length + 1;
  return `${yearOf(s)}-${String(monthOf(s)).padStart(2, '0')}-01`;
}

export function endDateOf(m: MonthIndex): string {
  const y = yearOf(m);
  const mo = monthOf(m);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${y}-${String(mo).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}

/** Calendar quarter label of a quarter ending in month m: 2025-Q3. */
export function quarterLabel(m: MonthIndex): string {
  return `${yearOf(m)}-Q${Math.floor((m % 12) / 3) + 1}`;
}
