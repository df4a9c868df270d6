import type { Company } from '../model/company.js';
import { UnknownChoiceError } from '../model/unknown-choice-error.js';

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
    if (!c) throw new UnknownChoiceError('company', q, companies.map((x) => x.ticker));
    return c;
  });
}
