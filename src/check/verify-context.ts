// What every verifier needs: cached access to the engine and the store, the companies, the
// article's date, and the periods earlier claims settled on (a growth figure in the same
// sentence as an amount is about the same period).
import type { Company } from '../model/company.js';
import type { Claim, How } from './claim.js';
import type { PeriodSlot } from './resolve-period.js';
import type { SeriesCache } from './series-cache.js';
import type { CheckedClaim } from './check-report.js';
import type { ModelCatalog } from '../model/model-series.js';

/**
 * A verifier a caller can put in front of the stored data: returns the checked claim, or null to
 * leave the claim to the next source. Declared here, beside the context it receives, so the
 * verifiers that accept one (verify-price.ts, verify-model.ts) and the context do not import each other.
 */
export type ClaimVerifier = (claim: Claim, base: CheckedClaim, ctx: VerifyContext) => Promise<CheckedClaim | null>;
/** The share-price source (see verify-price.ts). */
export type PriceVerifier = ClaimVerifier;
/** Another AI-model source, asked before Epoch's table (see verify-model.ts). */
export type ModelVerifier = ClaimVerifier;

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
