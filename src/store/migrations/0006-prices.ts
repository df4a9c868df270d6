// Share prices: the listings a company trades as (one reviewed table, data/listings.csv), every
// fetch of a listing's daily prices with its retrieval time, and the daily prices themselves,
// each pointing at the fetch it came from.
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

export function prices(dialect: StoreDialect): Migration {
  const id = (c: any) => {
    const pk = c.primaryKey();
    return dialect.needsAutoIncrementModifier ? pk.autoIncrement() : pk;
  };
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('listings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticker', 'text', (c) => c.notNull())
        .addColumn('symbol', 'text', (c) => c.notNull().unique())
        .addColumn('exchange', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('is_primary', 'integer', (c) => c.notNull())
        .addColumn('words', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('note', 'text')
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('listings_by_ticker').on('listings').column('ticker').execute();

      await db.schema
        .createTable('price_fetches')
        .addColumn('id', dialect.autoIncrementType, id)
        .addColumn('listing', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('retrieved_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('first_date', 'text')
        .addColumn('last_date', 'text')
        .addColumn('sha256', 'text')
        .addColumn('revised', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('run_id', 'integer')
        .execute();
      await db.schema.createIndex('price_fetches_by_listing').on('price_fetches').columns(['listing', 'id']).execute();

      await db.schema
        .createTable('prices')
        .addColumn('listing', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('open', 'double precision')
        .addColumn('high', 'double precision')
        .addColumn('low', 'double precision')
        .addColumn('close', 'double precision', (c) => c.notNull())
        .addColumn('volume', 'double precision')
        .addColumn('fetch_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('prices_pk', ['listing', 'date'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['prices', 'price_fetches', 'listings']) await db.schema.dropTable(t).execute();
    },
  };
}
