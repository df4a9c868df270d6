import type { Kysely } from 'kysely';
import type { Company } from '../model/company.js';
import type { Database } from '../store/schema.js';
import { companiesByTicker, listCompanies } from '../store/companies-repository.js';
import { NotFoundError } from '../model/errors.js';

const norm = (s: string) => s.trim().toLowerCase().replace(/[.,]/g, '');

/** Finds a company by ticker, name or alias ("Google" → GOOGL), case-insensitively. */
export function findCompany(companies: Company[], query: string): Company | undefined {
  const q = norm(query);
  return (
    companies.find((c) => norm(c.ticker) === q) ??
    companies.find((c) => norm(c.name) === q) ??
    companies.find((c) => c.aliases.some((a) => norm(a) === q))
  );
}

export function resolveCompanies(companies: Company[], queries: string[]): Company[] {
  return queries.map((q) => {
    const c = findCompany(companies, q);
    if (!c) throw new NotFoundError('company', q, companies.map((x) => x.ticker));
    return c;
  });
}

/**
 * Resolves queries against the store, with the members of any group. Exact tickers are looked
 * up directly; only a name or alias makes it read every company (a store synced from SEC's bulk
 * archive holds thousands).
 */
export async function lookupCompanies(db: Kysely<Database>, queries: string[]): Promise<{ chosen: Company[]; known: Company[] }> {
  let known = await companiesByTicker(db, queries.map((q) => q.trim().toUpperCase()));
  if (queries.some((q) => !known.some((c) => c.ticker === q.trim().toUpperCase()))) known = await listCompanies(db);
  const chosen = resolveCompanies(known, queries);
  const missingMembers = chosen.flatMap((c) => c.members).filter((t) => !known.some((c) => c.ticker === t));
  if (missingMembers.length) known = [...known, ...(await companiesByTicker(db, missingMembers))];
  return { chosen, known };
}
