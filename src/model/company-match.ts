// Which company a query means: ticker, name or alias ("Google" → GOOGL), case-insensitively.
// Pure matching over a list, so every layer (ingest, series, readers) can use it.
import type { Company } from './company.js';
import { NotFoundError } from './errors.js';

const norm = (s: string) => s.trim().toLowerCase().replace(/[.,]/g, '');

/** Finds a company by ticker, name or alias ("Google" → GOOGL), case-insensitively. */
export function findCompany(companies: readonly Company[], query: string): Company | undefined {
  const q = norm(query);
  return (
    companies.find((c) => norm(c.ticker) === q) ??
    companies.find((c) => norm(c.name) === q) ??
    companies.find((c) => c.aliases.some((a) => norm(a) === q))
  );
}

export function resolveCompanies(companies: readonly Company[], queries: string[], find = (q: string) => findCompany(companies, q)): Company[] {
  return queries.map((q) => {
    const c = find(q);
    if (!c) throw new NotFoundError('company', q, companies.map((x) => x.ticker));
    return c;
  });
}

/**
 * findCompany over a list that does not change, in constant time per query: a store synced from
 * SEC's bulk archive holds thousands of companies, and the timeline looks up every name it cites.
 * The first company in list order wins, tickers before names before aliases, as in findCompany.
 */
export class CompanyIndex {
  private readonly byTicker = new Map<string, Company>();
  private readonly byName = new Map<string, Company>();
  private readonly byAlias = new Map<string, Company>();

  constructor(readonly companies: readonly Company[]) {
    const first = (m: Map<string, Company>, key: string, c: Company) => {
      if (!m.has(key)) m.set(key, c);
    };
    for (const c of companies) {
      first(this.byTicker, norm(c.ticker), c);
      first(this.byName, norm(c.name), c);
      for (const a of c.aliases) first(this.byAlias, norm(a), c);
    }
  }

  find(query: string): Company | undefined {
    const q = norm(query);
    return this.byTicker.get(q) ?? this.byName.get(q) ?? this.byAlias.get(q);
  }

  resolve(queries: string[]): Company[] {
    return resolveCompanies(this.companies, queries, (q) => this.find(q));
  }
}
