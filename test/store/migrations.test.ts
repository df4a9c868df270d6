// The same versioned migrations build the same store on every dialect, once.
import { expect, it } from 'vitest';
import { Kysely, Migrator, sql } from 'kysely';
import { dialectFor, openStore } from '../../src/store/database.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { upsertCompany, listCompanies } from '../../src/store/companies-repository.js';
import { countFacts } from '../../src/store/facts-repository.js';
import { bulkInsertFacts } from '../../src/store/bulk-insert-facts.js';
import type { Company } from '../../src/model/company.js';
import { forEachDialect, openTestStore } from '../helpers/dialects.js';
import { syntheticFacts } from './synthetic-facts.js';

const company = (ticker: string): Company => ({
  ticker, name: ticker, kind: 'company', cik: null, country: 'US', fiscalYearEndMonth: 12, currency: 'USD', colour: '#000000', aliases: [], members: [],
});

forEachDialect('migrations', (dialect) => {
  it('creates every table and records every migration', async () => {
    const store = await openTestStore(dialect);
    const schema = await store.dialect.migrationSchema(store.db);
    // PostgreSQL introspection lists every schema's tables; keep this store's.
    const tables = (await store.db.introspection.getTables()).filter((t) => t.schema === schema).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['companies', 'facts', 'runs', 'data_files', 'sync_state', 'sync_run_items', 'settings']));
    const applied = await store.db.withSchema(schema ?? 'main').selectFrom('kysely_migration' as any).select('name').orderBy('name').execute();
    const declared = Object.keys(await migrationProvider(store.dialect).getMigrations()).sort();
    expect(applied.map((r: any) => r.name)).toEqual(declared);
    await store.close();
  });

  it('applies nothing the second time and keeps what is stored', async () => {
    const database = await dialect.createDatabase();
    try {
      const first = await openStore(database.target);
      await bulkInsertFacts(first, syntheticFacts('AAA', 10), null);
      await first.close();
      const again = await openStore(database.target);
      expect(await countFacts(again.db)).toBe(10);
      await again.close();
    } finally {
      await database.drop();
    }
  });

  it('0004 classifies facts stored before it: SEC rows are XBRL facts, the rest claims nothing until reloaded', async () => {
    const database = await dialect.createDatabase();
    try {
      const storeDialect = dialectFor(database.target);
      const db = new Kysely<any>({ dialect: storeDialect.createKyselyDialect(), plugins: [...storeDialect.kyselyPlugins] });
      const migrator = new Migrator({ db, provider: migrationProvider(storeDialect), migrationTableSchema: await storeDialect.migrationSchema(db) });
      expect((await migrator.migrateTo('0003-events')).error).toBeUndefined();
      const row = { ticker: 'AAA', metric: 'capex', value: 1, unit: 'USD', period_start: '2024-01-01', period_end: '2024-12-31', basis: 'actual', confidence: 'high', preferred: 1 };
      await db.insertInto('facts').values([
        { ...row, source_kind: 'sec', source_url: 'https://www.sec.gov/Archives/edgar/data/1/000000000025000001/', form: '10-K', accession: '0000000000-25-000001', filed: '2025-02-01' },
        { ...row, source_kind: 'bundled', source_url: 'https://example.invalid/old-bundled-row' },
      ]).execute();
      await db.insertInto('data_files').values({ name: 'facts.csv', sha256: 'old', rows: 1, loaded_at: '2025-01-01T00:00:00Z' }).execute();
      await db.destroy();

      const store = await openStore(database.target);
      const facts = await listFacts(store.db);
      expect(facts.map((f) => [f.sourceKind, f.verified, f.readAt, f.supersededBy])).toEqual([['sec', 'xbrl', null, null], ['bundled', 'secondary', null, null]]);
      // The bundled files load again, now with their provenance columns.
      expect(await store.db.selectFrom('data_files').selectAll().execute()).toEqual([]);
      await store.close();
    } finally {
      await database.drop();
    }
  });

  it('applies a migration that lands after a later-numbered one (0006 after 0007)', async () => {
    const database = await dialect.createDatabase();
    try {
      const first = await openStore(database.target);
      const schema = await first.dialect.migrationSchema(first.db);
      // As if this store was made before 0006-prices existed: its tables and record gone.
      for (const t of ['prices', 'price_fetches', 'listings']) await first.db.schema.dropTable(t).execute();
      await first.db.withSchema(schema ?? 'main').deleteFrom('kysely_migration' as any).where('name', '=', '0006-prices').execute();
      await first.close();
      const again = await openStore(database.target);
      const names = (await again.db.withSchema(schema ?? 'main').selectFrom('kysely_migration' as any).select('name').execute()).map((r: any) => r.name);
      expect(names).toContain('0006-prices');
      expect(await again.db.selectFrom('listings').selectAll().execute()).toEqual([]);
      await again.close();
    } finally {
      await database.drop();
    }
  });

  it('keeps two databases apart (PostgreSQL: two schemas of one database)', async () => {
    const a = await openTestStore(dialect);
    const b = await openTestStore(dialect);
    await bulkInsertFacts(a, syntheticFacts('AAA', 3), null);
    expect([await countFacts(a.db), await countFacts(b.db)]).toEqual([3, 0]);
    await a.close();
    await b.close();
  });

  it('gives every text column of every migration code-point order', async () => {
    const store = await openTestStore(dialect);
    // Per-dialect introspection (Kysely's tests keep per-dialect expectations the same way).
    const others = {
      // SQLite sorts by code point unless a column declares another COLLATE.
      sqlite: sql<{ col: string }>`select name as col from sqlite_master where sql like '%collate%'`,
      postgres: sql<{ col: string }>`select table_name || '.' || column_name as col from information_schema.columns
        where table_schema = current_schema() and data_type in ('text', 'character varying', 'character') and collation_name is distinct from 'C'`,
    }[dialect.name];
    expect((await others.execute(store.db)).rows).toEqual([]);
    await store.close();
  });

  it('sorts text by code point whatever the database locale', async () => {
    // In an en-US collation 'abc' sorts before 'ABD'; in code point order after every capital.
    const tickers = ['abc', 'ABD', 'BRK.B', 'BRKA', 'Zeta', 'émile', 'capex_x', 'capexa'];
    const store = await openTestStore(dialect);
    for (const t of tickers) await upsertCompany(store.db, company(t), 'bundled');
    expect((await listCompanies(store.db)).map((c) => c.ticker)).toEqual([...tickers].sort());
    const ordered = await sql<{ t: string }>`select ticker as t from companies order by ticker`.execute(store.db);
    expect(ordered.rows.map((r) => r.t)).toEqual([...tickers].sort());
    await store.close();
  });
});
