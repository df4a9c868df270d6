// Companies in pages (the methodology page's coverage table): curated companies first, then by
// ticker, read with a range scan of this index whatever the number of filers a bulk ingest added.
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

export function companyPages(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('companies_by_kind_source').on('companies').columns(['kind', 'source_kind', 'ticker']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('companies_by_kind_source').execute();
    },
  };
}
