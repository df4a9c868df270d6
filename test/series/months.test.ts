// utcMidnight reads plain ISO dates without Date.parse; it must agree with Date.parse everywhere.
import { expect, it } from 'vitest';
import { monthsBetween, utcMidnight } from '../../src/series/months.js';

it('agrees with Date.parse on plain ISO dates, rolled-over days, years before 100 and other shapes', () => {
  const dates: string[] = ['', 'x', '2024-1-01', '2024-01-01T00:00:00Z', '+002024-01-01', '2024-01-01 '];
  for (const y of [0, 50, 99, 100, 1999, 2024, 2100, 9999]) {
    for (let mo = 0; mo <= 13; mo++) for (let d = 0; d <= 32; d++) dates.push(`${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  for (const s of dates) expect(utcMidnight(s), s).toStrictEqual(Date.parse(`${s}T00:00:00Z`));
});

it('counts whole months of a duration', () => {
  expect(monthsBetween('2024-01-01', '2024-03-31')).toBe(3);
  expect(monthsBetween('2023-07-01', '2024-06-30')).toBe(12);
  expect(monthsBetween('2024-01-29', '2025-01-26')).toBe(12);
});
