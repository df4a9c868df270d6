// A quarter neither stated nor derivable from year-to-date figures is the fiscal year less its
// three other stated quarters. The synthetic store is built in the test (SYNTHETIC values); the
// bundled data's case is Alibaba's FY2026 Q3 capex (the December 2025 quarter).
import { describe, expect, it } from 'vitest';
import { getSeries } from '../../src/series/engine.js';
import { insertFacts } from '../../src/store/facts-repository.js';
import { upsertCompany } from '../../src/store/companies-repository.js';
import type { FactInput } from '../../src/model/fact.js';
import type { Company } from '../../src/model/company.js';
import type { SeriesPoint } from '../../src/model/series.js';
import { bundledStoreFor } from '../helpers/bundled-store.js';
import { forEachDialect } from '../helpers/dialects.js';
import { preferredValue } from '../helpers/facts-csv.js';

forEachDialect('a quarter as the fiscal year less three quarters', (dialect) => {
  const store = bundledStoreFor(dialect);

  describe('a synthetic store with all four quarters and the year stated', () => {
    const company: Company = { ticker: 'SYNFY', name: 'Synthetic March year-end', kind: 'company', cik: null, country: 'US', fiscalYearEndMonth: 3, currency: 'USD', colour: '#777777', aliases: [], members: [] };
    // SYNTHETIC fiscal 2031 (April 2030 to March 2031), values with no common rounding.
    const QUARTERS = [['2030-04-01', '2030-06-30', 1_234e6], ['2030-07-01', '2030-09-30', 2_345e6], ['2030-10-01', '2030-12-31', 3_456e6], ['2031-01-01', '2031-03-31', 4_567e6]] as const;
    const fact = (start: string, end: string, value: number): FactInput => ({
      ticker: 'SYNFY', metric: 'capex', concept: null, value, unit: 'USD', periodStart: start, periodEnd: end, basis: 'actual', confidence: 'medium', preferred: true,
      sourceKind: 'bundled', sourceUrl: 'https://example.invalid/synthetic', form: null, accession: null, filed: null, fy: null, fp: null, frame: null, note: 'SYNTHETIC test fact', readAt: null, verified: 'secondary', supersededBy: null,
    });
    const year = fact('2030-04-01', '2031-03-31', QUARTERS.reduce((s, q) => s + q[2], 0));

    async function quarters(facts: FactInput[]): Promise<SeriesPoint[]> {
      const s = await dialect.openFreshStore();
      try {
        await upsertCompany(s.db, company, 'bundled');
        await insertFacts(s.db, facts, null);
        return (await getSeries(s.db, { metric: 'capex', tickers: ['SYNFY'], period: 'quarter', from: '2030-Q2', to: '2031-Q1' })).series[0]!.points;
      } finally {
        await s.close();
      }
    }

    it('uses the stated quarter where there is one', async () => {
      const points = await quarters([year, ...QUARTERS.map(([a, b, v]) => fact(a, b, v))]);
      expect(points.map((p) => p.value)).toEqual(QUARTERS.map((q) => q[2]));
      expect(points.every((p) => !p.derived)).toBe(true);
    });

    it('derives each quarter left out exactly, citing the year and the three quarters', async () => {
      for (let left = 0; left < 4; left++) {
        const points = await quarters([year, ...QUARTERS.filter((_, i) => i !== left).map(([a, b, v]) => fact(a, b, v))]);
        const p = points[left]!;
        expect(p.value, `Q${left + 1}`).toBe(QUARTERS[left]![2]);
        expect(p.derived).toBe(true);
        const others = [1, 2, 3, 4].filter((q) => q !== left + 1).map((q) => `Q${q}`);
        // The fourth quarter keeps the year-to-date derivation, which comes first: FY less the 9M of its three quarters.
        expect(p.derivation).toBe(left === 3 ? 'Q4 = FY − 9M' : `Q${left + 1} = FY − ${others.join(' − ')}`);
        expect(p.sources.map((s) => s.value).sort()).toEqual([year.value, ...QUARTERS.filter((_, i) => i !== left).map((q) => q[2])].sort());
        expect([p.start, p.end]).toEqual([QUARTERS[left]![0], QUARTERS[left]![1]]);
      }
    });

    it('does not derive from a quarter that is itself derived, and says what is lacking', async () => {
      const points = await quarters([year, ...QUARTERS.slice(0, 2).map(([a, b, v]) => fact(a, b, v))]);
      expect(points[2]!.value).toBeNull();
      expect(points[2]!.missing?.detail).toBe('SYNFY capex: FY2031 Q3 (2030-Q4) not filed (no quarter and no 9M year-to-date figure; FY − Q1 − Q2 − Q4 needs Q4 stated)');
    });
  });

  describe('the bundled data', () => {
    it('gives Alibaba FY2026 Q3 capex as FY2026 less the three stated quarters, marked derived', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['BABA'], period: 'quarter', currency: 'CNY', from: '2024', to: '2026' });
      const p = r.series[0]!.points.find((x) => x.label === '2025-Q4')!;
      const fy = preferredValue('BABA', 'capex', '2025-04-01', '2026-03-31');
      const stated = [['2025-04-01', '2025-06-30'], ['2025-07-01', '2025-09-30'], ['2026-01-01', '2026-03-31']].map(([a, b]) => preferredValue('BABA', 'capex', a!, b!));
      expect(p.fiscalPeriod).toBe('FY2026 Q3');
      expect(p.derived).toBe(true);
      expect(p.derivation).toBe('Q3 = FY − Q1 − Q2 − Q4');
      expect(p.value).toBe(fy - stated.reduce((s, v) => s + v, 0));
      expect(p.sources.map((s) => s.value)).toEqual([fy, ...stated]);
      expect([p.start, p.end]).toEqual(['2025-10-01', '2025-12-31']);
    });

    it('says a quarter with only a compiler’s derived estimate is not used', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['BABA'], period: 'quarter', currency: 'CNY', from: '2024', to: '2025' });
      for (const label of ['2024-Q2', '2025-Q1']) {
        const p = r.series[0]!.points.find((x) => x.label === label)!;
        expect(p.value).toBeNull();
        expect(p.missing?.detail).toMatch(/only a compiler's derived estimate, not used/);
      }
    });
  });
});
