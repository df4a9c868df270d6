// How many times each company of a sync run has failed, so `airace sync --resume` retries a
// failing company a bounded number of times instead of hitting the same fault forever.
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

export function syncAttempts(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('sync_run_items').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('sync_run_items').dropColumn('attempts').execute();
    },
  };
}
