// The example articles (examples/articles/*.md, written for airace with figures from data/facts.csv)
// hold the tricky cases: fiscal vs calendar years, yuan vs dollars, ranges, negations, rounding,
// plans vs results, and wrong numbers that must be caught with the right number beside them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import type { CheckReport } from '../../src/check/check-report.js';
import { checkArticle } from '../../src/check/check-article.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { claimWith, readExample } from './check-helpers.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
}, 60_000);
afterAll(() => store.close());

describe('fiscal-vs-calendar.md', () => {
  let r: CheckReport;
  beforeAll(async () => {
    r = await checkArticle(store.db, readExample('fiscal-vs-calendar.md'));
  }, 60_000);

  it('reads the article date from its “Published:” line', () => {
    expect(r.articleDate).toMatchObject({ date: '2026-03-02', from: 'article' });
  });

  it('checks Microsoft fiscal 2024 and calendar 2024 separately, both supported', () => {
    const fy = claimWith(r, '$44.5 billion on capital expenditures in fiscal 2024');
    expect(fy).toMatchObject({ verdict: 'supported', period: { label: 'fiscal 2024' } });
    expect(fy.actual).toMatchObject({ value: 44_477e6, start: '2023-07-01', end: '2024-06-30' });
    const cy = claimWith(r, 'calendar 2024 came to $55.6 billion');
    expect(cy).toMatchObject({ verdict: 'supported', period: { label: 'calendar 2024' } });
    expect(cy.actual).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    expect(cy.actual!.value).toBeCloseTo(55_552e6, -3);
  });

  it('never calls the fiscal figure false for a bare year: it matches one reading, and the other is shown', () => {
    const c = claimWith(r, "Microsoft's capex in 2024 was $44.5 billion");
    expect(c.verdict).toBe('supported');
    expect(c.actual!.value).toBe(44_477e6);
    expect(c.period!.note).toMatch(/ambiguous for Microsoft.*the figure matches fiscal 2024/);
    expect(c.alsoAgainst.find((e) => e.label.startsWith('calendar 2024'))).toMatchObject({ verdict: 'contradicted' });
    expect(c.alsoAgainst.find((e) => e.label.startsWith('calendar 2024'))!.actual!.value).toBeCloseTo(55_552e6, -3);
  });

  it('catches a change in the wrong direction, with the right figure shown', () => {
    const c = claimWith(r, 'fell by about 13%');
    expect(c.verdict).toBe('contradicted');
    expect(c.actual!.value).toBeCloseTo((28_107 / 23_886 - 1) * 100, 6);
    expect(c.claimed!.display).toBe('about -13%');
  });

  it('accepts rounding within the stated precision, and calls a 0.6% miss close', () => {
    expect(claimWith(r, 'about $83 billion').verdict).toBe('supported');
    expect(claimWith(r, '$52.5 billion in 2024').verdict).toBe('supported');
    const cloud = claimWith(r, 'Google Cloud revenue was $43.5 billion');
    expect(cloud).toMatchObject({ verdict: 'close', metric: 'cloud_revenue', actual: { value: 43_229e6 } });
  });

  it('inverts negations', () => {
    expect(claimWith(r, 'did not reach $70 billion')).toMatchObject({ verdict: 'supported', claimed: { display: 'below $70B' }, actual: { value: 69_691e6 } });
    expect(claimWith(r, 'did not exceed $50 billion')).toMatchObject({ verdict: 'contradicted', actual: { value: 59_248e6 } });
  });

  it('resolves "last year" against the article date, and checks a guided range against the guidance then in force', () => {
    expect(claimWith(r, 'Last year, Meta spent $69.7 billion')).toMatchObject({ verdict: 'supported', period: { label: 'fiscal 2025' } });
    const g = claimWith(r, '$91–93 billion');
    expect(g).toMatchObject({ verdict: 'supported', basis: 'guidance', actual: { value: 91_000e6, statedOn: '2025-10-29', display: '$91.00B–$93.00B' } });
    expect(g.alsoAgainst.find((e) => e.label.startsWith('actual capex since'))).toMatchObject({ verdict: 'supported', actual: { value: 91_447e6 } });
  });
});

describe('alibaba-yuan-and-dollars.md', () => {
  let r: CheckReport;
  beforeAll(async () => {
    r = await checkArticle(store.db, readExample('alibaba-yuan-and-dollars.md'));
  }, 60_000);

  it('supports the yuan figure and its conversion at the release’s rate', () => {
    expect(claimWith(r, '280.2 billion yuan (US$38.4 billion)', 'amount').verdict).toBe('supported');
    expect(claimWith(r, '280.2 billion yuan (US$38.4 billion)', 'conversion')).toMatchObject({ verdict: 'supported', actual: { fx: { rate: 7.2993 } } });
  });

  it('catches dollars written for yuan: contradicted, with the US$ figure and a note on the currency', () => {
    const c = claimWith(r, 'revenue of $280.2 billion');
    expect(c.verdict).toBe('contradicted');
    expect(c.actual!.value).toBeCloseTo(280_154e6 / 7.2993, 0);
    expect(c.notes.join(' ')).toMatch(/matches the CNY amount .*currency looks confused/);
  });

  it('computes growth in the stated quarter, and checks an amount and its growth in one clause', () => {
    expect(claimWith(r, "revenue rose 8% from a year earlier")).toMatchObject({ verdict: 'supported', period: { label: '2024-Q4' } });
    expect(claimWith(r, 'rose 13% to RMB 31.7 billion', 'change')).toMatchObject({ verdict: 'supported', metric: 'cloud_revenue' });
    expect(claimWith(r, 'rose 13% to RMB 31.7 billion', 'amount')).toMatchObject({ verdict: 'supported', actual: { value: 31_742e6 } });
  });

  it('reads a bare year for Alibaba as its fiscal year and says it is ambiguous', () => {
    const c = claimWith(r, 'revenue in 2025 was RMB 996.3 billion');
    expect(c).toMatchObject({ verdict: 'supported', period: { label: 'fiscal 2025' } });
    expect(c.period!.note).toMatch(/ambiguous for Alibaba/);
    expect(c.alsoAgainst[0]!.label).toMatch(/^calendar 2025/);
    expect(claimWith(r, 'net income for fiscal 2025 came to RMB 126 billion').verdict).toBe('supported');
  });

  it('checks the pledge in yuan, and a dollar range against the quoted equivalents', () => {
    expect(claimWith(r, 'more than RMB 380 billion')).toMatchObject({ verdict: 'supported', basis: 'commitment', actual: { value: 380_000e6 } });
    expect(claimWith(r, '$52–53 billion')).toMatchObject({ verdict: 'supported', claimed: { value: 52e9, high: 53e9, bound: 'range' } });
  });

  it('leaves the share price and the views of analysts and investors unchecked', () => {
    const stock = claimWith(r, 'more than 50% this year');
    expect(stock).toMatchObject({ verdict: 'not-checkable', reasonCode: 'price-data' });
    expect(stock.alsoAgainst[0]).toMatchObject({ verdict: 'supported', actual: { value: 56, end: '2025-03-31' } });
    expect(claimWith(r, 'a third of revenue')).toMatchObject({ verdict: 'not-checkable', reason: expect.stringMatching(/^forecast attributed to a person \(investors\)/) });
  });
});

describe('big-four-capex.md', () => {
  let r: CheckReport;
  beforeAll(async () => {
    r = await checkArticle(store.db, readExample('big-four-capex.md'));
  }, 60_000);

  it('checks the big four’s plan and their calendar 2025 spending', () => {
    expect(claimWith(r, 'more than $320 billion')).toMatchObject({ verdict: 'supported', basis: 'guidance', subject: { tickers: ['GROUP4'] } });
    const spent = claimWith(r, '$376.1 billion');
    expect(spent).toMatchObject({ verdict: 'supported', subject: { tickers: ['GROUP4'] }, actual: { value: 376_051e6 } });
    // The press's combined figure includes finance leases: shown, and flagged as a different number.
    expect(spent.alsoAgainst[0]).toMatchObject({ verdict: 'contradicted', actual: { value: 416_000e6 } });
  });

  it('catches the wrong Alphabet figure with the right one beside it', () => {
    const c = claimWith(r, 'Alphabet spent $81.5 billion');
    expect(c.verdict).toBe('contradicted');
    expect(c.actual).toMatchObject({ value: 91_447e6, display: '$91.447B' });
    expect(c.difference!.display).toBe('+$9.947B (+12.2%)');
  });

  it('supports the rest', () => {
    for (const words of ['$131.8 billion', 'jumped 87%', '$70–72 billion', '$128.7 billion']) expect(claimWith(r, words).verdict, words).toBe('supported');
  });

  it('draws both described charts', () => {
    expect(r.charts.map((c) => [c.type, c.request?.metric, c.request?.period, c.error])).toEqual([
      ['grouped', 'capex', 'cy', null],
      ['line', 'cloud_revenue', 'fy', null],
    ]);
  });
});
