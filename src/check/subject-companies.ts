// The companies a claim is about, as the store knows them: its own home so that every verifier can
// ask without importing another verifier (verify-amount.ts and the verifiers it reaches).
import type { Company } from '../model/company.js';
import type { Claim } from './claim.js';

export function subjectCompanies(claim: Claim, companies: Company[]): Company[] {
  return (claim.subject?.tickers ?? []).map((t) => companies.find((c) => c.ticker === t)).filter((c): c is Company => !!c);
}
