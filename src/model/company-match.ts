// Which company a query means: ticker, name or alias ("Google" → GOOGL), case-insensitively.
// Pure matching over a list, so every layer (ingest, series, readers) can use it.
import type { Company } from './company.js';
import { NotFoundError } from './errors.js';

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
