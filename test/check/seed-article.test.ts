// The article airace grew from must get a sensible report. Reads the seed from the shared folder
// and skips when it is not there (a clone of the repository alone). Claims are found by what they
// are (kind, subject, figure), so the seed's wording stays out of the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import type { CheckReport, CheckedClaim } from '../../src/check/check-report.js';
import { checkArticle } from '../../src/check/check-article.js';
import { reportToJson } from '../../src/check/report-json.js';
import { reportToText } from '../../src/check/report-text.js';
import { reportToMarkdown } from '../../src/check/report-markdown.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { claimWhere, readSeed } from './check-helpers.js';
import { needs } from '../helpers/requirements.js';

const RELEASE = 'https://stocktitan.net/news/BABA/alibaba-group-announces-december-quarter-2024-btdtxwcotad4.html';

const revenue = (r: CheckReport) => claimWhere(r, 'Alibaba revenue in yuan', (c) => c.kind === 'amount' && c.metric === 'revenue' && c.claimed?.unit === 'CNY');
const growth = (r: CheckReport) => claimWhere(r, 'revenue growth', (c) => c.kind === 'change' && c.metric === 'revenue');
const conversion = (r: CheckReport) => claimWhere(r, 'the yuan-to-dollar conversion', (c) => c.kind === 'conversion');
const commitment = (r: CheckReport) => claimWhere(r, 'the commitment', (c) => c.basis === 'commitment');
const bigFour = (r: CheckReport) => claimWhere(r, 'the big four plan', (c) => c.subject?.tickers[0] === 'GROUP4');
const stock = (r: CheckReport) => claimWhere(r, 'the share price', (c) => c.metric === 'share_price');

describe('the seed article', needs('shared-seed'), () => {
  let store: Store;
  let text: string;
  let undated: CheckReport;
  let dated: CheckReport;
  beforeAll(async () => {
    store = await bundledStore();
    text = readSeed();
    undated = await checkArticle(store.db, text);
    // The seed states no date; it was written just after Alibaba's Feb 2025 results and pledge.
    dated = await checkArticle(store.db, text, { date: '2025-02-25' });
  }, 60_000);
  afterAll(() => store.close());

  it('checks Alibaba’s revenue against the December 2024 quarter: RMB 280.2 billion is supported', () => {
    for (const report of [undated, dated]) {
      const c = revenue(report);
      expect(c.claimed?.value).toBe(280.2e9);
      expect(c.verdict).toBe('supported');
      expect(c.subject).toMatchObject({ tickers: ['BABA'], carried: true });
      expect(c.period?.label).toBe('2024-Q4');
      expect(c.actual?.value).toBe(280_154e6);
      expect(c.sources.map((d) => d.url)).toContain(RELEASE);
      // Every source carries its document of record: form, accession, filing date, where it was read, how far it was checked.
      for (const d of c.sources) expect(Object.keys(d).sort()).toEqual(['accession', 'filed', 'form', 'readAt', 'url', 'verified']);
    }
    expect(revenue(undated).period?.note).toMatch(/matched by value/);
    expect(revenue(dated).period?.note).toMatch(/latest period reported before the article date/);
  });

  it('computes the 8% growth from the engine: 7.6%, supported', () => {
    const c = growth(undated);
    expect(c.claimed).toMatchObject({ value: 8, display: '+8%' });
    expect(c.verdict).toBe('supported');
    expect(c.actual?.value).toBeCloseTo((280_154 / 260_348 - 1) * 100, 6);
    expect(c.period?.label).toBe('2024-Q4');
    expect(c.alsoAgainst.some((e) => e.label.startsWith('growth as the company') && e.actual?.value === 8)).toBe(true);
  });

  it('finds the $38.6 billion conversion close: the release’s rate gives $38.4 billion, the article’s implies another rate', () => {
    const c = conversion(undated);
    expect(c.text).toMatch(/^280\.2 billion yuan \(\$38\.6 billion\)$/);
    expect(c.claimed?.value).toBe(38.6e9);
    expect(c.verdict).toBe('close');
    expect(c.actual?.fx?.rate).toBe(7.2993);
    expect(c.actual?.value).toBeCloseTo(280_154e6 / 7.2993, 0);
    expect(c.reason).toMatch(/imply RMB 7\.2591\/US\$.*RMB 7\.2993\/US\$/);
    expect(c.tolerance).toMatch(/FX rate/);
    const market = c.alsoAgainst.find((e) => e.actual?.value === 38_600e6);
    expect(market?.verdict).toBe('supported');
  });

  it('checks the $53 billion commitment against the commitment facts, with the RMB 380 billion converted', () => {
    const c = commitment(undated);
    expect(c.claimed?.value).toBe(53e9);
    expect(c.subject?.tickers).toEqual(['BABA']);
    expect(c.verdict).toBe('supported');
    expect(c.actual?.value).toBe(53_000e6);
    const converted = c.alsoAgainst.find((e) => e.actual?.fx);
    expect(converted?.actual?.fx).toMatchObject({ rate: 7.2993, date: '2024-12-31' });
    expect(converted?.actual?.value).toBeCloseTo(380_000e6 / 7.2993, 0);
    expect(converted?.verdict).toBe('close');
    expect(c.notes.join(' ')).toMatch(/36 months from 2025-02-24 \(the article: 3 years, consistent\)/);
  });

  it('checks "over $320 billion" against the guidance at the time and shows the actual spending since', () => {
    // Dated, the statement in force then; undated, the statement the figure matches (the first to say it).
    for (const report of [undated, dated]) {
      const c = bigFour(report);
      expect(c.claimed).toMatchObject({ value: 320e9, bound: 'lower' });
      expect(c.basis).toBe('guidance');
      expect(c.verdict).toBe('supported');
      expect(c.actual).toMatchObject({ value: 320_000e6, basis: 'guidance', statedOn: '2025-02-07' });
      // Read on its date, the year's spending was published later; undated, it is simply the spending since.
      const ours = c.alsoAgainst.find((e) => e.label.replace(/^published later: /, '').startsWith('actual capex since'));
      expect(ours?.label.startsWith('published later: ')).toBe(report === dated);
      expect(ours?.verdict).toBe('supported');
      expect(ours?.actual?.value).toBe(376_051e6);
      const reported = c.alsoAgainst.find((e) => e.label === 'actual combined capex as reported');
      expect(reported?.actual?.value).toBe(416_000e6);
    }
    expect(bigFour(dated).reason).toMatch(/in force on the article date \(2025-02-25\), reported on 2025-02-07/);
  });

  it('does not check the share price, but shows the reported gain before the article date', () => {
    const c = stock(dated);
    expect(c.claimed?.value).toBe(70);
    expect(c.verdict).toBe('not-checkable');
    expect(c.reasonCode).toBe('price-data');
    expect(c.reason).toMatch(/^price data not in airace/);
    expect(c.alsoAgainst).toHaveLength(1);
    expect(c.alsoAgainst[0]).toMatchObject({ verdict: 'supported', actual: { value: 70, end: '2025-02-21' } });
    // Undated, "this year" cannot be resolved: every reported gain is listed.
    expect(stock(undated).period?.note).toMatch(/needs the article date/);
    expect(stock(undated).alsoAgainst.length).toBeGreaterThan(1);
  });

  it('reports the opinions (80% of capabilities, half of GDP, the AGI prediction) as forecasts attributed to a person', () => {
    const forecasts = undated.claims.filter((c) => c.reasonCode === 'forecast-attributed');
    expect(forecasts.map((c: CheckedClaim) => [c.kind, c.claimed?.value ?? null, c.verdict])).toEqual([
      ['statement', null, 'not-checkable'],
      ['share', 80, 'not-checkable'],
      ['share', 50, 'not-checkable'],
    ]);
    for (const c of forecasts) expect(c.reason).toMatch(/^forecast attributed to a person/);
  });

  it('redraws the chart the article describes', () => {
    expect(undated.charts).toHaveLength(1);
    const chart = undated.charts[0]!;
    expect(text.slice(chart.start, chart.end)).toBe(chart.text);
    expect(chart.type).toBe('grouped');
    expect(chart.request).toEqual({ metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META'], period: 'cy', from: '2022', to: '2025' });
    expect(chart.alt).toMatch(/^Grouped column chart of capital expenditures in US dollars for Amazon, Microsoft, Alphabet and Meta, calendar years 2022–2025\./);
    expect(chart.spec).not.toBeNull();
  });

  it('has nothing else: nine claims, none contradicted, and every claim’s words stand in the article', () => {
    expect(undated.summary).toMatchObject({ claims: 9, supported: 4, close: 1, contradicted: 0, notCheckable: 4, charts: 1 });
    for (const c of undated.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('renders the same report as text, markdown and JSON, deterministically', async () => {
    const again = await checkArticle(store.db, text);
    expect(JSON.stringify(reportToJson(again))).toBe(JSON.stringify(reportToJson(undated)));
    const json = reportToJson(undated);
    expect(Object.keys(json.claims[0]!)).toEqual(expect.arrayContaining(['text', 'verdict', 'claimed', 'actual', 'sources', 'reason']));
    expect(json.charts[0]).not.toHaveProperty('spec');
    const conv = conversion(undated);
    expect(reportToText(undated)).toContain(`CLOSE (conversion) “${conv.text}”`);
    expect(reportToMarkdown(undated)).toContain(`| ≈ close | ${conv.text} |`);
  });
});
