// Which listings a query means. A company (ticker or name) means all its listings; a listing id
// or source symbol (9988.HK, 9988.hk) means that one; an alias ("Google") means the company's.
// Ticker and name come first so that BABA, Alibaba's ticker and its NYSE listing alike, means
// the company: both its listings.
import type { Company } from './company.js';
import type { Listing } from './listing.js';
import { findCompany } from './company-match.js';

const norm = (s: string) => s.trim().toLowerCase();

export type ListingMatch =
  | { kind: 'listings'; listings: Listing[]; company: Company | null }
  /** A company that has no listing in the store yet. */
  | { kind: 'company'; company: Company }
  | { kind: 'none' };

export function matchListings(companies: Company[], listings: Listing[], query: string): ListingMatch {
  const q = norm(query);
  const ofCompany = (c: Company): ListingMatch => {
    const own = listings.filter((l) => l.ticker === c.ticker);
    return own.length ? { kind: 'listings', listings: own, company: c } : { kind: 'company', company: c };
  };
  const direct = companies.find((c) => norm(c.ticker) === q || norm(c.name) === q);
  if (direct) return ofCompany(direct);
  const one = listings.find((l) => norm(l.id) === q || norm(l.symbol) === q);
  if (one) return { kind: 'listings', listings: [one], company: companies.find((c) => c.ticker === one.ticker) ?? null };
  const alias = findCompany(companies, query);
  return alias ? ofCompany(alias) : { kind: 'none' };
}
