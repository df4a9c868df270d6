// Turns `airace prices sync` arguments into listings. A company with no reviewed listing that
// files with SEC gets one inferred (its ticker on a US exchange, in US dollars), stored as
// `inferred` so it is never mistaken for a reviewed row.
import type { Store } from '../../store/database.js';
import type { Company } from '../../model/company.js';
import type { Listing } from '../../model/listing.js';
import { InvalidOptionError, NotFoundError } from '../../model/errors.js';
import { listCompanies } from '../../store/companies-repository.js';
import { listListings, upsertListing } from '../../store/listings-repository.js';
import { matchListings } from '../../model/listing-lookup.js';

/** An SEC filer's ticker as the price source spells US symbols: BRK.B → brk-b.us. */
export function inferredListing(company: Company): Listing {
  return {
    id: company.ticker,
    ticker: company.ticker,
    symbol: `${company.ticker.toLowerCase().replace(/\./g, '-')}.us`,
    exchange: 'US',
    country: 'US',
    currency: 'USD',
    kind: 'ordinary',
    primary: true,
    words: [],
    note: 'inferred from the SEC ticker; add a reviewed row to data/listings.csv to name its exchange',
    sourceKind: 'inferred',
  };
}

/** The listings to sync for `queries`; every stored listing when there are none. */
export async function listingsToSync(store: Store, queries: string[]): Promise<Listing[]> {
  const companies = await listCompanies(store.db);
  const listings = await listListings(store.db);
  if (!queries.length) return listings;
  const chosen = new Map<string, Listing>();
  for (const q of queries) {
    const m = matchListings(companies, listings, q);
    if (m.kind === 'none') throw new NotFoundError('listing', q, [...new Set([...listings.map((l) => l.id), ...companies.filter((c) => c.kind === 'company').map((c) => c.ticker)])]);
    if (m.kind === 'listings') {
      for (const l of m.listings) chosen.set(l.id, l);
      continue;
    }
    const c = m.company;
    if (c.kind === 'group') throw new InvalidOptionError('ticker', c.ticker, c.members, `a group; sync its members (${c.members.join(', ')})`);
    if (!c.cik) throw new NotFoundError('listing', c.ticker, [], 'no listing for this company: add its exchange, symbol and currency to data/listings.csv');
    const l = inferredListing(c);
    await upsertListing(store.db, l);
    chosen.set(l.id, l);
  }
  return [...chosen.values()];
}
