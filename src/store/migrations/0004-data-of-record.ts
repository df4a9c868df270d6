// Data of record: every fact and event says where its value was read when that is not the
// document of record (`read_at_url`) and how far it has been checked (`verified`); a fact a
// correction replaced keeps its reason (`superseded_by`). `settings` remembers choices that
// must outlive one command, such as the data folder `init --data-dir` loaded.
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

export function dataOfRecord(_dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('facts').addColumn('read_at_url', 'text').execute();
      // Rows stored before this migration were never classified: `secondary` claims nothing.
      // The bundled data is reloaded (its file changed) and SEC rows are XBRL facts by construction.
      await db.schema.alterTable('facts').addColumn('verified', 'text', (c) => c.notNull().defaultTo('secondary')).execute();
      await db.schema.alterTable('facts').addColumn('superseded_by', 'text').execute();
      await db.updateTable('facts').set({ verified: 'xbrl' }).where('source_kind', '=', 'sec').execute();

      await db.schema.alterTable('events').addColumn('read_at_url', 'text').execute();
      await db.schema.alterTable('events').addColumn('verified', 'text', (c) => c.notNull().defaultTo('secondary')).execute();

      await db.schema
        .createTable('settings')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Force the next load of the bundled files: their rows now carry columns the old load dropped.
      await sql`delete from data_files`.execute(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('settings').execute();
      for (const c of ['read_at_url', 'verified']) await db.schema.alterTable('events').dropColumn(c).execute();
      for (const c of ['read_at_url', 'verified', 'superseded_by']) await db.schema.alterTable('facts').dropColumn(c).execute();
    },
  };
}
