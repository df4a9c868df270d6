// Tables for live SEC sync: HTTP validators per URL (conditional requests) and per-company
// progress of each sync run (so an interrupted run can be resumed).
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

export function sync(_dialect: StoreDialect): Migration {
  // Plain text: the store's Kysely plugins give text columns code-point order on every dialect.
  const text = 'text';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sync_state')
        .addColumn('url', text, (c) => c.primaryKey())
        .addColumn('ticker', text)
        .addColumn('etag', text)
        .addColumn('last_modified', text)
        .addColumn('checked_at', text, (c) => c.notNull())
        .addColumn('changed_at', text)
        .execute();
      await db.schema.createIndex('sync_state_by_ticker').on('sync_state').column('ticker').execute();

      await db.schema
        .createTable('sync_run_items')
        .addColumn('run_id', 'integer', (c) => c.notNull())
        .addColumn('ticker', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('facts', 'integer')
        .addColumn('message', text)
        .addColumn('updated_at', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_run_items_pk', ['run_id', 'ticker'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['sync_run_items', 'sync_state']) await db.schema.dropTable(t).execute();
    },
  };
}
