import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

export function init(dialect: StoreDialect): Migration {
  const id = (c: any) => {
    const pk = c.primaryKey();
    return dialect.needsAutoIncrementModifier ? pk.autoIncrement() : pk;
  };
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('companies')
        .addColumn('ticker', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('company'))
        .addColumn('cik', 'bigint')
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('fiscal_year_end_month', 'integer', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('colour', 'text', (c) => c.notNull())
        .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('members', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('tracked', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();

      await db.schema
        .createTable('runs')
        .addColumn('id', dialect.autoIncrementType, id)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();

      await db.schema
        .createTable('facts')
        .addColumn('id', dialect.autoIncrementType, id)
        .addColumn('ticker', 'text', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('concept', 'text')
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text')
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('confidence', 'text', (c) => c.notNull())
        .addColumn('preferred', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('source_url', 'text', (c) => c.notNull())
        .addColumn('form', 'text')
        .addColumn('accession', 'text')
        .addColumn('filed', 'text')
        .addColumn('fy', 'integer')
        .addColumn('fp', 'text')
        .addColumn('frame', 'text')
        .addColumn('note', 'text')
        .addColumn('run_id', 'integer')
        .execute();
      // The series engine reads one company's metrics at a time; sync replaces one company's rows.
      await db.schema.createIndex('facts_by_ticker_metric').on('facts').columns(['ticker', 'metric', 'period_end']).execute();
      await db.schema.createIndex('facts_by_source').on('facts').columns(['source_kind', 'ticker']).execute();

      await db.schema
        .createTable('data_files')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('loaded_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['data_files', 'facts', 'runs', 'companies']) await db.schema.dropTable(t).execute();
    },
  };
}
