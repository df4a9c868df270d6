// Real SEC responses (../shared/sec-real/, recorded from data.sec.gov) served on the loopback
// fixture server, synced, and compared with values this test derives on its own from the raw
// JSON. The derivation below is written out plainly and shares no code with the engine:
//
// - versions: for each period (start..end) and filing (accession), the first concept of the
//   metric's list that the filing uses; of a period's filings, the newest, unless it only
//   repeats an earlier figure in coarser units: the later filing's figures (outside the `dei`
//   cover page) all end in k zeros
//   (k at most the number's digits − 3), the earlier one does not, and they differ by less than
//   10^k (then the earlier, precise figure);
// - fiscal years: facts of about a year; FY N ends in calendar year N (52/53-week years ending
//   in the first days of February count as ending in January);
// - quarters: Q1 is the 3-month fact starting at the fiscal year's start; Qk is the 3-month
//   fact ending where the year-to-date figure k ends, else YTD(k) − YTD(k−1), where YTD(4) is
//   the fiscal year;
// - a quarter's calendar label is the calendar quarter holding most of its days (counted day
//   by day), and for Marvell it must equal SEC's own `frame` wherever SEC gave one;
// - a calendar year Y of these two companies is the fiscal year holding most of its days in Y,
//   whose four quarters are all labelled Y (checked).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SecFixtureServer } from './sec-fixture-server.js';
import { companiesOnlyStore, testClient } from './sync-test-kit.js';
import { forEachDialect } from '../helpers/dialects.js';
import type { Store } from '../../src/store/database.js';
import { addCompany } from '../../src/ingest/sec/add-company.js';
import { runSync } from '../../src/ingest/sec/sync-run.js';
import { getSeries } from '../../src/series/engine.js';
import type { SeriesPoint } from '../../src/model/series.js';
import { majorityQuarter, majorityYear } from '../helpers/calendar-quarter.js';

const realDir = resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/sec-real');

const COMPANIES = [
  { ticker: 'GOOGL', cik: 1652044 },
  { ticker: 'MRVL', cik: 1835632 },
] as const;

/** The concept map's lists for these metrics (docs/sync.md), in fallback order. */
const CONCEPTS: Record<string, string[]> = {
  capex: ['PaymentsToAcquirePropertyPlantAndEquipment', 'PaymentsToAcquireProductiveAssets'],
  revenue: ['RevenueFromContractWithCustomerExcludingAssessedTax', 'Revenues', 'SalesRevenueNet', 'RevenueFromContractWithCustomerIncludingAssessedTax'],
  operating_cash_flow: ['NetCashProvidedByUsedInOperatingActivities', 'NetCashProvidedByUsedInOperatingActivitiesContinuingOperations'],
};

interface RawFact {
  start: string;
  end: string;
  val: number;
  accn: string;
  filed: string;
  frame?: string;
}

const pad = (cik: number) => String(cik).padStart(10, '0');
const readReal = (path: string) => readFileSync(join(realDir, path), 'utf8');
const DAY = 86_400_000;
const days = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / DAY + 1;
const dayAfter = (d: string) => new Date(Date.parse(d) + DAY).toISOString().slice(0, 10);

function trailingZeros(n: number): number {
  let k = 0;
  while (n !== 0 && n % 10 ** (k + 1) === 0) k++;
  return k;
}

/** `later` is `earlier` written with fewer digits (rounded, or nudged by less than a unit); `zeros` = its filing's. */
function roundsOff(earlier: number, later: number, zeros: number): boolean {
  const digits = String(Math.abs(later)).length;
  const k = Math.min(zeros, trailingZeros(later), digits - 3);
  return k > 0 && trailingZeros(earlier) < k && Math.abs(earlier - later) < 10 ** k;
}

type CompanyFacts = { facts: Record<string, Record<string, { units: Record<string, RawFact[]> }>> };

/** accession → the fewest trailing zeros among all its USD figures in the document, cover page aside. */
function filingZeros(doc: CompanyFacts): Map<string, number> {
  const zeros = new Map<string, number>();
  for (const [name, taxonomy] of Object.entries(doc.facts)) {
    if (name === 'dei') continue;
    for (const concept of Object.values(taxonomy)) {
      for (const f of concept.units?.USD ?? []) {
        if (f.val === 0) continue;
        zeros.set(f.accn, Math.min(zeros.get(f.accn) ?? Infinity, trailingZeros(f.val)));
      }
    }
  }
  return zeros;
}

/** period "start|end" → the value that stands for it, by the rule above. */
function currentValues(doc: CompanyFacts, concepts: string[]): Map<string, RawFact> {
  const zeros = filingZeros(doc);
  const perFiling = new Map<string, RawFact>();
  for (const concept of concepts) {
    for (const f of doc.facts['us-gaap']?.[concept]?.units.USD ?? []) {
      if (!f.start) continue;
      const key = `${f.start}|${f.end}|${f.accn}`;
      if (!perFiling.has(key)) perFiling.set(key, f);
    }
  }
  const byPeriod = new Map<string, RawFact[]>();
  for (const f of perFiling.values()) {
    const key = `${f.start}|${f.end}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), f]);
  }
  const out = new Map<string, RawFact>();
  for (const [key, versions] of byPeriod) {
    versions.sort((a, b) => a.filed.localeCompare(b.filed) || a.accn.localeCompare(b.accn));
    let current = versions[0]!;
    for (const v of versions.slice(1)) if (!roundsOff(current.val, v.val, zeros.get(v.accn)!)) current = v;
    out.set(key, current);
  }
  return out;
}

interface Expected {
  label: string;
  start: string;
  end: string;
  value: number;
}

interface Derived {
  years: Expected[];
  quarters: (Expected & { fiscalYear: number })[];
  calendarYears: Expected[];
}

function derive(values: Map<string, RawFact>): Derived {
  const facts = [...values.values()];
  const annual = facts.filter((f) => days(f.start, f.end) > 350 && days(f.start, f.end) < 380);
  const years: Expected[] = [];
  const quarters: (Expected & { fiscalYear: number })[] = [];
  for (const fy of annual) {
    const endYear = Number(new Date(Date.parse(fy.end) - 7 * DAY).toISOString().slice(0, 4));
    years.push({ label: `FY${endYear}`, start: fy.start, end: fy.end, value: fy.val });
    // Year-to-date figures from the fiscal year's first day: Q1 (~91 days), H1 (~182), 9M (~273), FY.
    const ytd = [91, 182, 273].map((n) => facts.find((f) => f.start === fy.start && Math.abs(days(f.start, f.end) - n) <= 10));
    const chain = [...ytd, fy];
    for (let k = 0; k < 4; k++) {
      const thisYtd = chain[k];
      if (!thisYtd) continue;
      const start = k === 0 ? fy.start : chain[k - 1] ? dayAfter(chain[k - 1]!.end) : null;
      const stated = facts.find((f) => f.end === thisYtd.end && Math.abs(days(f.start, f.end) - 91) <= 10);
      let value: number | null = null;
      let qStart: string | null = start;
      if (stated) {
        value = stated.val;
        qStart = stated.start;
      } else if (k === 0) value = thisYtd.val;
      else if (chain[k - 1]) value = thisYtd.val - chain[k - 1]!.val;
      if (value === null || qStart === null) continue;
      quarters.push({ label: majorityQuarter(qStart, thisYtd.end), start: qStart, end: thisYtd.end, value, fiscalYear: endYear });
    }
  }
  const calendarYears = annual.map((fy) => ({ label: String(majorityYear(fy.start, fy.end)), start: fy.start, end: fy.end, value: fy.val }));
  return { years, quarters, calendarYears };
}

forEachDialect('real SEC responses for Alphabet and Marvell', ['shared-sec-real'], (dialect) => {
  let server: SecFixtureServer;
  let store: Store;
  const docs = new Map<string, ReturnType<typeof JSON.parse>>();

  beforeAll(async () => {
    server = await SecFixtureServer.start([]);
    server.setDocument(SecFixtureServer.tickersPath(), readReal('files/company_tickers.json'));
    for (const c of COMPANIES) {
      const facts = readReal(`api/xbrl/companyfacts/CIK${pad(c.cik)}.json`);
      docs.set(c.ticker, JSON.parse(facts));
      server.setDocument(SecFixtureServer.companyFactsPath(c.cik), facts);
      server.setDocument(SecFixtureServer.submissionsPath(c.cik), readReal(`submissions/CIK${pad(c.cik)}.json`));
    }
    store = await companiesOnlyStore(dialect);
    const { client } = testClient(server);
    const added = await addCompany(store, client, 'MRVL');
    expect(added.company.fiscalYearEndMonth).toBe(1);
    const summary = await runSync(store, { client, tickers: ['GOOGL', 'MRVL'] });
    expect(summary.failed).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await server?.close();
  });

  const series = async (ticker: string, metric: string, period: 'fy' | 'quarter' | 'cy') =>
    (await getSeries(store.db, { metric, tickers: [ticker], period, from: '2012', to: '2027' })).series[0]!.points;
  const byLabel = (points: SeriesPoint[]) => new Map(points.map((p) => [p.label, p]));

  for (const { ticker } of COMPANIES) {
    for (const metric of Object.keys(CONCEPTS)) {
      it(`${ticker} ${metric}: fiscal years, quarters and calendar years equal the independent derivation`, async () => {
        const expected = derive(currentValues(docs.get(ticker), CONCEPTS[metric]!));
        expect(expected.years.length).toBeGreaterThanOrEqual(5);
        expect(expected.quarters.length).toBeGreaterThanOrEqual(16);

        const fy = byLabel(await series(ticker, metric, 'fy'));
        for (const e of expected.years) {
          const p = fy.get(e.label);
          expect(p, `${ticker} ${metric} ${e.label}`).toBeDefined();
          expect([p!.value, p!.start, p!.end], `${ticker} ${metric} ${e.label}`).toEqual([e.value, e.start, e.end]);
        }

        const quarters = byLabel(await series(ticker, metric, 'quarter'));
        for (const e of expected.quarters) {
          const p = quarters.get(e.label);
          expect([p?.value, p?.start, p?.end], `${ticker} ${metric} ${e.label}`).toEqual([e.value, e.start, e.end]);
        }

        const cy = byLabel(await series(ticker, metric, 'cy'));
        for (const e of expected.calendarYears) {
          // The fiscal year's own quarters are all labelled with the calendar year it is counted in.
          const labels = new Set(expected.quarters.filter((q) => q.start >= e.start && q.end <= e.end).map((q) => q.label.slice(0, 4)));
          expect([...labels].every((y) => y === e.label), `${ticker} ${metric} ${e.label} quarters ${[...labels]}`).toBe(true);
          const p = cy.get(e.label);
          expect([p?.value, p?.start, p?.end], `${ticker} ${metric} calendar ${e.label}`).toEqual([e.value, e.start, e.end]);
        }
      });
    }
  }

  it("Marvell's quarters and years carry the calendar labels SEC's frames give them", async () => {
    const doc = docs.get('MRVL');
    const framed: RawFact[] = Object.values(CONCEPTS)
      .flat()
      .flatMap((c) => (doc.facts['us-gaap']?.[c]?.units.USD ?? []) as RawFact[])
      .filter((f) => f.start && f.frame && /^CY\d{4}(Q[1-4])?$/.test(f.frame));
    let checked = 0;
    for (const metric of Object.keys(CONCEPTS)) {
      const quarters = await series('MRVL', metric, 'quarter');
      const years = await series('MRVL', metric, 'cy');
      const concepts = CONCEPTS[metric]!;
      for (const f of framed.filter((x) => concepts.some((c) => (doc.facts['us-gaap']?.[c]?.units.USD ?? []).includes(x)))) {
        const quarter = /Q\d$/.test(f.frame!);
        const p = (quarter ? quarters : years).find((x) => x.start === f.start && x.end === f.end);
        if (!p) continue;
        const label = quarter ? `${f.frame!.slice(2, 6)}-${f.frame!.slice(6)}` : f.frame!.slice(2);
        expect(p.label, `${metric} ${f.start}..${f.end} framed ${f.frame}`).toBe(label);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
    // The calendar year names the fiscal quarters it is made of.
    const cy2024 = (await series('MRVL', 'capex', 'cy')).find((p) => p.label === '2024')!;
    expect(cy2024.fiscalPeriod).toBe('FY2025 Q1–Q4');
    expect([cy2024.start, cy2024.end]).toEqual(['2024-02-04', '2025-02-01']);
  });

  it('keeps the precise figure when a later filing repeats it rounded, and marks real restatements', async () => {
    // Marvell's FY2021 capex: 106,798,000 in the FY2022 10-K, 106,800,000 in the FY2023 10-K.
    const mrvl = (await series('MRVL', 'capex', 'fy')).find((p) => p.label === 'FY2021')!;
    const raw = (docs.get('MRVL').facts['us-gaap'].PaymentsToAcquirePropertyPlantAndEquipment.units.USD as RawFact[]).filter((f) => f.start === mrvl.start && f.end === mrvl.end);
    expect(raw.map((f) => f.val)).toEqual(expect.arrayContaining([106_798_000, 106_800_000]));
    expect(mrvl.value).toBe(106_798_000);
    expect(mrvl.restated).toBe(false);
    // Alphabet restated its 2015 capex (9,915 → 9,950 $M in its FY2016 10-K): the newer figure wins, marked restated.
    const googl = (await series('GOOGL', 'capex', 'fy')).find((p) => p.label === 'FY2015')!;
    expect(googl.value).toBe(9_950_000_000);
    expect(googl.restated).toBe(true);
    const first = (await getSeries(store.db, { metric: 'capex', tickers: ['GOOGL'], period: 'fy', from: '2015', to: '2015', asFirstReported: true })).series[0]!.points[0]!;
    expect(first.value).toBe(9_915_000_000);
    expect(first.sources[0]!.filed).toBe('2016-02-11');
  });
});
