// Whether a YYYY-MM-DD string is a real date of the (proleptic Gregorian) calendar: 2024-02-29
// yes, 2023-02-29 and 2018-13-45 no. Arithmetic rather than Date.parse + toISOString: bulk
// ingest checks every fact's start and end, and the Date round trip was half the concept map's
// time (measured in `npm run bench`).

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE_PATTERN.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month - 1]!);
}
