// The bulk path: COPY where the dialect supports it, batched INSERTs elsewhere; the same rows
// either way, and all or nothing.
import { expect, it, vi } from 'vitest';
import { bulkInsertFacts } from '../../src/store/bulk-insert-facts.js';
import { countFacts, listFacts } from '../../src/store/facts-repository.js';
import type { FactInput } from '../../src/model/fact.js';
import { forEachDialect, openTestStore } from '../helpers/dialects.js';
import { AWKWARD_FACTS, AWKWARD_STORED } from './awkward-facts.js';
import { syntheticFacts } from './synthetic-facts.js';

forEachDialect('bulk insert facts', (dialect) => {
  it('stores awkward values exactly as the plain insert does', async () => {
    const store = await openTestStore(dialect);
    expect(await bulkInsertFacts(store, AWKWARD_FACTS, null)).toBe(3);
    expect(JSON.stringify(await listFacts(store.db))).toBe(JSON.stringify(AWKWARD_STORED));
    await store.close();
  });

  it('uses COPY exactly when the dialect supports it', async () => {
    const store = await openTestStore(dialect);
    const copy = vi.spyOn(store.dialect, 'copyRows');
    await bulkInsertFacts(store, syntheticFacts('AAA', 5), null);
    expect(copy).toHaveBeenCalledTimes(store.dialect.supportsCopy ? 1 : 0);
    expect(await countFacts(store.db)).toBe(5);
    await store.close();
  });

  it('stores more facts than one INSERT may carry, ids in the order given', async () => {
    // More rows than one statement may carry parameters for (65535 / 20 = 3276 on PostgreSQL).
    const store = await openTestStore(dialect);
    const facts = syntheticFacts('AAA', 5000, 3, 'sec');
    expect(await bulkInsertFacts(store, facts, 42)).toBe(5000);
    const rows = await store.db.selectFrom('facts').select(['id', 'value', 'run_id']).orderBy('id').execute();
    expect(rows).toHaveLength(5000);
    expect(rows.map((r) => r.value)).toEqual(facts.map((f) => f.value));
    expect(rows.map((r) => r.id)).toEqual(facts.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.run_id))).toEqual(new Set([42]));
    await store.close();
  });

  it('stores nothing when one fact is bad, even after the first batch', async () => {
    const store = await openTestStore(dialect);
    const facts = syntheticFacts('AAA', 4000);
    facts[3500] = { ...facts[3500]!, unit: null as unknown as string };
    await expect(bulkInsertFacts(store, facts, null)).rejects.toThrow(/unit/);
    expect(await countFacts(store.db)).toBe(0);
    await store.close();
  });

  it('joins the caller\'s transaction and rolls back with it', async () => {
    const store = await openTestStore(dialect);
    const failure = store.db.transaction().execute(async (trx) => {
      await bulkInsertFacts({ db: trx, dialect: store.dialect }, syntheticFacts('AAA', 10), null);
      expect(await countFacts(trx)).toBe(10);
      throw new Error('caller gives up');
    });
    await expect(failure).rejects.toThrow('caller gives up');
    expect(await countFacts(store.db)).toBe(0);
    await store.close();
  });

  it('accepts an empty list', async () => {
    const store = await openTestStore(dialect);
    expect(await bulkInsertFacts(store, [] as FactInput[], null)).toBe(0);
    await store.close();
  });
});
