// What every verifier needs: cached access to the engine and the store, the companies, the
// article's date, and the periods earlier claims settled on (a growth figure in the same
// sentence as an amount is about the same period).
import type { Company } from '../model/company.js';
import type { Claim } from './claim.js';
import type { PeriodSlot } from './resolve-period.js';
import type { SeriesCache } from './series-cache.js';

export interface VerifyContext {
  cache: SeriesCache;
  companies: Company[];
  /** ISO date of the article, when known. */
  articleDate: string | null;
  /** The period each verified claim was checked for, by claim id. */
  slots: Map<number, { slot: PeriodSlot; note: string | null }>;
  claims: Map<number, Claim>;
}
