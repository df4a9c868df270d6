// What every verifier needs: cached access to the engine and the store, the companies, the
// article's date, and the periods earlier claims settled on (a growth figure in the same
// sentence as an amount is about the same period).
import type { Company } from '../model/company.js';
import type { Claim, How } from './claim.js';
import type { PeriodSlot } from './resolve-period.js';
import type { SeriesCache } from './series-cache.js';
import type { PriceVerifier } from './verify-price.js';
import type { ModelVerifier } from './verify-model.js';
import type { ModelCatalog } from '../model/model-series.js';

export interface VerifyContext {
  cache: SeriesCache;
  companies: Company[];
  /** ISO date of the article, when known. */
  articleDate: string | null;
  /** The period each verified claim was checked for, by claim id. */
  slots: Map<number, { slot: PeriodSlot; note: string | null; how: How }>;
  claims: Map<number, Claim>;
  /** The share-price source: the stored daily closes unless the caller passes another (see verify-price.ts). */
  prices?: PriceVerifier;
  /** Another AI-model source, asked before Epoch's table (see verify-model.ts). */
  models?: ModelVerifier;
  /** Epoch AI's table as loaded in the store (its `load` is null when no models data is loaded). */
  modelData?: ModelCatalog;
}
