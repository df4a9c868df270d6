import { describe, expect, it } from 'vitest';
import { extractPeriods } from '../../src/check/extract-period.js';
import { findArticleDate, parseDateOption } from '../../src/check/article-date.js';
import { resolvePeriod } from '../../src/check/resolve-period.js';
import { resolveMention } from '../../src/check/resolve-relative.js';
import type { Company } from '../../src/model/company.js';
import type { PeriodRef } from '../../src/check/claim.js';

const periods = (s: string) => extractPeriods(s, 0, s.length);
/** The first period in `s`, resolved against the article date and the reference period. */
const one = (s: string, date: string | null = null, reference: PeriodRef | null = null, company: Company | null = null) => {
  const [p] = periods(s);
  if (!p) return null;
  const r = resolveMention(p, { reference, articleDate: date, company, future: false });
  if ('error' in r) return { error: r.error };
  const ref = r.ref;
  return { kind: ref.kind, year: ref.year, quarter: ref.quarter, endYear: ref.endYear, years: ref.years, quarters: ref.quarters, how: r.how };
};
const ref = (kind: PeriodRef['kind'], year: number, quarter: number | null = null): PeriodRef => ({ kind, year, quarter, endYear: null, years: null, quarters: null, resolution: null, start: 0, end: 0, text: `${kind} ${year}` });
const msft = { ticker: 'MSFT', name: 'Microsoft', kind: 'company', fiscalYearEndMonth: 6, currency: 'USD' } as Company;

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
    ['in H1 2025', { kind: 'half', year: 2025, quarter: 1 }],
    ['the second half of 2024', { kind: 'half', year: 2024, quarter: 2 }],
    ['the first half of fiscal 2026', { kind: 'fiscal-half', year: 2026, quarter: 1 }],
    ['the six months to September 2025', { kind: 'window', year: 2025, quarter: 3, quarters: 2 }],
    ['the four quarters to September 2025', { kind: 'ttm', year: 2025, quarter: 3 }],
    ['its fiscal year ending June 2025', { kind: 'fy', year: 2025 }],
    ['the fiscal year to March 2026', { kind: 'fy', year: 2026 }],
    ['the first quarter of fiscal 2026', { kind: 'fiscal-quarter', year: 2026, quarter: 1 }],
    ['the first three months of 2026', { kind: 'quarter', year: 2026, quarter: 1 }],
    ['the final quarter of 2025', { kind: 'quarter', year: 2025, quarter: 4 }],
    ['the last three months of fiscal 2026', { kind: 'fiscal-quarter', year: 2026, quarter: 4 }],
    ['the nine months to December 2025', { kind: 'window', year: 2025, quarter: 4, quarters: 3 }],
    ['the first nine months of 2025', { kind: 'window', year: 2025, quarter: 3, quarters: 3 }],
    ['capex in 2Q26', { kind: 'quarter', year: 2026, quarter: 2 }],
    ['its fiscal 1Q27', { kind: 'fiscal-quarter', year: 2027, quarter: 1 }],
    ['F4Q25 results', { kind: 'fiscal-quarter', year: 2025, quarter: 4 }],
  ])('reads %s', (text, expected) => {
    expect(one(text)).toMatchObject(expected);
  });

  it('resolves "this year", "last year" and the last twelve months against the article date, and says when it cannot', () => {
    expect(one('up 70% this year', '2025-02-24')).toMatchObject({ kind: 'year', year: 2025, how: 'article-date' });
    expect(one('last year', '2026-03-02')).toMatchObject({ year: 2025 });
    // Q1 2026 ended six weeks before the article: reported.
    expect(one('over the last 12 months', '2026-05-12')).toMatchObject({ kind: 'ttm', year: 2026, quarter: 1 });
    expect(one('up 70% this year')).toMatchObject({ error: expect.stringMatching(/needs the article date/) });
  });

  it('places a quarter named without its year: near the period the text is about, else the latest reported', () => {
    expect(one('in the fourth quarter', '2026-02-06')).toMatchObject({ kind: 'quarter', year: 2025, quarter: 4, how: 'article-date' });
    // Three weeks after the quarter ended, it may be reported; ten days after, not yet.
    expect(one('in the third quarter', '2025-10-31')).toMatchObject({ year: 2025 });
    expect(one('in the third quarter', '2025-10-10')).toMatchObject({ year: 2024 });
    expect(one('than in the third quarter', '2026-02-06', ref('quarter', 2025, 4))).toMatchObject({ year: 2025, quarter: 3, how: 'carried' });
    expect(one("in its fiscal first quarter", '2025-10-31', null, msft)).toMatchObject({ kind: 'fiscal-quarter', year: 2026, quarter: 1 });
    expect(one('a year earlier', null, ref('fy', 2025))).toMatchObject({ kind: 'fy', year: 2024, how: 'carried' });
    expect(one('since 2022', '2026-03-10')).toMatchObject({ kind: 'range', year: 2022, endYear: 2025 });
  });

  it('keeps a month that says when something was said out of the periods', () => {
    expect(periods('Microsoft had said in January 2025 that it would spend about $80 billion in fiscal 2025').map((p) => p.text)).toEqual(['fiscal 2025']);
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
    expect(findArticleDate('SEATTLE, Feb. 6, 2026 (Newswire) — Amazon closed out 2025')?.date).toBe('2026-02-06');
    expect(findArticleDate('HANGZHOU, China, Nov. 25, 2025 /PRNewswire/ -- Alibaba Group')?.date).toBe('2025-11-25');
    expect(findArticleDate('MOUNTAIN VIEW, Calif., Nov. 5, 2025 — For the third time')?.date).toBe('2025-11-05');
    expect(findArticleDate('# Title\n\nBy a staff writer · Updated 3 Feb 2026\n\nText')?.date).toBe('2026-02-03');
    expect(findArticleDate('# Title\n\n_By the markets desk · February 2, 2026_\n')?.date).toBe('2026-02-02');
  });

  it('reads the date of a masthead, handle or note line above the body, the latest when a line has two', () => {
    expect(findArticleDate('# Quarterly wrap\n\n**Acme Research | Cloud desk | 3 March 2026**\n\nBody.')?.date).toBe('2026-03-03');
    expect(findArticleDate('**@someone** · Feb 12, 2026\n\n1/ A thread.')?.date).toBe('2026-02-12');
    expect(findArticleDate('**A Show — Episode 9**\n*Taped April 2, 2026. Edited for length.*\n\nHOST: Hello.')?.date).toBe('2026-04-02');
    expect(findArticleDate('# Headline\n\n*First out March 3, 2026. Revised March 9, 2026.*\n\nText.')?.date).toBe('2026-03-09');
    expect(findArticleDate('2026.04.07 | notes by K.\n\n# My view\n\nText.')?.date).toBe('2026-04-07');
    expect(findArticleDate('**The Letter** — No. 12 — Friday, 6 March 2026\n\nHello.')?.date).toBe('2026-03-06');
  });

  it('takes no date from a headline or line that states a figure, or from below the body’s start', () => {
    expect(findArticleDate('# Capex hit $40 billion on 3 March 2026\n\nText.')).toBeNull();
    const body = 'A long opening paragraph that runs on and on about spending on data centres and chips, and the cash it takes, and what investors said about it, at such length that it cannot be a byline or a masthead line at all, whatever follows it, and then it goes on a little more to be sure.';
    expect(findArticleDate(`# Title\n\n${body}\n\nOn 3 March 2026 nothing happened.`)).toBeNull();
    expect(findArticleDate('# Title\n\nMarch 2026\n\nText.')).toBeNull();
  });

  it('gives a dateline without a year the year the article names most, or the caller\'s, and says so', () => {
    const d = findArticleDate('SEATTLE, July 31 (Reuters) — Amazon said second-quarter 2025 sales rose; in 2025 it plans more.');
    expect(d).toMatchObject({ date: '2025-07-31', from: 'article' });
    expect(d!.words).toMatch(/inferred/);
    expect(findArticleDate('SEATTLE, July 31 (Reuters) — Amazon said.', '2024-09-01')?.date).toBe('2024-07-31');
  });

  it('returns where the date stands, so it is never read as a period of the first claim', () => {
    const text = 'BEIJING, Aug. 29, 2025 /PRNewswire/ — Revenue was RMB247.7 billion.';
    const d = findArticleDate(text)!;
    expect(text.slice(d.start!, d.end!)).toMatch(/^Aug\. 29, 2025 \/PRNewswire\/ —$/);
  });

  it('reads a dateline whose date stands in brackets after the place', () => {
    const text = 'PORTLAND (March 3, 2027) — Meta said its spending rose.';
    const d = findArticleDate(text)!;
    expect(d.date).toBe('2027-03-03');
    expect(text.slice(d.start!, d.end!)).toBe('March 3, 2027) —');
    expect(findArticleDate('SAN JOSE, Calif. (Oct. 2, 2026) - Shares fell.')?.date).toBe('2026-10-02');
    // A bracketed aside that is not a date is no dateline.
    expect(findArticleDate('NOTE (for editors) — no date here')).toBeNull();
  });

  it('reads an all-digit date day-first where the article names a day-first place, month-first elsewhere', () => {
    expect(findArticleDate('**A. Writer** · Analyst\nLondon · 05/08/2026\n\nBody text follows here.')!.date).toBe('2026-08-05');
    expect(findArticleDate('**A. Writer** · Analyst\nChicago · 05/08/2026\n\nBody text follows here.')!.date).toBe('2026-05-08');
    // Digits that only one order makes a date are read that way everywhere.
    expect(findArticleDate('Sydney · 05/28/2026\n\nBody text.')!.date).toBe('2026-05-28');
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
