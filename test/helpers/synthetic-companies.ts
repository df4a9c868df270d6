// SYNTHETIC companies for scale tests: made-up filers (tickers SYN00001…, named "Synthetic
// company N") with a few quarters of made-up capex and revenue, stored the way a sync stores
// SEC facts. Never shown as real data: they exist only in test stores.
import type { Store } from '../../src/store/database.js';
import type { Company } from '../../src/model/company.js';
import type { FactInput } from '../../src/model/fact.js';
import { upsertCompany } from '../../src/store/companies-repository.js';
import { bulkInsertFacts } from '../../src/store/bulk-insert-facts.js';

export const syntheticTicker = (i: number) => `SYN${String(i).padStart(5, '0')}`;

function quarterFacts(ticker: string, i: number): FactInput[] {
  const quarters = [
    ['2024-01-01', '2024-03-31'],
    ['2024-04-01', '2024-06-30'],
    ['2024-07-01', '2024-09-30'],
    ['2024-10-01', '2024-12-31'],
  ];
  return quarters.flatMap(([start, end], q) =>
    (['capex', 'revenue'] as const).map((metric) => ({
      ticker,
      metric,
      concept: null,
      value: (i + 1) * 1_000_000 * (q + 1) * (metric === 'revenue' ? 10 : 1),
      unit: 'USD',
      periodStart: start!,
      periodEnd: end!,
      basis: 'actual' as const,
      confidence: 'high' as const,
      preferred: true,
      sourceKind: 'sec' as const,
      sourceUrl: `https://example.invalid/synthetic/${ticker}`,
      form: '10-Q',
      accession: `SYNTHETIC-${ticker}-${q}`,
      filed: '2025-02-01',
      fy: 2024,
      fp: `Q${q + 1}`,
      frame: null,
      note: 'SYNTHETIC test data',
      readAt: null,
      verified: 'xbrl' as const,
      supersededBy: null,
    })),
  );
}

/** Adds `n` synthetic companies (numbered from `from`) in one transaction. */
export async function addSyntheticCompanies(store: Store, n: number, from = 1): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const facts: FactInput[] = [];
    for (let i = from; i < from + n; i++) {
      const ticker = syntheticTicker(i);
      const company: Company = { ticker, name: `Synthetic company ${i}`, kind: 'company', cik: 9_000_000 + i, country: 'US', fiscalYearEndMonth: 12, currency: 'USD', colour: '#777777', aliases: [], members: [] };
      await upsertCompany(trx, company, 'sec', false);
      facts.push(...quarterFacts(ticker, i));
    }
    await bulkInsertFacts({ db: trx, dialect: store.dialect }, facts, null);
  });
}
