// isCalendarDate (arithmetic) agrees with JavaScript's own calendar (a Date round trip) on every
// day-shaped string of several centuries, leap rules included, and refuses what is not a date.
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/model/calendar-date.js';

const byDateRoundTrip = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isCalendarDate', () => {
  it('agrees with a Date round trip on every YYYY-MM-DD with months 00–13 and days 00–32, 1600–2400', () => {
    let valid = 0;
    for (let y = 1600; y <= 2400; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const expected = byDateRoundTrip(s);
          if (isCalendarDate(s) !== expected) expect(isCalendarDate(s), s).toBe(expected);
          if (expected) valid++;
        }
      }
    }
    // 801 years, 97 leap ones per 400: every real day counted once.
    expect(valid).toBe(801 * 365 + 195);
  });

  it('knows the leap rules and refuses what is not shaped like a date', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2018-13-45')).toBe(false);
    for (const s of ['', '2024-2-01', '2024-02-01T00:00:00Z', ' 2024-02-01', '2024/02/01', '20240201', '2024-0a-01']) expect(isCalendarDate(s), s).toBe(false);
  });
});
