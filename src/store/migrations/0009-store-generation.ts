// The store generation on PostgreSQL (see store-generation.ts): a row that every write to any of
// the store's tables bumps in its own transaction, so caches in every server process sharing the
// database know when to drop an answer. SQLite needs no table: PRAGMA data_version does this.
// A migration that adds a table must call trackGeneration on it.
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';
import { createGenerationRow, GENERATION_TABLE, trackGeneration } from '../store-generation.js';

/** The store's tables when this migration was written; later tables are tracked by their own migrations. */
const TABLES = ['companies', 'facts', 'runs', 'data_files', 'sync_state', 'sync_run_items', 'events', 'event_companies', 'settings', 'model_loads', 'models', 'listings', 'prices', 'price_fetches'];

export function storeGeneration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect.name !== 'postgres') return;
      await createGenerationRow(db);
      for (const table of TABLES) await trackGeneration(db, table);
    },
    async down(db: Kysely<any>) {
      if (dialect.name !== 'postgres') return;
      for (const table of TABLES) await sql`drop trigger if exists ${sql.id(`${table}_bumps_generation`)} on ${sql.id(table)}`.execute(db);
      await db.schema.dropTable(GENERATION_TABLE).execute();
    },
  };
}
