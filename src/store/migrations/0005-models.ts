// The models side of the race (Epoch AI's tables): one row per retrieval of a table (a sync or
// an import), and its models. Every retrieval is kept, so Epoch's revisions of an estimate stay
// queryable by retrieval date; readers take the newest retrieval unless asked for an earlier one.
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

export function models(dialect: StoreDialect): Migration {
  const id = (c: any) => {
    const pk = c.primaryKey();
    return dialect.needsAutoIncrementModifier ? pk.autoIncrement() : pk;
  };
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('model_loads')
        .addColumn('id', dialect.autoIncrementType, id)
        .addColumn('retrieved', 'text', (c) => c.notNull())
        .addColumn('confirmed', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('datasets', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('columns', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('loaded_at', 'text', (c) => c.notNull())
        .addColumn('run_id', 'integer')
        .execute();
      await db.schema.createIndex('model_loads_by_retrieved').on('model_loads').columns(['retrieved', 'id']).execute();

      await db.schema
        .createTable('models')
        .addColumn('load_id', 'integer', (c) => c.notNull().references('model_loads.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('organization', 'text')
        .addColumn('country', 'text')
        .addColumn('publication_date', 'text')
        .addColumn('domain', 'text')
        .addColumn('parameters', 'double precision')
        .addColumn('training_compute_flop', 'double precision')
        .addColumn('training_cost_usd', 'double precision')
        .addColumn('cost_basis', 'text')
        .addColumn('hardware', 'text')
        .addColumn('hardware_quantity', 'double precision')
        .addColumn('confidence', 'text')
        .addColumn('accessibility', 'text')
        .addColumn('open_weights', 'integer')
        .addColumn('link', 'text')
        .addColumn('dataset', 'text')
        .addColumn('snapshot', 'text')
        .addPrimaryKeyConstraint('models_pk', ['load_id', 'position'])
        .execute();
      await db.schema.createIndex('models_by_load_date').on('models').columns(['load_id', 'publication_date']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['models', 'model_loads']) await db.schema.dropTable(t).execute();
    },
  };
}
