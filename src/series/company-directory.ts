// Every stored company and group, read once per store generation. Reading the companies table
// costs tens of milliseconds once a bulk sync has stored thousands of filers (a row lookup each),
// and one overview page asked for it fifteen times (the timeline, guidance, the pledge, prices).
// The list is kept per store handle until the store generation (store-generation.ts) changes, so
// a write by this process or another one is seen by the next read; a transaction or a
// plugin-wrapped handle reads afresh. Lookups by ticker, name or alias use a CompanyIndex.
import type { Kysely } from 'kysely';
import type { Company } from '../model/company.js';
import { CompanyIndex } from '../model/company-match.js';
import type { Database } from '../store/schema.js';
import { listCompanies } from '../store/companies-repository.js';
import { generationOfHandle } from '../store/store-generation.js';

export class CompanyDirectory {
  /** Every company and group, groups first, then by ticker (listCompanies' order). Frozen: it is shared. */
  readonly all: readonly Company[];
  private allIndex: CompanyIndex | null = null;
  private storedIndex: CompanyIndex | null = null;

  constructor(companies: Company[]) {
    this.all = Object.freeze(companies);
  }

  /** findCompany over every company and group. */
  get index(): CompanyIndex {
    return (this.allIndex ??= new CompanyIndex(this.all));
  }

  /** findCompany over companies only (no groups). */
  get companiesIndex(): CompanyIndex {
    return (this.storedIndex ??= new CompanyIndex(this.all.filter((c) => c.kind === 'company')));
  }
}

const kept = new WeakMap<object, { generation: string; directory: Promise<CompanyDirectory> }>();

export async function companyDirectory(db: Kysely<Database>): Promise<CompanyDirectory> {
  const generationOf = generationOfHandle(db);
  if (!generationOf) return new CompanyDirectory(await listCompanies(db));
  // Read before the companies: a write committing meanwhile can only label new rows with the old generation.
  const generation = await generationOf();
  const hit = kept.get(db);
  if (hit?.generation === generation) return hit.directory;
  const directory = listCompanies(db).then((companies) => new CompanyDirectory(companies));
  kept.set(db, { generation, directory });
  directory.catch(() => {
    if (kept.get(db)?.directory === directory) kept.delete(db);
  });
  return directory;
}
