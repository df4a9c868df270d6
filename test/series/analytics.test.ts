import { describe, expect, it } from 'vitest';
import { getSeries } from '../../src/series/engine.js';
import { applyTransform, cagr, percentChange } from '../../src/series/analytics.js';
import { bundledStoreFor } from '../helpers/bundled-store.js';
import { forEachDialect } from '../helpers/dialects.js';
import { preferredValue } from '../helpers/facts-csv.js';

forEachDialect('series analytics', (dialect) => {
  const store = bundledStoreFor(dialect);

  const amzn = (y: number) => preferredValue('AMZN', 'capex', `${y}-01-01`, `${y}-12-31`);

  describe('analytics', () => {
    it('computes year-over-year growth from the year before', async () => {
      const r = applyTransform(await getSeries(store().db, { metric: 'capex', tickers: ['AMZN'], period: 'fy', from: '2023', to: '2024' }), 'yoy');
      const p = r.series[0]!.points.find((x) => x.label === 'FY2024')!;
      expect(p.value).toBeCloseTo(((amzn(2024) - amzn(2023)) / amzn(2023)) * 100, 10);
      expect(r.unit).toBe('percent');
      // FY2023's base year is outside the range: missing, with its reason.
      expect(r.series[0]!.points[0]!.missing?.reason).toBe('no-data');
    });

    it('computes CAGR and refuses a zero base', () => {
      expect(cagr(amzn(2022), amzn(2025), 3).value).toBeCloseTo((Math.pow(amzn(2025) / amzn(2022), 1 / 3) - 1) * 100, 10);
      expect(cagr(0, 5, 3).missing?.reason).toBe('divide-by-zero');
      expect(percentChange(0, 5).missing?.reason).toBe('divide-by-zero');
    });

    it('gives shares of the total that add up to 100%', async () => {
      const r = applyTransform(await getSeries(store().db, { metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META'], period: 'fy', from: '2024', to: '2024' }), 'share');
      const shares = r.series.map((s) => s.points[0]!.value!);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
      const total = amzn(2024) + preferredValue('MSFT', 'capex', '2023-07-01', '2024-06-30') + preferredValue('GOOGL', 'capex', '2024-01-01', '2024-12-31') + preferredValue('META', 'capex', '2024-01-01', '2024-12-31');
      expect(shares[0]).toBeCloseTo((amzn(2024) / total) * 100, 10);
    });
  });
});
