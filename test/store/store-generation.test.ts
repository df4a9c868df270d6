// The store generation changes with every write, by this connection or another, through every
// write path (bundled load, a company's facts replaced as a sync does it, a plain update), and
// not with reads. On PostgreSQL it is a row the writing transaction updates: another connection
// sees the new generation exactly when it can see the data.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore } from '../../src/store/database.js';
import { storeGeneration } from '../../src/store/store-generation.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { replaceCompanyFacts } from '../../src/store/replace-company-facts.js';
import { countFacts, listFacts } from '../../src/store/facts-repository.js';
import { DIALECTS } from '../helpers/dialects.js';
import { syntheticFacts } from './synthetic-facts.js';

for (const dialect of DIALECTS) {
  describe(dialect.name, () => {
    it('changes with every write path, on this connection and another, and never with a read', async () => {
      const database = await dialect.createDatabase();
      const store = await openStore(database.target);
      const other = await openStore(database.target);
      try {
        const seen = new Set<string>();
        const expectNew = async () => {
          const g = await storeGeneration(store);
          expect(seen.has(g), `generation ${g} seen before`).toBe(false);
          seen.add(g);
          // Reads leave it as it is.
          await listFacts(store.db, { tickers: ['AMZN'] });
          await countFacts(other.db);
          expect(await storeGeneration(store)).toBe(g);
        };
        await expectNew();
        await ensureBundledData(store);
        await expectNew();
        await ensureBundledData(store, { force: true });
        await expectNew();
        await replaceCompanyFacts(store, 'ZZZ', 'sec', syntheticFacts('ZZZ', 50, 1), null);
        await expectNew();
        // Another connection (another process, to SQLite's data_version) writes.
        await replaceCompanyFacts(other, 'ZZZ', 'sec', syntheticFacts('ZZZ', 60, 2), null);
        await expectNew();
        await other.db.updateTable('facts').set({ value: sql`value + 1` }).where('ticker', '=', 'ZZZ').execute();
        await expectNew();
        await store.db.deleteFrom('facts').where('ticker', '=', 'ZZZ').execute();
        await expectNew();
      } finally {
        await other.close();
        await store.close();
        await database.drop();
      }
    });

    it('moves on for another connection when the write commits, not before', async () => {
      const database = await dialect.createDatabase();
      const writer = await openStore(database.target);
      const reader = await openStore(database.target);
      try {
        await ensureBundledData(writer);
        const before = await storeGeneration(reader);
        let during = '';
        await writer.db.transaction().execute(async (trx) => {
          await trx.updateTable('facts').set({ value: sql`value * 2` }).where('ticker', '=', 'AMZN').execute();
          during = await storeGeneration(reader);
        });
        // SQLite: the reader is another connection; it sees neither the data nor a new generation until the commit.
        expect(during).toBe(before);
        expect(await storeGeneration(reader)).not.toBe(before);
      } finally {
        await reader.close();
        await writer.close();
        await database.drop();
      }
    });

    if (dialect.name === 'postgres') {
      it('tracks every table of the store', async () => {
        const store = await dialect.openFreshStore();
        try {
          const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(store.db);
          const triggers = await sql<{ name: string }>`select distinct event_object_table as name from information_schema.triggers where trigger_schema = current_schema() and trigger_name like '%_bumps_generation'`.execute(store.db);
          const untracked = ['kysely_migration', 'kysely_migration_lock', 'store_generation'];
          const expected = tables.rows.map((r) => r.name).filter((t) => !untracked.includes(t)).sort();
          expect(expected.length).toBeGreaterThan(5);
          expect(triggers.rows.map((r) => r.name).sort()).toEqual(expected);
        } finally {
          await store.close();
        }
      });
    }
  });
}
