// The exchange rate a company stated closest to a date, for figures the engine does not
// convert (a commitment announced between two results releases). Prefers the last rate stated
// on or before the date, as a reader at the time would have had; rates the company states beat
// rates implied by its figures only on the same date.
import type { DocumentRef, StoredFact } from '../model/fact.js';
import { docOf } from './series-figure.js';
import { FX_METRIC } from '../series/fx-table.js';
import type { SeriesCache } from './series-cache.js';

export interface FxOnDate {
  rate: number;
  date: string;
  source: string;
  /** Stated by the company (actual) or implied by its RMB and US$ figures (derived). */
  basis: string;
  /** The document the rate comes from. */
  doc: DocumentRef;
}

export async function fxRateOn(cache: SeriesCache, ticker: string, currency: string, date: string): Promise<FxOnDate | null> {
  const rates = (await cache.facts([ticker], [FX_METRIC])).filter((f) => f.unit.split('/')[0] === currency);
  const rank = (f: StoredFact) => (f.basis === 'actual' ? 0 : 1);
  const before = rates.filter((f) => f.periodEnd <= date).sort((a, b) => (a.periodEnd === b.periodEnd ? rank(a) - rank(b) : a.periodEnd < b.periodEnd ? 1 : -1));
  const after = rates.filter((f) => f.periodEnd > date).sort((a, b) => (a.periodEnd === b.periodEnd ? rank(a) - rank(b) : a.periodEnd < b.periodEnd ? -1 : 1));
  const f = before[0] ?? after[0];
  return f ? { rate: f.value, date: f.periodEnd, source: f.sourceUrl, basis: f.basis, doc: docOf(f) } : null;
}
