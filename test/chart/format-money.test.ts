import { describe, expect, it } from 'vitest';
import { formatChange, formatMoney, formatPercent, formatValue } from '../../src/chart/format-money.js';

describe('formatMoney', () => {
  it('writes billions with one decimal', () => {
    expect(formatMoney(63_645_000_000, 'USD')).toBe('$63.6B');
    expect(formatMoney(280.2e9, 'CNY')).toBe('RMB 280.2B');
    expect(formatMoney(131_819_000_000, 'USD')).toBe('$131.8B');
  });
  it('picks trillions, millions and plain numbers by size', () => {
    expect(formatMoney(1.25e12, 'USD')).toBe('$1.3T');
    expect(formatMoney(512_300_000, 'USD')).toBe('$512.3M');
    expect(formatMoney(12_345, 'USD')).toBe('$12,345');
    expect(formatMoney(0, 'USD')).toBe('$0');
  });
  it('puts the sign before the currency and names unknown currencies by code', () => {
    expect(formatMoney(-5.2e9, 'USD')).toBe('-$5.2B');
    expect(formatMoney(5e9, 'eur')).toBe('EUR 5.0B');
  });
});

describe('formatPercent, formatValue, formatChange', () => {
  it('formats percent values that are already in percent', () => {
    expect(formatPercent(12.345)).toBe('12.3%');
    expect(formatValue(8, 'percent')).toBe('8.0%');
    expect(formatValue(2e9, 'USD')).toBe('$2.0B');
  });
  it('always shows the sign of a change', () => {
    expect(formatChange(48.82e9, 'USD')).toBe('+$48.8B');
    expect(formatChange(-1.2e9, 'CNY')).toBe('-RMB 1.2B');
    expect(formatChange(3.14, 'percent')).toBe('+3.1 pp');
  });
});
