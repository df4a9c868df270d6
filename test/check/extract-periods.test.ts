import { describe, expect, it } from 'vitest';
import { extractPeriods } from '../../src/check/extract-period.js';
import { findArticleDate, parseDateOption } from '../../src/check/article-date.js';
import { resolvePeriod } from '../../src/check/resolve-period.js';
import type { Company } from '../../src/model/company.js';

const periods = (s: string, date: string | null = null) => extractPeriods(s, 0, s.length, date);
const one = (s: string, date: string | null = null) => {
  const [p] = periods(s, date);
  return p ? { kind: p.kind, year: p.year, quarter: p.quarter, endYear: p.endYear, years: p.years } : null;
};

describe('extractPeriods', () => {
  it.each([
    ['in the December 2024 quarter', { kind: 'quarter', year: 2024, quarter: 4 }],
    ['for the quarter ended September 30, 2025', { kind: 'quarter', year: 2025, quarter: 3 }],
    ['in Q3 2025', { kind: 'quarter', year: 2025, quarter: 3 }],
    ['the third quarter of 2025', { kind: 'quarter', year: 2025, quarter: 3 }],
    ['fiscal Q2 2025', { kind: 'fiscal-quarter', year: 2025, quarter: 2 }],
    ['Q2 FY2025', { kind: 'fiscal-quarter', year: 2025, quarter: 2 }],
    ['in fiscal 2025', { kind: 'fy', year: 2025 }],
    ['FY2025', { kind: 'fy', year: 2025 }],
    ['FY25', { kind: 'fy', year: 2025 }],
    ['in calendar 2024', { kind: 'cy', year: 2024 }],
    ['in 2024', { kind: 'year', year: 2024 }],
    ['by 2025', { kind: 'year', year: 2025 }],
    ['from 2022 to 2025', { kind: 'range', year: 2022, endYear: 2025 }],
    ['over the next three years', { kind: 'span', years: 3 }],
  ])('reads %s', (text, expected) => {
    expect(one(text)).toMatchObject(expected);
  });

  it('resolves "this year" and "last year" against the article date, and says when it cannot', () => {
    expect(one('up 70% this year', '2025-02-24')).toMatchObject({ kind: 'year', year: 2025 });
    expect(one('last year', '2026-03-02')).toMatchObject({ year: 2025 });
    const [unresolved] = periods('up 70% this year');
    expect(unresolved!.year).toBeNull();
    expect(unresolved!.resolution).toMatch(/needs the article date/);
  });

  it('does not read an ISO date or a money figure as a year', () => {
    expect(periods('Published: 2025-02-24')).toEqual([]);
    expect(periods('spent $2025 million')).toEqual([]);
  });
});

describe('findArticleDate', () => {
  it('reads labelled dates, datelines and front matter', () => {
    expect(findArticleDate('# Title\n\nPublished: 2026-03-02\n\nText.')?.date).toBe('2026-03-02');
    expect(findArticleDate('# Title\n\n_Published: June 15, 2025_\n')?.date).toBe('2025-06-15');
    expect(findArticleDate('BEIJING, February 24, 2025 — Alibaba said')?.date).toBe('2025-02-24');
    expect(findArticleDate('---\ntitle: x\ndate: 2025-02-25\n---\nText')?.date).toBe('2025-02-25');
  });

  it('finds none in an opening without a date', () => {
    expect(findArticleDate('Who Leads the Cloud Race?\nSpending rose again in 2025...')).toBeNull();
  });

  it('validates --date', () => {
    expect(parseDateOption('2025-02-24')).toBe('2025-02-24');
    expect(() => parseDateOption('24/02/2025')).toThrow(/invalid date/);
    expect(() => parseDateOption('2025-02-30')).toThrow(/invalid date/);
  });
});

describe('resolvePeriod: fiscal and calendar years are never confused', () => {
  const company = (ticker: string, fye: number, kind: 'company' | 'group' = 'company'): Company => ({
    ticker, name: ticker, kind, cik: null, country: 'US', fiscalYearEndMonth: fye, currency: 'USD', colour: '#000', aliases: [], members: [],
  });
  const ref = (text: string) => periods(text)[0]!;

  it('checks Microsoft "fiscal 2023" as its fiscal year and a bare "2024" as the calendar year, showing the other too', () => {
    expect(resolvePeriod(ref('fiscal 2023'), [company('MSFT', 6)])).toMatchObject({ primary: { period: 'fy', from: '2023' }, alternates: [] });
    const bare = resolvePeriod(ref('in 2024'), [company('MSFT', 6)]);
    expect(bare.primary).toEqual({ period: 'cy', from: '2024', to: '2024' });
    expect(bare.alternates).toEqual([{ period: 'fy', from: '2024', to: '2024' }]);
  });

  it('reads a bare year as the fiscal year for December year-ends, and as an ambiguous fiscal year for Alibaba', () => {
    expect(resolvePeriod(ref('in 2024'), [company('AMZN', 12)]).primary).toEqual({ period: 'fy', from: '2024', to: '2024' });
    const baba = resolvePeriod(ref('in 2025'), [company('BABA', 3)]);
    expect(baba.primary).toEqual({ period: 'fy', from: '2025', to: '2025' });
    expect(baba.note).toMatch(/ambiguous/);
    expect(baba.alternates).toEqual([{ period: 'cy', from: '2025', to: '2025' }]);
  });

  it('maps a fiscal quarter to its calendar quarter', () => {
    // Microsoft's fiscal Q3 2025 is January–March 2025.
    expect(resolvePeriod(ref('fiscal Q3 2025'), [company('MSFT', 6)]).primary).toEqual({ period: 'quarter', from: '2025-Q1', to: '2025-Q1' });
  });
});
