// Properties of the period arithmetic every series rests on, checked on generated inputs
// (fast-check) rather than on the handful of calendars the bundled data happens to hold: month
// indexes, fiscal years and quarters of every year-end month, and quarters derived from
// year-to-date figures.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { endDateOf, monthIndex, monthIndexOf, monthOf, monthsBetween, quarterLabel, startDateOf, yearOf } from '../../src/series/months.js';
import { calendarLabelOfFiscalQuarter, fiscalQuarterEndFor, fiscalQuarterOf, fiscalSpanLabel, fiscalYearEnd, fiscalYearOf } from '../../src/series/fiscal-year.js';
import { FactIndex } from '../../src/series/fact-index.js';
import { PeriodResolver } from '../../src/series/period-resolver.js';
import type { StoredFact } from '../../src/model/fact.js';

const year = fc.integer({ min: 1990, max: 2100 });
const month = fc.integer({ min: 1, max: 12 });
const monthIdx = fc.tuple(year, month).map(([y, m]) => monthIndex(y, m));
const fyeMonth = month;

describe('month arithmetic', () => {
  it('takes a month index apart into the year and month it was built from', () => {
    fc.assert(fc.property(year, month, (y, m) => yearOf(monthIndex(y, m)) === y && monthOf(monthIndex(y, m)) === m));
  });

  it('puts a period’s last day in its own month, and its first day just after the month before it', () => {
    fc.assert(
      fc.property(monthIdx, fc.integer({ min: 1, max: 36 }), (m, length) => {
        expect(monthIndexOf(endDateOf(m))).toBe(m);
        expect(startDateOf(m, length) < endDateOf(m)).toBe(true);
        expect(monthsBetween(startDateOf(m, length), endDateOf(m))).toBe(length);
      }),
    );
  });

  it('counts a period ending in a month’s first week as the month before (52/53-week years)', () => {
    fc.assert(
      fc.property(year, month, fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(monthIndexOf(date)).toBe(monthIndex(y, m) - (d <= 7 ? 1 : 0));
      }),
    );
  });

  it('measures 52- and 53-week years and 13-week quarters as 12 and 3 months', () => {
    fc.assert(
      fc.property(year, month, fc.integer({ min: 1, max: 28 }), fc.constantFrom(91, 364, 371), (y, m, d, days) => {
        const start = new Date(Date.UTC(y, m - 1, d));
        const end = new Date(start.getTime() + (days - 1) * 86_400_000).toISOString().slice(0, 10);
        expect(monthsBetween(start.toISOString().slice(0, 10), end)).toBe(days === 91 ? 3 : 12);
      }),
    );
  });
});

describe('fiscal quarters, for every year-end month', () => {
  it('numbers the quarters of fiscal year FY 1 to 4, each in FY, the fourth ending at the year end', () => {
    fc.assert(
      fc.property(year, fyeMonth, fc.integer({ min: 1, max: 4 }), (fy, fye, q) => {
        const end = fiscalYearEnd(fy, fye) - 3 * (4 - q);
        expect(fiscalQuarterOf(end, fye)).toBe(q);
        expect(fiscalYearOf(end, fye)).toBe(fy);
        // The months in between end no fiscal quarter.
        expect(fiscalQuarterOf(end - 1, fye)).toBeNull();
        expect(fiscalQuarterOf(end + 1, fye)).toBeNull();
      }),
    );
  });

  it('puts every month in the fiscal year whose end is the first year end on or after it', () => {
    fc.assert(
      fc.property(monthIdx, fyeMonth, (m, fye) => {
        const fy = fiscalYearOf(m, fye);
        expect(fiscalYearEnd(fy, fye)).toBeGreaterThanOrEqual(m);
        expect(fiscalYearEnd(fy - 1, fye)).toBeLessThan(m);
      }),
    );
  });

  it('labels a fiscal quarter with the calendar quarter that holds its middle month, both ways round', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 4 }), fyeMonth, (y, cq, fye) => {
        const calendarEnd = monthIndex(y, cq * 3);
        const fiscalEnd = fiscalQuarterEndFor(calendarEnd, fye);
        expect(fiscalQuarterOf(fiscalEnd, fye)).not.toBeNull();
        expect(calendarLabelOfFiscalQuarter(fiscalEnd)).toBe(quarterLabel(calendarEnd));
        expect(quarterLabel(fiscalEnd - 1)).toBe(`${y}-Q${cq}`);
      }),
    );
  });

  it('names a whole fiscal year Q1–Q4 of that year', () => {
    fc.assert(fc.property(year, fyeMonth, (fy, fye) => fiscalSpanLabel(fiscalYearEnd(fy, fye), 12, fye) === `FY${fy} Q1–Q4`));
  });
});

describe('quarters derived from year-to-date figures', () => {
  let nextId = 1;
  /** A SYNTHETIC filed fact of `months` months ending in month `end`. */
  function fact(end: number, months: number, value: number): StoredFact {
    return {
      id: nextId++, ticker: 'SYNX', metric: 'revenue', concept: 'us-gaap:Revenues', value, unit: 'USD',
      periodStart: startDateOf(end, months), periodEnd: endDateOf(end), basis: 'actual', confidence: 'high', preferred: true,
      sourceKind: 'sec', sourceUrl: 'https://www.sec.gov/Archives/edgar/data/9000001/', form: months === 12 ? '10-K' : '10-Q',
      accession: `0009000001-00-${String(nextId).padStart(6, '0')}`, filed: endDateOf(end + 1), fy: null, fp: null, frame: null,
      note: 'synthetic property-test fact', readAt: null, verified: 'xbrl', supersededBy: null,
    };
  }

  const quarters = fc.array(fc.integer({ min: -5_000_000, max: 50_000_000 }).map((v) => v * 1000), { minLength: 4, maxLength: 4 });

  it('gets back every quarter from the cumulative Q1, H1, 9M and FY figures a filer states', () => {
    fc.assert(
      fc.property(year, fyeMonth, quarters, (fy, fye, q) => {
        const yearEnd = fiscalYearEnd(fy, fye);
        const cumulative = q.map((_, i) => q.slice(0, i + 1).reduce((a, b) => a + b, 0));
        const facts = cumulative.map((v, i) => fact(yearEnd - 9 + 3 * i, 3 * (i + 1), v));
        const resolver = new PeriodResolver(new FactIndex(facts), fye, 'SYNX revenue');
        for (let i = 0; i < 4; i++) {
          const r = resolver.quarter(yearEnd - 9 + 3 * i);
          expect(r.value).toBe(q[i]);
          expect(r.derived).toBe(i > 0);
          // A derived quarter starts the day after the year-to-date figure it subtracts ends.
          if (i > 0) expect(r.start).toBe(new Date(Date.parse(`${endDateOf(yearEnd - 12 + 3 * i)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
        }
        expect(resolver.year(yearEnd).value).toBe(cumulative[3]);
      }),
    );
  });

  it('subtracts the quarters so far when a year-to-date figure before it is missing, and never sums year-to-date figures', () => {
    fc.assert(
      fc.property(year, fyeMonth, quarters, (fy, fye, q) => {
        const yearEnd = fiscalYearEnd(fy, fye);
        // Q1, Q2 and Q3 stated as quarters, then only the full year: Q4 = FY − (Q1 + Q2 + Q3).
        const facts = [0, 1, 2].map((i) => fact(yearEnd - 9 + 3 * i, 3, q[i]!));
        facts.push(fact(yearEnd, 12, q.reduce((a, b) => a + b, 0)));
        const resolver = new PeriodResolver(new FactIndex(facts), fye, 'SYNX revenue');
        expect(resolver.quarter(yearEnd).value).toBe(q[3]);
        // Without Q1, neither Q2 nor Q4 can be derived, and the year is incomplete rather than a guess.
        const noQ1 = new PeriodResolver(new FactIndex(facts.slice(1)), fye, 'SYNX revenue');
        expect(noQ1.quarter(yearEnd).value).toBeNull();
        expect(noQ1.sumOfQuarters(yearEnd).missing?.reason).toBe('incomplete');
      }),
    );
  });
});
