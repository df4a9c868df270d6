import type { Kysely } from 'kysely';
import type { Company } from '../model/company.js';
import type { Database } from '../store/schema.js';
import { companiesPage, countCompanies } from '../store/companies-repository.js';
import { storedCompaniesByTicker } from './companies-by-ticker.js';
import { allCompanies } from './read-db.js';
import { InvalidOptionError } from '../model/errors.js';
import { resolveCompanies } from '../model/company-match.js';

// The pure matching lives in src/model (ingest uses it too); re-exported for the series layer's readers.
export { findCompany, resolveCompanies } from '../model/company-match.js';

/**
 * Resolves queries against the store, with the members of any group. Exact tickers are looked
 * up directly; only a name or alias makes it read every company (a store synced from SEC's bulk
 * archive holds thousands).
 */
export async function lookupCompanies(db: Kysely<Database>, queries: string[], alreadyRead: Company[] = []): Promise<{ chosen: Company[]; known: Company[] }> {
  const tickers = queries.map((q) => q.trim().toUpperCase());
  // Companies the caller read from this store a moment ago answer for themselves; only the rest are read.
  const reused = alreadyRead.filter((c) => tickers.includes(c.ticker));
  const unread = tickers.filter((t) => !reused.some((c) => c.ticker === t));
  let known = [...reused, ...(await storedCompaniesByTicker(db, unread))];
  if (queries.some((q) => !known.some((c) => c.ticker === q.trim().toUpperCase()))) known = await allCompanies(db);
  const chosen = resolveCompanies(known, queries);
  const missingMembers = chosen.flatMap((c) => c.members).filter((t) => !known.some((c) => c.ticker === t));
  const memberReused = alreadyRead.filter((c) => missingMembers.includes(c.ticker));
  const memberUnread = missingMembers.filter((t) => !memberReused.some((c) => c.ticker === t));
  if (missingMembers.length) known = [...known, ...memberReused, ...(await storedCompaniesByTicker(db, memberUnread))];
  return { chosen, known };
}

/** Which companies one page of a long listing shows, and how many pages there are. */
export interface CompanyPage {
  companies: Company[];
  page: number;
  pages: number;
  perPage: number;
  /** Companies in the store (groups left out). */
  total: number;
}

/**
 * Page `page` (from 1) of the store's companies, curated ones first: two indexed queries, so a
 * listing costs the same with six companies or every SEC filer. A page past the last is refused.
 */
export async function pageOfCompanies(db: Kysely<Database>, page: number, perPage: number): Promise<CompanyPage> {
  const total = await countCompanies(db);
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new InvalidOptionError('page', String(page), [`a page number from 1 to ${pages}`]);
  return { companies: await companiesPage(db, { offset: (page - 1) * perPage, limit: perPage }), page, pages, perPage, total };
}
