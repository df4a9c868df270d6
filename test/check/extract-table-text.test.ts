// Plain-text tables (aligned with spaces or tabs, as pasted from a PDF, a working paper or a
// terminal): where they are found, how their cells are read, and that prose, bullet lists and a
// JSON code block are never taken for one. The figures are from data/facts.csv (`airace series -m
// capex -p cy`, `-p fy`, `-p quarter`, `-m capex_intensity -p cy`); wrong ones are wrong on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import type { CheckedClaim } from '../../src/check/check-report.js';
import { checkArticle } from '../../src/check/check-article.js';
import { findTables } from '../../src/check/extract-table.js';
import { bundledStore } from '../helpers/bundled-store.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
}, 60_000);
afterAll(() => store.close());

const DATE = '2026-09-01';
async function cells(text: string): Promise<Map<string, CheckedClaim[]>> {
  const r = await checkArticle(store.db, text, { date: DATE, charts: false });
  const out = new Map<string, CheckedClaim[]>();
  for (const c of r.claims) {
    if (!c.figure) continue;
    const words = text.slice(c.figure.start, c.figure.end);
    out.set(words, [...(out.get(words) ?? []), c]);
  }
  return out;
}
function one(found: Map<string, CheckedClaim[]>, words: string): CheckedClaim {
  const list = found.get(words);
  expect(list, `a claim on “${words}”; claims: ${[...found.keys()].join(' | ')}`).toBeDefined();
  expect(list!.length).toBe(1);
  return list![0]!;
}

const SPACED = [
  'Spending kept climbing in every year we look at.',
  '',
  'Table 1. Capital spending by firm, USD billions, calendar years, and growth in 2025 (per cent)',
  '',
  '    Company      CY2023   CY2024   CY2025   Growth 2025',
  '    Amazon         52.7     83.0    131.8          58.8',
  '    Alphabet       32.3     52.5     91.4          74.1',
  '    Meta           27.0     39.3     69.7           n/a',
  '    Total         112.0    172.8    293.0          69.5',
  '',
  '    Source: company filings; our sums.',
  '',
].join('\n');

describe('finding plain-text tables', () => {
  it('finds a space-aligned table under its caption, with its header, rows and unit', () => {
    const [t, ...rest] = findTables(SPACED);
    expect(rest).toHaveLength(0);
    expect(t!.caption?.text).toMatch(/^Table 1\. Capital spending/);
    expect(t!.header.cells.map((c) => c.text)).toEqual(['Company', 'CY2023', 'CY2024', 'CY2025', 'Growth 2025']);
    expect(t!.rows.map((r) => r.cells[0]!.text)).toEqual(['Amazon', 'Alphabet', 'Meta', 'Total']);
    expect(t!.rows[2]!.cells.map((c) => [c.text, c.column])).toEqual([['Meta', 0], ['27.0', 1], ['39.3', 2], ['69.7', 3], ['n/a', 4]]);
    expect(t!.unit).toMatchObject({ currency: 'USD', scale: 1e9 });
    // Offsets point into the text.
    const cell = t!.rows[0]!.cells[3]!;
    expect(SPACED.slice(cell.start, cell.end)).toBe('131.8');
  });

  it('finds a tab-separated table whose first header cell is empty', () => {
    const text = 'Capex intensity, per cent of revenue\n\t2023\t2024\t2025\nAmazon\t9.2\t13.0\t18.4\nMeta\t20.0\t—\t34.7\n';
    const [t] = findTables(text);
    expect(t!.header.cells.map((c) => [c.text, c.column])).toEqual([['', 0], ['2023', 1], ['2024', 2], ['2025', 3]]);
    expect(t!.rows[1]!.cells.map((c) => c.text)).toEqual(['Meta', '20.0', '—', '34.7']);
  });

  it('reads a tab-separated table indented by a tab as unindented', () => {
    const text = 'Capex, US$bn\n\tFirm\t2024\t2025\n\tMeta\t37.3\t69.7\n';
    const [t] = findTables(text);
    expect(t!.header.cells.map((c) => c.text)).toEqual(['Firm', '2024', '2025']);
    expect(t!.rows[0]!.cells.map((c) => [c.text, c.column])).toEqual([['Meta', 0], ['37.3', 1], ['69.7', 2]]);
  });

  it('places a header without a corner cell by where its columns stand', () => {
    const text = 'Capex, US$bn\n\n                FY2025    FY2026\n    Microsoft     64.6     115.9\n';
    const [t] = findTables(text);
    expect(t!.header.cells.find((c) => c.text === 'FY2026')!.column).toBe(2);
    expect(t!.rows[0]!.cells.map((c) => [c.text, c.column])).toEqual([['Microsoft', 0], ['64.6', 1], ['115.9', 2]]);
  });

  it('finds them in time growing with the text, not its square (rows without a header, many tables)', () => {
    // A ratio of times within one run, not a wall-clock limit: 8x the text may take about 8x the time, never 64x.
    // The median of five runs: a lucky or unlucky run (GC, other work on the machine) moves neither size much.
    const typical = (text: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        findTables(text);
        runs.push(performance.now() - t0);
      }
      return runs.sort((a, b) => a - b)[2]!;
    };
    for (const unit of ['Amazon  52.7  83.0\n', 'Firm  CY24  Jun-26 qtr\nMeta  1.0  2%\n\n', 'Firm    Capex    Intensity\n']) {
      const at = (n: number) => unit.repeat(Math.ceil(n / unit.length));
      typical(at(16_000));
      const small = typical(at(64_000));
      const large = typical(at(512_000));
      expect(large / small, `${unit}: ${small.toFixed(1)} ms, then ${large.toFixed(1)} ms`).toBeLessThan(32);
    }
  }, 60_000);

  it('never takes prose, a bullet list or a JSON code block for a table', () => {
    const prose = 'Amazon spent $131.8 billion in 2025.  Meta spent $69.7 billion.  Both  rose  a lot.\nAlphabet  spent more  than planned.\n';
    const bullets = '- Amazon     52.7     83.0\n- Meta       27.0     37.3\n* Alphabet   32.3     52.5\n1. Microsoft  35.2   55.6\n';
    const json = '```json\n{\n  "company":   "Amazon",\n  "capex":     [52.7, 83.0],\n  "year":      2024\n}\n```\n\n    {\n      "capex":  131.8,\n      "unit":   "bn"\n    }\n';
    for (const text of [prose, bullets, json]) expect(findTables(text), text).toEqual([]);
  });
});

describe('reading plain-text tables', () => {
  it('checks each cell by its row’s company, its column’s period and the caption’s unit', async () => {
    const found = await cells(SPACED);
    const amazon2023 = one(found, '52.7');
    expect(amazon2023).toMatchObject({ verdict: 'supported', metric: 'capex', subject: { tickers: ['AMZN'] } });
    expect(amazon2023.actual).toMatchObject({ start: '2023-01-01', end: '2023-12-31' });
    expect(one(found, '91.4').verdict).toBe('supported');
    // Meta's 2024 is written 39.3; the record is 37.3.
    const wrong = one(found, '39.3');
    expect(wrong.verdict).toBe('contradicted');
    expect(wrong.actual!.value).toBeCloseTo(37_256e6, -6);
  });

  it('reads a "Total" row as the sum of the rows above it', async () => {
    const found = await cells(SPACED);
    const total = one(found, '172.8');
    expect(total.subject?.tickers.slice().sort()).toEqual(['AMZN', 'GOOGL', 'META']);
    expect(total.verdict).toBe('supported');
    expect(one(found, '293.0').verdict).toBe('supported');
  });

  it('reads a growth column in per cent as a change on the year before, and makes no claim of "n/a"', async () => {
    const found = await cells(SPACED);
    const growth = one(found, '58.8');
    expect(growth).toMatchObject({ kind: 'change', verdict: 'supported', subject: { tickers: ['AMZN'] } });
    expect(one(found, '74.1').verdict).toBe('supported');
    expect(found.has('n/a')).toBe(false);
  });

  it('reads a YoY column of bare numbers as per cents even in a table of money, of the period column before it (a guess)', async () => {
    const text = 'Capex, US$ billions\n\n    Firm        2025     YoY\n    Alphabet    91.4    74.1\n    Meta        69.7    97.1\n';
    const found = await cells(text);
    expect(one(found, '74.1')).toMatchObject({ kind: 'change', verdict: 'supported' });
    // Meta's 2025 growth was 87.1%: the column does not say its period, so the mismatch is not a contradiction.
    const wrong = one(found, '97.1');
    expect(wrong.verdict).toBe('not-checkable');
    expect(wrong.reason).toMatch(/names no period/);
  });

  it('reads bare numbers in a table of shares of revenue as capex intensity', async () => {
    const text = 'Capex intensity, per cent of revenue\n\t2023\t2024\t2025\nAmazon\t9.2\t13.0\t18.4\nMeta\t20.0\t—\t36.7\n';
    const found = await cells(text);
    const c = one(found, '18.4');
    expect(c).toMatchObject({ kind: 'share', metric: 'capex_intensity', verdict: 'supported', subject: { tickers: ['AMZN'] } });
    expect(one(found, '20.0').verdict).toBe('supported');
    expect(one(found, '36.7').verdict).toBe('contradicted');
    expect(found.has('—')).toBe(false);
  });

  it('takes a column’s metric from the caption word it repeats, and its unit from the header', async () => {
    const text = [
      'Table 3. Capital expenditure (USD billions) and capex intensity in 2025',
      '',
      '    Firm        Capex    Intensity (%)',
      '    Amazon      131.8         18.4',
      '    Alphabet     91.4         22.7',
      '',
    ].join('\n');
    const found = await cells(text);
    expect(one(found, '131.8')).toMatchObject({ metric: 'capex', verdict: 'supported' });
    expect(one(found, '22.7')).toMatchObject({ metric: 'capex_intensity', verdict: 'supported', subject: { tickers: ['GOOGL'] } });
  });

  it('reads fiscal-year columns for the company’s own fiscal year, and the unit in the corner cell', async () => {
    const text = 'Microsoft and Alibaba\n\n    Capex ($bn)     FY2024    FY2025    FY2026\n    Microsoft         44.5      64.6     115.9\n';
    const found = await cells(text);
    const c = one(found, '115.9');
    expect(c).toMatchObject({ verdict: 'supported', metric: 'capex', subject: { tickers: ['MSFT'] } });
    expect(c.actual).toMatchObject({ start: '2025-07-01', end: '2026-06-30' });
  });

  it('reads quarter columns written the analysts’ ways: 2Q25, Q3 2025, Dec-25 qtr, Jun-26 qtr', async () => {
    const text = 'Quarterly capex, US$bn\n\n    Firm      2Q25    Q3 2025    Dec-25 qtr    Jun-26 qtr\n    Amazon    32.2       35.1          39.5          54.2\n    Meta      16.5       18.8          21.4          33.1\n';
    const found = await cells(text);
    expect(one(found, '32.2').actual).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    expect(one(found, '35.1').verdict).toBe('supported');
    const dec = one(found, '39.5');
    expect(dec.verdict).toBe('supported');
    expect(dec.actual).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
    expect(one(found, '54.2').verdict).toBe('supported');
    expect(one(found, '33.1').verdict).toBe('contradicted');
  });

  it('takes a bare number’s unit from its column’s header when the caption gives none', async () => {
    const text = 'Spending and sales in 2025\n\n    Firm      Capex (US$bn)    Revenue (US$bn)\n    Amazon        131.8            716.9\n';
    const found = await cells(text);
    expect(one(found, '131.8')).toMatchObject({ metric: 'capex', verdict: 'supported' });
    expect(one(found, '716.9')).toMatchObject({ metric: 'revenue', verdict: 'supported' });
  });

  it('reads a table laid out the other way: years as rows, companies as columns', async () => {
    const text = 'Capex, US$ billions\n\n    Year     Amazon    Meta\n    2024       83.0    37.3\n    2025      131.8    72.7\n';
    const found = await cells(text);
    expect(one(found, '83.0')).toMatchObject({ verdict: 'supported', subject: { tickers: ['AMZN'] } });
    expect(one(found, '37.3')).toMatchObject({ verdict: 'supported', subject: { tickers: ['META'] } });
    expect(one(found, '72.7').verdict).toBe('contradicted');
  });

  it('reads a table of metrics by row: the company in the corner, each row’s unit in its label (RMB mn, %)', async () => {
    const text = 'Fiscal years to March\n\n    Alibaba (RMB mn)        FY2025      FY2026\n    Capex                   85,972     126,063\n    Capex / revenue (%)        8.6        12.9\n';
    const found = await cells(text);
    const capex = one(found, '126,063');
    expect(capex).toMatchObject({ metric: 'capex', verdict: 'supported', subject: { tickers: ['BABA'] } });
    expect(capex.actual).toMatchObject({ start: '2025-04-01', end: '2026-03-31' });
    expect(one(found, '8.6')).toMatchObject({ kind: 'share', metric: 'capex_intensity', verdict: 'supported' });
    expect(one(found, '12.9').verdict).toBe('contradicted');
  });

  it('reads a range in a plan column dated by its header as guidance', async () => {
    const text = 'Capex plans, US$bn\n\n    Firm        2025 guide (Oct 29)\n    Alphabet          91–93\n';
    const found = await cells(text);
    expect(one(found, '91–93')).toMatchObject({ verdict: 'supported', subject: { tickers: ['GOOGL'] } });
  });

  it('reads a group’s row ("Big four") as the group', async () => {
    const text = 'Capex, US$ billions\n\n    Who          2024     2025\n    Big four    228.3    376.1\n';
    const found = await cells(text);
    const c = one(found, '376.1');
    expect(c).toMatchObject({ subject: { tickers: ['GROUP4'] }, verdict: 'supported' });
  });

  it('still reads the numbers of prose next to a table as prose', async () => {
    const found = await cells(`${SPACED}\nAmazon spent $131.8 billion in 2025.\n`);
    expect(found.get('$131.8 billion')?.[0]?.verdict).toBe('supported');
  });
});
