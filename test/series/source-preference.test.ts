// Which source stands for a period when both a filing (sync) and the bundled data cover it.
import { expect, it } from 'vitest';
import { getSeries } from '../../src/series/engine.js';
import { insertFacts } from '../../src/store/facts-repository.js';
import type { FactInput } from '../../src/model/fact.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { forEachDialect } from '../helpers/dialects.js';
import { preferredValue } from '../helpers/facts-csv.js';

/** A SEC-style fact. Values are SYNTHETIC (the verified value shifted by 1%) so the source that wins is visible. */
function secFact(start: string, end: string, value: number, filed: string): FactInput {
  return {
    ticker: 'AMZN', metric: 'capex', concept: 'us-gaap:PaymentsToAcquireProductiveAssets', value, unit: 'USD', periodStart: start, periodEnd: end,
    basis: 'actual', confidence: 'high', preferred: true, sourceKind: 'sec', sourceUrl: 'https://www.sec.gov/Archives/edgar/data/1018724/000101872425000000/',
    form: '10-Q', accession: '0001018724-25-000000', filed, fy: 2025, fp: 'Q2', frame: null, note: 'synthetic test fact',
    readAt: null, verified: 'xbrl', supersededBy: null,
  };
}

forEachDialect('source preference', (dialect) => {
  it('derives a quarter from SEC year-to-date facts before taking a bundled stated quarter', async () => {
    const store = await bundledStore(dialect);
    const q1 = preferredValue('AMZN', 'capex', '2025-01-01', '2025-03-31') * 1.01;
    const h1 = preferredValue('AMZN', 'capex', '2025-01-01', '2025-06-30') * 1.01;
    await insertFacts(store.db, [secFact('2025-01-01', '2025-03-31', q1, '2025-05-02'), secFact('2025-01-01', '2025-06-30', h1, '2025-08-01')], null);
    const r = await getSeries(store.db, { metric: 'capex', tickers: ['AMZN'], period: 'quarter', from: '2025-Q2', to: '2025-Q2' });
    const p = r.series[0]!.points[0]!;
    expect(p.derivation).toBe('Q2 = H1 − Q1');
    expect(p.value).toBeCloseTo(h1 - q1, 3);
    expect(p.sources.every((s) => s.kind === 'sec')).toBe(true);
    await store.close();
  });

  it('keeps the bundled stated quarter when a derivation would mix sources', async () => {
    const store = await bundledStore(dialect);
    const h1 = preferredValue('AMZN', 'capex', '2025-01-01', '2025-06-30') * 1.01;
    await insertFacts(store.db, [secFact('2025-01-01', '2025-06-30', h1, '2025-08-01')], null);
    const r = await getSeries(store.db, { metric: 'capex', tickers: ['AMZN'], period: 'quarter', from: '2025-Q2', to: '2025-Q2' });
    const p = r.series[0]!.points[0]!;
    expect(p.derived).toBe(false);
    expect(p.value).toBe(preferredValue('AMZN', 'capex', '2025-04-01', '2025-06-30'));
    await store.close();
  });
});
