// The series engine reads facts without their provenance (listFactFigures) and reads the
// provenance of the facts it cites afterwards (citations.ts). Its results must be the ones a
// read of full rows gives: the same figures in the same order, and every citation equal, field
// for field and in the same key order, to sourceRefOf of the full stored fact.
import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { getSeries } from '../../src/series/engine.js';
import { Citations, CitedFactGoneError } from '../../src/series/citations.js';
import { FX_METRIC } from '../../src/series/fx-table.js';
import { METRIC_IDS } from '../../src/series/metrics.js';
import { PERIODS, type SeriesResult } from '../../src/model/series.js';
import { sourceRefOf, type FactFigure, type FactInput } from '../../src/model/fact.js';
import { insertFacts, listFactFigures, listFacts } from '../../src/store/facts-repository.js';
import { listCompanies } from '../../src/store/companies-repository.js';
import type { Database } from '../../src/store/schema.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { forEachDialect } from '../helpers/dialects.js';
import { preferredValue } from '../helpers/facts-csv.js';

const FIGURE_KEYS = ['id', 'ticker', 'metric', 'value', 'unit', 'periodStart', 'periodEnd', 'basis', 'confidence', 'preferred', 'sourceKind', 'accession', 'filed'] as const satisfies readonly (keyof FactFigure)[];

/** Every citation in a result: the points' sources and the FX rates used. */
function citationsOf(r: SeriesResult) {
  return r.series.flatMap((s) => s.points.flatMap((p) => [...p.sources, ...(p.fx ? [p.fx.source] : [])]));
}

async function expectCitationsOfFullRows(db: Kysely<Database>, r: SeriesResult): Promise<number> {
  const refs = citationsOf(r);
  const full = new Map((await listFacts(db, { tickers: [...new Set(refs.map((x) => x.ticker))] })).map((f) => [f.id, f]));
  for (const ref of refs) {
    const fact = full.get(ref.factId);
    expect(fact, `fact ${ref.factId}`).toBeDefined();
    expect(JSON.stringify(ref)).toBe(JSON.stringify(sourceRefOf(fact!)));
  }
  return refs.length;
}

/** SYNTHETIC versions of Amazon's FY2024 capex: the verified value as first filed, then an amendment 2% higher. */
function filedVersion(value: number, filed: string, accession: string, note: string, readAt: string | null): FactInput {
  return {
    ticker: 'AMZN', metric: 'capex', concept: 'us-gaap:PaymentsToAcquireProductiveAssets', value, unit: 'USD', periodStart: '2024-01-01', periodEnd: '2024-12-31',
    basis: 'actual', confidence: 'high', preferred: false, sourceKind: 'sec', sourceUrl: `https://www.sec.gov/Archives/edgar/data/1018724/${accession.replace(/-/g, '')}/`,
    form: filed < '2025-03-01' ? '10-K' : '10-K/A', accession, filed, fy: 2024, fp: 'FY', frame: null, note, readAt, verified: 'xbrl', supersededBy: null,
  };
}

forEachDialect('series engine: narrowed read', (dialect) => {
  it('reads the same figures, in the same order, as a read of full rows', async () => {
    const store = await bundledStore(dialect);
    try {
      const query = { tickers: (await listCompanies(store.db)).map((c) => c.ticker), metrics: [...METRIC_IDS, FX_METRIC] };
      const full = await listFacts(store.db, query);
      const figures = await listFactFigures(store.db, query);
      expect(figures.length).toBeGreaterThan(100);
      expect(figures).toEqual(full.map((f) => Object.fromEntries(FIGURE_KEYS.map((k) => [k, f[k]]))));
    } finally {
      await store.close();
    }
  });

  it('cites every fact with the provenance of its full row, for every metric and period of the bundled data', async () => {
    const store = await bundledStore(dialect);
    try {
      // Every company at once, so that non-USD companies are converted and their FX rates cited too.
      const tickers = (await listCompanies(store.db)).map((c) => c.ticker);
      let cited = 0;
      let fx = 0;
      for (const metric of METRIC_IDS) {
        for (const period of PERIODS) {
          const r = await getSeries(store.db, { metric, tickers, period, currency: 'USD' });
          cited += await expectCitationsOfFullRows(store.db, r);
          fx += r.series.flatMap((s) => s.points).filter((p) => p.fx).length;
        }
      }
      expect(cited).toBeGreaterThan(500);
      expect(fx).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('cites the restating version and the first filed one with their own provenance on a store with restatements', async () => {
    const store = await bundledStore(dialect);
    try {
      const verified = preferredValue('AMZN', 'capex', '2024-01-01', '2024-12-31');
      await insertFacts(
        store.db,
        [
          filedVersion(verified, '2025-02-07', '0001018724-25-000004', 'SYNTHETIC first filing', null),
          { ...filedVersion(Math.round(verified * 1.02), '2025-06-02', '0001018724-25-000050', 'SYNTHETIC amendment restating capex', 'https://example.org/synthetic-read-at'), preferred: true },
        ],
        null,
      );
      const request = { metric: 'capex', tickers: ['AMZN', 'MSFT'], period: 'fy' as const, from: '2023', to: '2025' };
      const current = await getSeries(store.db, request);
      const first = await getSeries(store.db, { ...request, asFirstReported: true });
      const fy2024 = (r: SeriesResult) => r.series[0]!.points.find((p) => p.label === 'FY2024')!;
      expect(fy2024(current).restated).toBe(true);
      expect(fy2024(current).value).toBe(Math.round(verified * 1.02));
      expect(fy2024(current).sources[0]).toMatchObject({ note: 'SYNTHETIC amendment restating capex', readAt: 'https://example.org/synthetic-read-at', form: '10-K/A' });
      expect(fy2024(first).value).toBe(verified);
      expect(fy2024(first).sources[0]).toMatchObject({ note: 'SYNTHETIC first filing', readAt: null, form: '10-K' });
      for (const r of [current, first, await getSeries(store.db, { ...request, period: 'cy' }), await getSeries(store.db, { ...request, tickers: ['GROUP4'] })]) {
        expect(await expectCitationsOfFullRows(store.db, r)).toBeGreaterThan(0);
      }
    } finally {
      await store.close();
    }
  });

  it('refuses to complete a citation of a fact the store no longer holds (the engine then computes again)', async () => {
    const store = await bundledStore(dialect);
    try {
      const [figure] = await listFactFigures(store.db, { tickers: ['AMZN'], metrics: ['capex'] });
      const citations = new Citations();
      citations.cite({ ...figure!, id: 999_999_999 });
      await expect(citations.fill(store.db)).rejects.toBeInstanceOf(CitedFactGoneError);
    } finally {
      await store.close();
    }
  });
});
