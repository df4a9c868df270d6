import { describe, expect, it } from 'vitest';
import { getSeries } from '../../src/series/engine.js';
import { insertFacts } from '../../src/store/facts-repository.js';
import type { FactInput } from '../../src/model/fact.js';
import { bundledStore, bundledStoreFor } from '../helpers/bundled-store.js';
import { forEachDialect } from '../helpers/dialects.js';
import { csvFacts, preferredValue } from '../helpers/facts-csv.js';

forEachDialect('series engine', (dialect) => {
  const store = bundledStoreFor(dialect);

  const point = (r: Awaited<ReturnType<typeof getSeries>>, ticker: string, label: string) => {
    const p = r.series.find((s) => s.ticker === ticker)!.points.find((x) => x.label === label);
    if (!p) throw new Error(`no point ${ticker} ${label}`);
    return p;
  };

  describe('fiscal years', () => {
    it('gives Microsoft FY2024 as July 2023 to June 2024 with the stated value', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['MSFT'], period: 'fy', from: '2024', to: '2024' });
      const p = point(r, 'MSFT', 'FY2024');
      expect([p.start, p.end]).toEqual(['2023-07-01', '2024-06-30']);
      expect(p.value).toBe(preferredValue('MSFT', 'capex', '2023-07-01', '2024-06-30'));
      expect(p.derived).toBe(false);
      expect(p.sources[0]!.url).toMatch(/^https?:\/\//);
    });

    it('gives Alibaba FY2025 as April 2024 to March 2025', async () => {
      const r = await getSeries(store().db, { metric: 'revenue', tickers: ['BABA'], period: 'fy', from: '2025', to: '2025' });
      const p = point(r, 'BABA', 'FY2025');
      expect([p.start, p.end]).toEqual(['2024-04-01', '2025-03-31']);
      expect(r.currency).toBe('CNY');
    });
  });

  describe('calendar years', () => {
    it('builds Microsoft calendar 2022 from four calendar quarters and marks it derived', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['MSFT'], period: 'cy', from: '2022', to: '2022' });
      const p = point(r, 'MSFT', '2022');
      const quarters = [
        ['2022-01-01', '2022-03-31'], ['2022-04-01', '2022-06-30'], ['2022-07-01', '2022-09-30'], ['2022-10-01', '2022-12-31'],
      ].map(([s, e]) => preferredValue('MSFT', 'capex', s!, e!));
      expect(p.value).toBe(quarters.reduce((a, b) => a + b, 0));
      expect(p.derived).toBe(true);
      expect(p.complete).toBe(true);
      expect(p.sources).toHaveLength(4);
    });

    it('marks a calendar year with a missing quarter incomplete, never a partial sum', async () => {
      // The bundled data has Alibaba's Dec-2024 quarter capex but not the three before it.
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['BABA'], period: 'cy', from: '2024', to: '2024' });
      const p = point(r, 'BABA', '2024');
      expect(p.value).toBeNull();
      expect(p.complete).toBe(false);
      expect(p.missing?.reason).toBe('incomplete');
      expect(p.missing?.detail).toContain('2024-Q1');
      expect(p.partialValue).toBe(preferredValue('BABA', 'capex', '2024-10-01', '2024-12-31'));
    });

    it('uses the annual figure as the calendar year for December year-ends', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['AMZN'], period: 'cy', from: '2024', to: '2024' });
      expect(point(r, 'AMZN', '2024').value).toBe(preferredValue('AMZN', 'capex', '2024-01-01', '2024-12-31'));
    });
  });

  describe('quarters and TTM', () => {
    it('derives Amazon Q4 2025 capex as FY − 9M YTD when only quarters and the year are stated', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['AMZN'], period: 'quarter', from: '2025-Q4', to: '2025-Q4' });
      const p = point(r, 'AMZN', '2025-Q4');
      const fy = preferredValue('AMZN', 'capex', '2025-01-01', '2025-12-31');
      const h1 = preferredValue('AMZN', 'capex', '2025-01-01', '2025-06-30');
      const q3 = preferredValue('AMZN', 'capex', '2025-07-01', '2025-09-30');
      expect(p.derivation).toBe('Q4 = FY − 9M');
      expect(p.value).toBe(fy - (h1 + q3));
    });

    it('uses a stated trailing-twelve-month figure for TTM', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['AMZN'], period: 'ttm', from: '2025-Q2', to: '2025-Q2' });
      const p = point(r, 'AMZN', 'TTM 2025-Q2');
      expect(p.value).toBe(preferredValue('AMZN', 'capex', '2024-07-01', '2025-06-30'));
      expect([p.start, p.end]).toEqual(['2024-07-01', '2025-06-30']);
    });
  });

  describe('currency', () => {
    it('converts CNY to USD at the stated rate for the period end and carries the rate and its source', async () => {
      const r = await getSeries(store().db, { metric: 'revenue', tickers: ['BABA'], period: 'quarter', from: '2024-Q4', to: '2024-Q4', currency: 'USD' });
      const p = point(r, 'BABA', '2024-Q4');
      const rate = csvFacts.find((f) => f.metric === 'fx_convenience_rate' && f.period_end === '2024-12-31')!;
      expect(p.fx?.rate).toBe(Number(rate.value));
      expect(p.fx?.source.url).toBe(rate.source_url);
      expect(p.value).toBeCloseTo(preferredValue('BABA', 'revenue', '2024-10-01', '2024-12-31') / Number(rate.value), 0);
      expect(r.currency).toBe('USD');
    });

    it('says no-fx-rate when no rate is stated near the period end', async () => {
      const r = await getSeries(store().db, { metric: 'operating_cash_flow', tickers: ['BABA'], period: 'fy', from: '2023', to: '2023', currency: 'USD' });
      const p = point(r, 'BABA', 'FY2023');
      expect(p.value).toBeNull();
      expect(p.missing?.reason).toBe('no-fx-rate');
    });

    it('converts mixed-currency groups to USD by default', async () => {
      const r = await getSeries(store().db, { metric: 'revenue', tickers: ['AMZN', 'BABA'], period: 'fy', from: '2025', to: '2025' });
      expect(r.currency).toBe('USD');
    });
  });

  describe('derived metrics', () => {
    it('computes free cash flow as operating cash flow minus capex', async () => {
      const r = await getSeries(store().db, { metric: 'free_cash_flow', tickers: ['META'], period: 'fy', from: '2024', to: '2024' });
      const p = point(r, 'META', 'FY2024');
      expect(p.value).toBe(preferredValue('META', 'operating_cash_flow', '2024-01-01', '2024-12-31') - preferredValue('META', 'capex', '2024-01-01', '2024-12-31'));
      expect(p.derived).toBe(true);
      expect(p.sources.length).toBe(2);
    });

    it('computes capex intensity in percent', async () => {
      const r = await getSeries(store().db, { metric: 'capex_intensity', tickers: ['AMZN'], period: 'fy', from: '2024', to: '2024' });
      const p = point(r, 'AMZN', 'FY2024');
      expect(p.value).toBeCloseTo((preferredValue('AMZN', 'capex', '2024-01-01', '2024-12-31') / preferredValue('AMZN', 'revenue', '2024-01-01', '2024-12-31')) * 100, 10);
      expect(r.unit).toBe('percent');
    });

    it('shows each company its own capex-incl-finance-leases definition and prefers reported figures', async () => {
      const r = await getSeries(store().db, { metric: 'capex_incl_finance_leases', tickers: ['META', 'MSFT'], period: 'fy', from: '2025', to: '2025' });
      expect(r.series.find((s) => s.ticker === 'META')!.definition).toMatch(/principal payments on finance leases/);
      expect(r.series.find((s) => s.ticker === 'MSFT')!.definition).toMatch(/headline/);
      expect(point(r, 'MSFT', 'FY2025').value).toBe(preferredValue('MSFT', 'capex_incl_finance_leases', '2024-07-01', '2025-06-30'));
    });
  });

  describe('groups and bases', () => {
    it('sums the big four from its members', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META', 'GROUP4'], period: 'cy', from: '2023', to: '2023' });
      const members = ['AMZN', 'MSFT', 'GOOGL', 'META'].map((t) => point(r, t, '2023').value!);
      expect(point(r, 'GROUP4', '2023').value).toBe(members.reduce((a, b) => a + b, 0));
    });

    it('keeps guidance apart from actuals', async () => {
      const actual = await getSeries(store().db, { metric: 'capex', tickers: ['MSFT'], period: 'fy', from: '2025', to: '2025' });
      const guided = await getSeries(store().db, { metric: 'capex', tickers: ['MSFT'], period: 'fy', from: '2025', to: '2025', basis: 'guidance' });
      expect(point(actual, 'MSFT', 'FY2025').basis).toBe('actual');
      // Guidance is stored under capex_guidance, so the capex metric has no guidance basis values.
      expect(point(guided, 'MSFT', 'FY2025').value).toBeNull();
      expect(point(guided, 'MSFT', 'FY2025').missing?.reason).toBe('no-data');
    });

    it('never uses derived-basis rows (computed by the collector) as actuals', async () => {
      // Alphabet 2025 capex has a collector-derived sum beside the 10-K figure; the engine takes the filing's.
      const derivedRow = csvFacts.find((f) => f.ticker === 'GOOGL' && f.metric === 'capex' && f.basis === 'derived' && f.period_start === '2025-01-01' && f.period_end === '2025-12-31');
      expect(derivedRow).toBeDefined();
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['GOOGL'], period: 'fy', from: '2025', to: '2025' });
      const p = point(r, 'GOOGL', 'FY2025');
      expect(p.value).toBe(preferredValue('GOOGL', 'capex', '2025-01-01', '2025-12-31'));
      expect(p.sources.length).toBeGreaterThan(0);
      expect(p.sources.every((s) => s.confidence !== 'derived')).toBe(true);
    });
  });

  describe('missing-value reasons', () => {
    it('reports divide-by-zero for capex intensity when revenue is zero', async () => {
      const s = await bundledStore(dialect);
      const base: Omit<FactInput, 'metric' | 'value'> = {
        ticker: 'META', concept: null, unit: 'USD', periodStart: '2030-01-01', periodEnd: '2030-12-31', basis: 'actual', confidence: 'low', preferred: true,
        sourceKind: 'bundled', sourceUrl: 'https://example.invalid/synthetic', form: null, accession: null, filed: null, fy: null, fp: null, frame: null, note: 'synthetic test fact',
        readAt: null, verified: 'secondary', supersededBy: null,
      };
      await insertFacts(s.db, [{ ...base, metric: 'capex', value: 5 }, { ...base, metric: 'revenue', value: 0 }], null);
      const r = await getSeries(s.db, { metric: 'capex_intensity', tickers: ['META'], period: 'fy', from: '2030', to: '2030' });
      expect(point(r, 'META', 'FY2030').missing?.reason).toBe('divide-by-zero');
      await s.close();
    });

    it('reports no-data with the period named', async () => {
      const r = await getSeries(store().db, { metric: 'finance_lease_principal', tickers: ['AMZN'], period: 'fy', from: '2024', to: '2024' });
      expect(point(r, 'AMZN', 'FY2024').missing).toMatchObject({ reason: 'no-data' });
    });
  });

  describe('requests', () => {
    it('rejects an unknown ticker, metric or period listing the valid choices', async () => {
      await expect(getSeries(store().db, { metric: 'capex', tickers: ['XYZ'], period: 'fy' })).rejects.toThrow(/unknown company: XYZ \(valid: .*AMZN/);
      await expect(getSeries(store().db, { metric: 'capx', tickers: ['AMZN'], period: 'fy' })).rejects.toThrow(/unknown metric: capx \(valid: capex,/);
      await expect(getSeries(store().db, { metric: 'capex', tickers: ['AMZN'], period: 'month' })).rejects.toThrow(/unknown period: month \(valid: quarter, fy, cy, ttm\)/);
    });

    it('finds companies by alias', async () => {
      const r = await getSeries(store().db, { metric: 'capex', tickers: ['Google'], period: 'fy', from: '2024', to: '2024' });
      expect(r.series[0]!.ticker).toBe('GOOGL');
    });
  });
});
