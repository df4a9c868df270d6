// Fiscal calendars beyond the real responses: SYNTHETIC filers whose years end on 31 May, on the
// Sunday nearest 31 August (52/53 weeks), on the last Saturday of September (52/53 weeks) and on
// the last Sunday of January (52/53 weeks), served by the fixture SEC server and synced. The
// engine's quarters, fiscal years and calendar years must equal the generated truth, each
// quarter labelled with the calendar quarter holding most of its days, and a calendar year the
// sum of the four quarters so labelled, naming the fiscal quarters it is made of.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecFixtureServer } from './sec-fixture-server.js';
import { companiesOnlyStore, testClient } from './sync-test-kit.js';
import { calendarCompany, conceptChangeCompany, lastWeekdayOf, monthEnd, weekdayNearestMonthEnd, type CalendarSpec, type CalendarTruth, type TruthPeriod } from './fixtures/synthetic-calendars.js';
import { majorityQuarter } from '../helpers/calendar-quarter.js';
import { forEachDialect } from '../helpers/dialects.js';
import type { Store } from '../../src/store/database.js';
import { addCompany } from '../../src/ingest/sec/add-company.js';
import { runSync } from '../../src/ingest/sec/sync-run.js';
import { getSeries } from '../../src/series/engine.js';
import type { SeriesPoint } from '../../src/model/series.js';

const SUNDAY = 0;
const SATURDAY = 6;
const SPECS: (CalendarSpec & { what: string; fye: number })[] = [
  { what: 'May 31 year-end', ticker: 'SYNMAY', cik: 9_000_101, yearEnd: monthEnd(5), weeks: false, firstYear: 2021, lastYear: 2025, seed: 11, fye: 5 },
  { what: 'Sunday nearest 31 August (52/53 weeks)', ticker: 'SYNAUG', cik: 9_000_102, yearEnd: weekdayNearestMonthEnd(SUNDAY, 8), weeks: true, firstYear: 2021, lastYear: 2025, seed: 12, fye: 8 },
  { what: 'last Saturday of September (52/53 weeks)', ticker: 'SYNSEP', cik: 9_000_103, yearEnd: lastWeekdayOf(SATURDAY, 9), weeks: true, firstYear: 2021, lastYear: 2025, seed: 13, fye: 9 },
  { what: 'last Sunday of January (52/53 weeks)', ticker: 'SYNJAN', cik: 9_000_104, yearEnd: lastWeekdayOf(SUNDAY, 1), weeks: true, firstYear: 2021, lastYear: 2025, seed: 14, fye: 1 },
];

const generated = SPECS.map((spec) => ({ spec, ...calendarCompany(spec) }));
const conceptChange = conceptChangeCompany();
/** SYNMAY without its FY2021 Q3 10-Q: FY2020 Q3 is then not filed, FY2020 Q4 not derivable (FY filed, 9M missing). */
const gap = calendarCompany({ ...SPECS[0]!, ticker: 'SYNGAP', cik: 9_000_105 });
gap.company.filings = gap.company.filings.filter((f) => !(f.fy === 2021 && f.fp === 'Q3'));

/** `FY2025 Q1–Q4`, `FY2024 Q3–FY2025 Q2`: the fiscal quarters behind a calendar year, written out. */
function fiscalSpan(parts: TruthPeriod[]): string {
  const [a, b] = [parts[0]!, parts[parts.length - 1]!];
  return a.fiscalYear === b.fiscalYear ? `FY${a.fiscalYear} Q${a.fiscalQuarter}–Q${b.fiscalQuarter}` : `FY${a.fiscalYear} Q${a.fiscalQuarter}–FY${b.fiscalYear} Q${b.fiscalQuarter}`;
}

/** Calendar years whose four labelled quarters were all generated: label → the quarters. */
function calendarYears(truth: CalendarTruth['quarters']['capex']): Map<string, TruthPeriod[]> {
  const out = new Map<string, TruthPeriod[]>();
  for (const q of truth) {
    const y = majorityQuarter(q.start, q.end).slice(0, 4);
    out.set(y, [...(out.get(y) ?? []), q]);
  }
  for (const [y, qs] of out) if (qs.length !== 4) out.delete(y);
  return out;
}

forEachDialect('fiscal calendars (SYNTHETIC filers)', (dialect) => {
  let server: SecFixtureServer;
  let store: Store;

  beforeAll(async () => {
    server = await SecFixtureServer.start([...generated.map((g) => g.company), conceptChange.company, gap.company]);
    store = await companiesOnlyStore(dialect);
    const { client } = testClient(server);
    const tickers = [...generated.map((g) => g.spec.ticker), conceptChange.company.ticker, gap.company.ticker];
    for (const t of tickers) await addCompany(store, client, t);
    const summary = await runSync(store, { client, tickers });
    expect(summary.failed).toEqual([]);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await server?.close();
  });

  const points = async (ticker: string, metric: string, period: 'fy' | 'quarter' | 'cy', extra: { asFirstReported?: boolean } = {}) =>
    (await getSeries(store.db, { metric, tickers: [ticker], period, from: '2014', to: '2027', ...extra })).series[0]!.points;
  const at = (ps: SeriesPoint[], label: string) => ps.find((p) => p.label === label);

  for (const { spec, truth } of generated) {
    describe(spec.what, () => {
      it('add reads the fiscal year end month from submissions', async () => {
        const c = await store.db.selectFrom('companies').select('fiscal_year_end_month').where('ticker', '=', spec.ticker).executeTakeFirstOrThrow();
        expect(Number(c.fiscal_year_end_month)).toBe(spec.fye);
      });

      for (const metric of ['capex', 'revenue'] as const) {
        it(`${metric}: quarters (derived from year-to-date where needed) carry true dates and calendar labels`, async () => {
          const qs = await points(spec.ticker, metric, 'quarter');
          expect(truth.quarters[metric].length).toBeGreaterThanOrEqual(20);
          for (const t of truth.quarters[metric]) {
            const label = majorityQuarter(t.start, t.end);
            const p = at(qs, label);
            expect([p?.value, p?.start, p?.end, p?.fiscalPeriod], `${spec.ticker} ${metric} ${label}`).toEqual([t.value, t.start, t.end, spec.fye === 12 ? null : `FY${t.fiscalYear} Q${t.fiscalQuarter}`]);
          }
        });

        it(`${metric}: fiscal years are the filed periods`, async () => {
          const ys = await points(spec.ticker, metric, 'fy');
          for (const t of truth.years[metric]) {
            const p = at(ys, `FY${t.fiscalYear}`);
            expect([p?.value, p?.start, p?.end], `${spec.ticker} ${metric} FY${t.fiscalYear}`).toEqual([t.value, t.start, t.end]);
          }
        });

        it(`${metric}: a calendar year is the four quarters labelled with it, naming its fiscal quarters`, async () => {
          const cy = await points(spec.ticker, metric, 'cy');
          const years = calendarYears(truth.quarters[metric]);
          expect(years.size).toBeGreaterThanOrEqual(4);
          for (const [y, parts] of years) {
            const p = at(cy, y);
            const expected = [parts.reduce((s, q) => s + q.value, 0), parts[0]!.start, parts[3]!.end, fiscalSpan(parts)];
            expect([p?.value, p?.start, p?.end, p?.fiscalPeriod], `${spec.ticker} ${metric} calendar ${y}`).toEqual(expected);
            expect(p!.complete).toBe(true);
          }
        });
      }
    });
  }

  it('names a missing quarter by its fiscal label and tells "not filed" from "not derivable"', async () => {
    const qs = await points('SYNGAP', 'capex', 'quarter');
    const q3 = gap.truth.quarters.capex.find((q) => q.fiscalYear === 2020 && q.fiscalQuarter === 3)!;
    const q4 = gap.truth.quarters.capex.find((q) => q.fiscalYear === 2020 && q.fiscalQuarter === 4)!;
    const p3 = at(qs, majorityQuarter(q3.start, q3.end))!;
    const p4 = at(qs, majorityQuarter(q4.start, q4.end))!;
    expect(p3.value).toBeNull();
    expect(p3.missing).toMatchObject({ reason: 'no-data', cause: 'not-filed' });
    expect(p3.missing!.detail).toContain('FY2020 Q3');
    expect(p4.value).toBeNull();
    expect(p4.missing).toMatchObject({ reason: 'no-data', cause: 'not-derivable' });
    expect(p4.missing!.detail).toMatch(/FY2020 Q4 \(\d{4}-Q\d\) not derivable \(FY is filed but 9M is missing/);
    // The calendar year holding them is incomplete and says which fiscal quarters are missing, and why.
    const y = majorityQuarter(q3.start, q3.end).slice(0, 4);
    const cy = at(await points('SYNGAP', 'capex', 'cy'), y)!;
    expect(cy.value).toBeNull();
    expect(cy.missing?.reason).toBe('incomplete');
    expect(cy.missing?.detail).toMatch(/FY2020 Q3 \(\d{4}-Q\d, not filed\), FY2020 Q4 \(\d{4}-Q\d, not derivable\)/);
  });

  describe('concept changes across filings (SYNTHETIC)', () => {
    const t = conceptChange.truth;
    const year = async (metric: string, y: number, asFirstReported = false) => at(await points('SYNCC', metric, 'fy', { asFirstReported }), `FY${y}`)!;

    it('keeps both concepts as versions: the newest filing by default, the first on request, each citing its filing', async () => {
      const recast = await year('revenue', 2016);
      expect(recast.value).toBe(t.revenue2016.recast);
      expect(recast.sources[0]!.accession).toBe(t.revenue2016.recastAccn);
      expect(recast.restated).toBe(true);
      const first = await year('revenue', 2016, true);
      expect(first.value).toBe(t.revenue2016.first);
      expect(first.sources[0]!.accession).toBe(t.revenue2016.firstAccn);

      const cash = await year('operating_cash_flow', 2016);
      expect([cash.value, cash.sources[0]!.accession]).toEqual([t.cashFlow2016.later, t.cashFlow2016.laterAccn]);
      const cashFirst = await year('operating_cash_flow', 2016, true);
      expect([cashFirst.value, cashFirst.sources[0]!.accession]).toEqual([t.cashFlow2016.first, t.cashFlow2016.firstAccn]);

      const stored = await store.db.selectFrom('facts').select(['concept', 'accession', 'preferred']).where('ticker', '=', 'SYNCC').where('metric', '=', 'revenue').where('period_end', '=', '2016-12-31').execute();
      expect(stored.map((r) => [r.concept, r.accession, Number(r.preferred)]).sort()).toEqual([
        ['us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax', t.revenue2016.recastAccn, 1],
        ['us-gaap:SalesRevenueNet', t.revenue2016.firstAccn, 0],
      ]);
    });

    it('a comparative rounded to millions is not a restatement; a 10-K/A is, and wins', async () => {
      const capex2017 = await year('capex', 2017);
      expect(capex2017.value).toBe(t.capex2017.precise);
      expect(capex2017.sources[0]!.accession).toBe(t.capex2017.preciseAccn);
      expect(capex2017.restated).toBe(false);

      const capex2018 = await year('capex', 2018);
      expect(capex2018.value).toBe(t.capex2018.restated);
      expect(capex2018.sources[0]!.form).toBe('10-K/A');
      expect(capex2018.restated).toBe(true);
      expect((await year('capex', 2018, true)).value).toBe(t.capex2018.original);
    });
  });
});
