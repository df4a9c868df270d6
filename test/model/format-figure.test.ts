import { describe, expect, it } from 'vitest';
import { columnScaleFor, formatBand, formatChange, formatMoney, formatPercent, formatSigned, formatValue, tickLabels } from '../../src/model/format-figure.js';

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

describe('one scale per column and per axis', () => {
  it('keeps a column of figures either side of a trillion in billions', () => {
    const column = [996.3e9, 1_012.4e9, 941.2e9];
    const scale = columnScaleFor(column);
    expect(column.map((v) => formatMoney(v, 'CNY', scale?.size))).toEqual(['RMB 996.3B', 'RMB 1,012.4B', 'RMB 941.2B']);
    expect(columnScaleFor([1.2e12, 2.5e12])?.suffix).toBe('T');
    expect(columnScaleFor([512e6, 1.5e9])?.suffix).toBe('B');
  });

  it('labels money ticks "$0", "$50B", "$1.8T" with no more decimals than the ticks need', () => {
    expect(tickLabels([0, 50e9, 100e9, 150e9], 'USD')).toEqual(['$0', '$50B', '$100B', '$150B']);
    expect(tickLabels([0, 0.5e12, 1e12, 1.5e12, 1.8e12], 'USD')).toEqual(['$0', '$0.5T', '$1.0T', '$1.5T', '$1.8T']);
    expect(tickLabels([0, 2.5e9, 5e9], 'CNY')).toEqual(['RMB 0', 'RMB 2.5B', 'RMB 5.0B']);
    expect(tickLabels([-20, 0, 20, 40], 'percent')).toEqual(['-20%', '0%', '20%', '40%']);
    expect(tickLabels([-5e9, 0, 5e9], 'USD')).toEqual(['-$5B', '$0', '$5B']);
  });

  it('writes percentage-point changes as pp everywhere', () => {
    expect(formatSigned(-0.42, 'percent')).toBe('-0.4 pp');
    expect(formatBand(0.5, 'pp', 1)).toBe('0.5 pp');
  });
});
