// The race timeline: events, and the companies each names (in order). Names stay plain text,
// since many (OpenAI, DeepSeek) are not companies in the store; links to stored companies are
// made when reading, so a company added later (airace add) links without a reload.
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

export function events(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('amount', 'double precision')
        .addColumn('currency', 'text')
        .addColumn('source_url', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_by_date').on('events').columns(['date', 'kind']).execute();

      await db.schema
        .createTable('event_companies')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_companies_pk', ['event_id', 'position'])
        .execute();
      // Per-company timelines look events up by name.
      await db.schema.createIndex('event_companies_by_name').on('event_companies').columns(['name']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['event_companies', 'events']) await db.schema.dropTable(t).execute();
    },
  };
}
