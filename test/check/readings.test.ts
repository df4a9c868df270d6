// The checker's readings that the held-out set showed missing, each on sentences written for this
// test (true figures from data/facts.csv, wrong ones wrong on purpose): markdown tables, quarter-on-
// quarter bases, trailing windows, a year-less quarter's two natural readings, "cash capex", a
// company's own free cash flow and outflows, elided possessives, conversions, pledge spans, and the
// hints a contradiction gives about the period the figure does match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import type { CheckedClaim } from '../../src/check/check-report.js';
import { checkArticle } from '../../src/check/check-article.js';
import { bundledStore } from '../helpers/bundled-store.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
}, 60_000);
afterAll(() => store.close());

const check = (text: string, date: string) => checkArticle(store.db, text, { date, charts: false });
/** The claim whose figure is written exactly `figure` (the first, or the `nth`). */
async function figure(text: string, date: string, words: string, nth = 0): Promise<CheckedClaim> {
  const r = await check(text, date);
  const found = r.claims.filter((c) => c.figure && text.slice(c.figure.start, c.figure.end) === words);
  expect(found.length, `a claim on “${words}”; claims: ${r.claims.map((c) => (c.figure ? text.slice(c.figure.start, c.figure.end) : c.text)).join(' | ')}`).toBeGreaterThan(nth);
  return found[nth]!;
}

describe('markdown tables', () => {
  const table = [
    'Cloud keeps growing.',
    '',
    '#### Cloud sales by year (US$ billions)',
    '',
    '| Business | 2024 | 2025 |',
    '|---|---|---|',
    '| Google Cloud (Alphabet) | 43.2 | 61.0 |',
    '| AWS (Amazon) | 107.6 | 128.7 |',
    '',
  ].join('\n');

  it('gives each cell its row’s company or segment, its column’s period and the caption’s unit', async () => {
    const c = await figure(table, '2026-03-01', '43.2');
    expect(c).toMatchObject({ verdict: 'supported', metric: 'cloud_revenue', subject: { tickers: ['GOOGL'] } });
    expect(c.actual).toMatchObject({ value: 43_229e6, start: '2024-01-01', end: '2024-12-31' });
    expect((await figure(table, '2026-03-01', '128.7')).verdict).toBe('supported');
  });

  it('contradicts a wrong cell: company, metric and period are all stated by the table', async () => {
    const c = await figure(table, '2026-03-01', '61.0');
    expect(c.verdict).toBe('contradicted');
    expect(c.actual!.value).toBe(58_705e6);
  });

  it('reads a table laid out the other way (companies as columns, years as rows)', async () => {
    const t = 'Capex ($bn)\n\n| Year | Amazon | Meta |\n|---|---|---|\n| 2024 | 83.0 | 37.3 |\n';
    const c = await figure(t, '2026-03-01', '83.0');
    expect(c).toMatchObject({ verdict: 'supported', metric: 'capex', subject: { tickers: ['AMZN'] } });
    expect((await figure(t, '2026-03-01', '37.3')).subject?.tickers).toEqual(['META']);
  });

  it('reads a segment’s row with another metric as the segment’s figure, never the company’s', async () => {
    const t = '### Operating income ($bn)\n\n| Business | 2024 |\n|---|---|\n| AWS (Amazon) | 39.8 |\n';
    const c = await figure(t, '2026-03-01', '39.8');
    expect(c).toMatchObject({ verdict: 'not-checkable', metric: 'segment_operating_income' });
  });

  it('reads a column of plans as guidance and a column of differences or estimates as neither', async () => {
    const t = '### Capex in 2025 ($bn)\n\n| Company | Plan (Feb 4) | Actual | Gap | Consensus |\n|---|---|---|---|---|\n| Alphabet | 75 | 91.4 | 16.4 | 80 |\n';
    const plan = await figure(t, '2026-03-01', '75');
    expect(plan).toMatchObject({ basis: 'guidance', verdict: 'supported' });
    expect((await figure(t, '2026-03-01', '91.4')).verdict).toBe('supported');
    expect((await figure(t, '2026-03-01', '16.4')).verdict).toBe('not-checkable');
    expect((await figure(t, '2026-03-01', '80')).verdict).toBe('not-checkable');
  });

  it('never contradicts a plan column that does not say when the plan was stated (the first plan or the last?)', async () => {
    const t = 'Capex ($bn)\n\n| Company | 2025 plan | 2025 actual |\n|---|---|---|\n| Alphabet | 85 | 91.4 |\n';
    const c = await figure(t, '2026-03-01', '85');
    expect(c.verdict).toBe('not-checkable');
    expect(c.reason).toMatch(/does not say when it was stated/);
  });

  it('takes the company and the unit from the corner cell when rows name metrics and columns periods', async () => {
    const t = '| Alibaba (RMB bn) | Jun 2025 quarter | Jun 2026 quarter |\n|---|---|---|\n| Capex | 38.7 | 67.7 |\n| Revenue | 247.7 | 262.0 |\n';
    expect(await figure(t, '2026-09-01', '67.7')).toMatchObject({ verdict: 'supported', metric: 'capex', subject: { tickers: ['BABA'] } });
    // RMB 268.953 billion: 262.0 is wrong, and every part of it is stated by the table.
    expect(await figure(t, '2026-09-01', '262.0')).toMatchObject({ verdict: 'contradicted', metric: 'revenue' });
  });

  it('places a column named without its year near the year the caption names', async () => {
    const t = '### Alphabet capex in 2025 ($bn)\n\n| | Q1 | Q2 |\n|---|---|---|\n| Alphabet | 17.2 | 22.4 |\n';
    const c = await figure(t, '2026-09-01', '22.4');
    expect(c.verdict).toBe('supported');
    expect(c.actual).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
  });

  it('never guesses the unit of bare numbers: a table that states none gives them no claim', async () => {
    const r = await check('Segment sales\n\n| Business | 2024 |\n|---|---|\n| Google Cloud | 43.2 |\n', '2026-03-01');
    expect(r.claims.filter((c) => c.text.includes('43.2'))).toEqual([]);
  });
});

describe('quarter-on-quarter and trailing windows', () => {
  it('measures a change from "the previous quarter" one quarter back, not a year', async () => {
    // 44,924 / 35,674 − 1 = 25.9%; a year-on-year reading (44,924 / 22,446 − 1 = 100%) would contradict it.
    const c = await figure('Alphabet put $44.9 billion into capital expenditures in the June quarter of 2026, up 26% from the previous quarter.', '2026-08-20', '26%');
    expect(c.verdict).toBe('supported');
    expect(c.actual!.value).toBeCloseTo(25.93, 1);
  });

  it('reads "up 75% on the June quarter of 2025" as a change from that quarter', async () => {
    // 67,678 / 38,676 − 1 = 75.0%
    const c = await figure("Alibaba's capital expenditure in the June 2026 quarter was RMB 67.7 billion, up 75% on the June quarter of 2025.", '2026-09-01', '75%');
    expect(c.verdict).toBe('supported');
  });

  it('reads "sequentially" as the same base', async () => {
    const c = await figure('Capital expenditures at Alphabet rose 26% sequentially in the second quarter of 2026.', '2026-08-20', '26%');
    expect(c.verdict).toBe('supported');
  });

  it('never falls back to year on year when the quarter a sequential change is measured in is not known', async () => {
    const c = await figure("Alphabet's capex rose 64% sequentially.", '2026-08-20', '64%');
    expect(c.verdict).toBe('not-checkable');
    expect(c.reason).toMatch(/quarter before/);
  });

  it('reads a "trailing" figure as the twelve months to the latest quarter reported', async () => {
    const c = await figure("Meta's trailing capex stands at $62.7 billion.", '2026-01-05', '$62.7 billion');
    expect(c.verdict).toBe('supported');
    expect(c.actual).toMatchObject({ start: '2024-10-01', end: '2025-09-30' });
    expect(c.period?.label).toBe('the twelve months to 2025-Q3');
  });
});

describe('above and below', () => {
  it('make a change against a period, and nothing else ("above estimates" is no growth rate)', async () => {
    expect((await figure("Alphabet's capex of $44.9 billion in the June 2026 quarter was 26% above the previous quarter's.", '2026-08-20', '26%')).verdict).toBe('supported');
    const c = await figure("Alphabet's capex of $44.9 billion in the June 2026 quarter was 26% above what analysts had pencilled in.", '2026-08-20', '26%');
    expect(c.verdict).toBe('not-checkable');
  });
});

describe('a quarter named without its year', () => {
  const text = (value: string) => `AWS sold $107.6 billion in 2024. Microsoft Cloud brought in ${value} in the September quarter.`;

  it('is right when it matches the latest reported quarter, though the text was just about an earlier year', async () => {
    const c = await figure(text('$49.1 billion'), '2026-01-05', '$49.1 billion');
    expect(c.verdict).toBe('supported');
    expect(c.actual).toMatchObject({ start: '2025-07-01', end: '2025-09-30' });
  });

  it('moves a base "a year before" with the reading of the year', async () => {
    // 39,820 (2025-Q3) / 29,610 (2024-Q3) − 1 = 34.5%; on the 2024 reading the base (2023-Q3) is not on record.
    const t = "Google Cloud sold $43.2 billion in 2024. Alibaba's cloud unit took in RMB 39.8 billion in the September quarter, 34% more than a year before.";
    expect((await figure(t, '2026-01-05', '34%')).verdict).toBe('supported');
  });

  it('is never contradicted on either reading: the year is a guess', async () => {
    const c = await figure(text('$41.0 billion'), '2026-01-05', '$41.0 billion');
    expect(c.verdict).toBe('not-checkable');
  });
});

describe('definitions of capex and free cash flow', () => {
  it('reads "cash capex" as capex without finance leases (not as a net-of-proceeds figure it cannot find)', async () => {
    expect((await figure("Microsoft's cash capex in the three months to June 2026 was $35.8 billion.", '2026-08-20', '$35.8 billion')).verdict).toBe('supported');
    // $145.3 billion is the figure including finance leases: as cash capex it is wrong.
    const c = await figure("Microsoft's cash capex for fiscal 2026 was $145.3 billion.", '2026-08-20', '$145.3 billion');
    expect(c.verdict).toBe('contradicted');
    expect(c.actual!.value).toBe(115_948e6);
  });

  it('accepts an unqualified free cash flow that is the company’s own reported figure, and says so', async () => {
    const c = await figure("Meta's free cash flow in the June 2026 quarter was $0.8 billion.", '2026-08-20', '$0.8 billion');
    expect(c.verdict).toBe('supported');
    expect(c.reason ?? '').toMatch(/as Meta defines and reports it/);
  });

  it('reads an outflow as a negative flow', async () => {
    expect((await figure("Alphabet's free cash flow in the June 2026 quarter was an outflow of $5.9 billion.", '2026-08-20', '$5.9 billion')).verdict).toBe('supported');
    expect((await figure("Alphabet's free cash flow in the June 2026 quarter was an outflow of $9.9 billion.", '2026-08-20', '$9.9 billion')).verdict).toBe('contradicted');
  });

  it('does not contradict a flow whose size matches an outflow when the words give no sign', async () => {
    const c = await figure("Alphabet's free cash flow in the June 2026 quarter came to $5.9 billion.", '2026-08-20', '$5.9 billion');
    expect(c.verdict).toBe('not-checkable');
    expect(c.reason).toMatch(/outflow/);
    expect((await figure("Alphabet had negative free cash flow of $5.9 billion in the June 2026 quarter.", '2026-08-20', '$5.9 billion')).verdict).toBe('supported');
  });

  it('gives a possessive whose noun is left out the metric the earlier possessive named, and later metric words to the later figure', async () => {
    const t = "In the June 2026 quarter Alphabet's free cash flow was an outflow of $5.9 billion, and Meta's fell to $0.8 billion while it spent about $30 billion on capex.";
    expect(await figure(t, '2026-08-20', '$0.8 billion')).toMatchObject({ metric: 'free_cash_flow', verdict: 'supported' });
    expect(await figure(t, '2026-08-20', '$30 billion')).toMatchObject({ metric: 'capex' });
  });
});

describe('conversions and pledges', () => {
  it('contradicts a conversion the company’s rate cannot produce from the article’s own yuan figure', async () => {
    const wrong = await figure("Alibaba's cloud unit booked RMB 39.8 billion in the quarter to September 2025 (about $4.6 billion).", '2025-12-01', '$4.6 billion');
    expect(wrong).toMatchObject({ kind: 'conversion', verdict: 'contradicted' });
    expect(wrong.reason).toMatch(/conversion is wrong/);
    const right = await figure("Alibaba's cloud unit booked RMB 39.8 billion in the quarter to September 2025 (about $5.6 billion).", '2025-12-01', '$5.6 billion');
    expect(right.verdict).not.toBe('contradicted');
  });

  it('contradicts a pledge whose amount is right but whose span is not', async () => {
    const c = await figure('Alibaba has reaffirmed its RMB 380 billion, five-year AI infrastructure programme.', '2026-06-01', 'RMB 380 billion');
    expect(c.verdict).toBe('contradicted');
    expect(c.reason).toMatch(/covers 3 years.*not 5/);
    expect((await figure('Alibaba plans to invest more than RMB 380 billion over the next three years in AI infrastructure.', '2026-06-01', 'RMB 380 billion')).verdict).toBe('supported');
  });
});

describe('what a contradiction points at', () => {
  it('says which period the figure matches and how it stands to the one checked', async () => {
    const c = await figure("Alphabet's capital expenditures in the June 2026 quarter were $35.7 billion.", '2026-08-20', '$35.7 billion');
    expect(c.verdict).toBe('contradicted');
    expect(c.notes.join(' ')).toMatch(/matches 2026-Q1 \(2026-01-01 to 2026-03-31, the quarter before\)/);
  });
});

describe('plans', () => {
  it('checks a calendar-year plan of a company whose fiscal year ends in June against the plan it stated for that calendar year', async () => {
    const c = await figure('Microsoft now sees calendar 2026 capex, finance leases included, at about $175 billion.', '2026-08-20', '$175 billion');
    expect(c).toMatchObject({ verdict: 'supported', basis: 'guidance' });
    expect(c.actual?.value).toBe(175_000e6);
  });

  it('reads a plan stated without a year as the year in progress, and never contradicts it on that reading', async () => {
    const right = await figure('Meta is guiding to $125 billion to $145 billion.', '2026-06-15', '$125 billion to $145 billion');
    expect(right).toMatchObject({ verdict: 'supported', basis: 'guidance' });
    expect(right.period?.note ?? '').toMatch(/year in progress/);
    const wrong = await figure('Meta is guiding to $150 billion to $170 billion.', '2026-06-15', '$150 billion to $170 billion');
    expect(wrong.verdict).toBe('not-checkable');
  });
});

describe('sections and wrapped lines', () => {
  it('gives a heading’s period to the list under it', async () => {
    const t = 'Capex was the story.\n\n**Capex (calendar 2024).**\n\n- Amazon: $83.0 billion\n- Meta: $37.3 billion\n- Alphabet: $52.5 billion\n';
    for (const [v, ticker] of [['$83.0 billion', 'AMZN'], ['$37.3 billion', 'META']] as const) {
      const c = await figure(t, '2026-03-01', v);
      expect(c).toMatchObject({ verdict: 'supported', subject: { tickers: [ticker] } });
      expect(c.actual).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    }
  });

  it('never contradicts on a heading’s period alone (a figure under it may be of another length)', async () => {
    const t = '## Calendar 2025\n\nCapex talk dominated the calls.\n\nAlphabet spent $44.9 billion on capex.\n';
    expect((await figure(t, '2026-09-01', '$44.9 billion')).verdict).toBe('not-checkable');
  });

  it('reads a fiscal quarter broken across lines ("the first\nquarter of its fiscal 2027") as that quarter', async () => {
    const c = await figure("Alibaba's capital expenditure in the first\nquarter of its fiscal 2027 was RMB 67.7 billion.", '2026-09-01', 'RMB 67.7 billion');
    expect(c.verdict).toBe('supported');
    expect(c.actual).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
  });
});
