// Facts made up for store tests: one company, `n` distinct periods, values that say which set
// (`version`) and which row they are, so a reader can tell a complete set from a mix.
import type { FactInput } from '../../src/model/fact.js';

export function syntheticFacts(ticker: string, n: number, version = 0, sourceKind: FactInput['sourceKind'] = 'sec'): FactInput[] {
  return Array.from({ length: n }, (_, i) => {
    const year = 1900 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    return {
      ticker,
      metric: 'capex',
      concept: 'us-gaap:PaymentsToAcquirePropertyPlantAndEquipment',
      value: version * 1_000_000 + i,
      unit: 'USD',
      periodStart: `${year}-${month}-01`,
      periodEnd: `${year}-${month}-28`,
      basis: 'actual',
      confidence: 'high',
      preferred: true,
      sourceKind,
      sourceUrl: `https://example.invalid/${ticker}/v${version}`,
      form: '10-Q',
      accession: `0000000000-00-${String(i).padStart(6, '0')}`,
      filed: '2025-01-31',
      fy: year,
      fp: 'Q1',
      frame: null,
      note: null,
      readAt: null,
      verified: sourceKind === 'sec' ? 'xbrl' : 'secondary',
      supersededBy: null,
    };
  });
}

/** What a reader saw: how many rows and which versions they came from. */
export function versionsOf(values: number[]): number[] {
  return [...new Set(values.map((v) => Math.floor(v / 1_000_000)))].sort((a, b) => a - b);
}
