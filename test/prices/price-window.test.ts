// Price arithmetic on known closes: weekends and holidays fall back to the session before, each
// window compares the closes it says it does, and the largest moves are the largest.
import { describe, expect, it } from 'vitest';
import { closeOnOrBefore, dailyMoves, largestMoves, priceChange, rebase, windowDates } from '../../src/series/price-window.js';

// Thu 2024-12-26 .. Mon 2025-01-06; no session on the weekend or on 2025-01-01.
const closes = [
  { date: '2024-12-26', close: 90 },
  { date: '2024-12-27', close: 95 },
  { date: '2024-12-30', close: 98 },
  { date: '2024-12-31', close: 100 },
  { date: '2025-01-02', close: 110 },
  { date: '2025-01-03', close: 121 },
  { date: '2025-01-06', close: 96.8 },
];

describe('closeOnOrBefore', () => {
  it('gives the day itself on a trading day and the session before on a weekend or holiday', () => {
    expect(closeOnOrBefore(closes, '2025-01-03')).toEqual({ asked: '2025-01-03', date: '2025-01-03', close: 121 });
    expect(closeOnOrBefore(closes, '2025-01-05')).toEqual({ asked: '2025-01-05', date: '2025-01-03', close: 121 });
    expect(closeOnOrBefore(closes, '2025-01-01')).toEqual({ asked: '2025-01-01', date: '2024-12-31', close: 100 });
    expect(closeOnOrBefore(closes, '2024-12-25')).toBeNull();
    expect(closeOnOrBefore(closes, '2030-01-01')?.date).toBe('2025-01-06');
  });
});

describe('priceChange', () => {
  it('year to date: from the last close of the previous year', () => {
    const c = priceChange(closes, { kind: 'ytd', asOf: '2025-01-04' });
    expect(c.value).toBeCloseTo(21, 10);
    expect(c).toMatchObject({ base: { date: '2024-12-31', close: 100 }, end: { asked: '2025-01-04', date: '2025-01-03', close: 121 } });
  });

  it('on the day: the session against the one before it, even across a holiday', () => {
    expect(priceChange(closes, { kind: 'day', asOf: '2025-01-02' })).toMatchObject({ value: expect.closeTo(10, 10), base: { date: '2024-12-31' } });
    expect(priceChange(closes, { kind: 'day', asOf: '2025-01-06' }).value).toBeCloseTo(-20, 10);
    // A Saturday means Friday's session.
    expect(priceChange(closes, { kind: 'day', asOf: '2025-01-04' })).toMatchObject({ value: expect.closeTo(10, 10), end: { date: '2025-01-03' } });
  });

  it('N calendar days, and between two dates (the start on a weekend falls back too)', () => {
    expect(windowDates({ kind: 'days', days: 7, asOf: '2025-01-03' })).toEqual({ base: '2024-12-27', end: '2025-01-03' });
    expect(priceChange(closes, { kind: 'days', days: 7, asOf: '2025-01-03' }).value).toBeCloseTo((121 / 95 - 1) * 100, 10);
    expect(priceChange(closes, { kind: 'between', from: '2024-12-29', to: '2025-01-06' })).toMatchObject({ value: expect.closeTo((96.8 / 95 - 1) * 100, 10), base: { date: '2024-12-27' } });
  });

  it('says why when it cannot compute', () => {
    expect(priceChange([], { kind: 'ytd', asOf: '2025-01-03' })).toMatchObject({ value: null, reason: 'no-price-data' });
    expect(priceChange(closes, { kind: 'ytd', asOf: '2024-12-27' })).toMatchObject({ value: null, reason: 'no-base', detail: expect.stringContaining('no close on or before 2023-12-31') });
    expect(priceChange(closes, { kind: 'day', asOf: '2024-12-26' })).toMatchObject({ value: null, reason: 'no-base' });
    expect(priceChange(closes, { kind: 'between', from: '2024-12-01', to: '2024-12-20' })).toMatchObject({ value: null, reason: 'no-end' });
  });
});

describe('daily and largest moves', () => {
  it('computes close-to-close moves and keeps the largest per year, up or down', () => {
    const moves = dailyMoves(closes);
    expect(moves).toHaveLength(closes.length - 1);
    expect(moves.find((m) => m.date === '2025-01-02')).toMatchObject({ previousDate: '2024-12-31', change: expect.closeTo(10, 10) });
    const top = largestMoves(closes, { top: 2, minChange: 2 });
    // 2025 first (newest year), largest first: -20% then +10% (ties keep the earlier day).
    expect(top.map((m) => [m.date, Math.round(m.change)])).toEqual([
      ['2025-01-06', -20],
      ['2025-01-02', 10],
      ['2024-12-27', 6],
      ['2024-12-30', 3],
    ]);
    expect(largestMoves(closes, { top: 3, minChange: 15 }).map((m) => m.date)).toEqual(['2025-01-06']);
  });
});

describe('rebase', () => {
  it('indexes to 100 at the close on or before the start', () => {
    const r = rebase(closes, '2025-01-01')!;
    expect(r.base).toEqual({ asked: '2025-01-01', date: '2024-12-31', close: 100 });
    expect(r.points.map((p) => [p.date, Number(p.index.toFixed(6))])).toEqual([
      ['2024-12-31', 100],
      ['2025-01-02', 110],
      ['2025-01-03', 121],
      ['2025-01-06', 96.8],
    ]);
    // A start before the first close takes the first close as 100; after the last, nothing.
    expect(rebase(closes, '2020-01-01')!.base.date).toBe('2024-12-26');
    expect(rebase(closes, '2026-01-01')).toBeNull();
  });
});
