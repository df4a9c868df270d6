// Facts whose values differ between engines if anything is lost on the way in or out.
import type { FactInput, StoredFact } from '../../src/model/fact.js';

/** Values that differ between engines if anything is lost on the way: float digits, quotes, NULL vs "". */
export const AWKWARD_FACTS: FactInput[] = [
  {
    ticker: 'AMZN', metric: 'capex', concept: null, value: 0.1 + 0.2, unit: 'USD', periodStart: '2024-01-01', periodEnd: '2024-12-31',
    basis: 'actual', confidence: 'high', preferred: true, sourceKind: 'bundled', sourceUrl: 'https://example.invalid/a?b=1&c="2"',
    form: '', accession: null, filed: '2025-02-07', fy: 2024, fp: 'FY', frame: 'CY2024', note: 'O\'Brien said "about $83B", then\nrevised it; C:\\x \\.',
    readAt: 'https://example.invalid/read?x="1"', verified: 'mapped', supersededBy: 'corrected: "was 0.3"',
  },
  {
    ticker: 'BABA', metric: 'revenue', concept: 'ifrs-full:Revenue', value: 123456789012345680000, unit: 'CNY', periodStart: null, periodEnd: '2025-03-31',
    basis: 'guidance', confidence: 'low', preferred: false, sourceKind: 'sec', sourceUrl: 'https://example.invalid/营收', form: '20-F',
    accession: '0001577552-25-000001', filed: null, fy: null, fp: null, frame: null, note: '',
    readAt: '', verified: 'xbrl', supersededBy: null,
  },
  {
    ticker: 'AMZN', metric: 'capex', concept: null, value: -1e-300, unit: 'USD', periodStart: '2023-01-01', periodEnd: '2023-12-31',
    basis: 'actual', confidence: 'medium', preferred: true, sourceKind: 'bundled', sourceUrl: 'https://example.invalid/€', form: null,
    accession: null, filed: null, fy: -1, fp: null, frame: null, note: null,
    readAt: null, verified: 'secondary', supersededBy: '',
  },
];

/** listFacts' order (ticker, metric, period_end, id), with the ids a fresh table assigns. */
export const AWKWARD_STORED: StoredFact[] = [
  { id: 3, ...AWKWARD_FACTS[2]! },
  { id: 1, ...AWKWARD_FACTS[0]! },
  { id: 2, ...AWKWARD_FACTS[1]! },
];
