// A per-company replace touches one company's rows from one source, and commits them together
// with whatever the caller writes alongside (company metadata, validators, run status).
import { expect, it } from 'vitest';
import { replaceCompanyFacts } from '../../src/store/replace-company-facts.js';
import { bulkInsertFacts } from '../../src/store/bulk-insert-facts.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { startRun } from '../../src/store/runs-repository.js';
import { forEachDialect, openTestStore } from '../helpers/dialects.js';
import { syntheticFacts, versionsOf } from './synthetic-facts.js';

forEachDialect('replace company facts', (dialect) => {
  it('replaces one company\'s facts from one source and leaves every other row alone', async () => {
    const store = await openTestStore(dialect);
    await bulkInsertFacts(store, [...syntheticFacts('AAA', 4, 1, 'sec'), ...syntheticFacts('AAA', 3, 1, 'bundled'), ...syntheticFacts('BBB', 2, 1, 'sec')], null);
    expect(await replaceCompanyFacts(store, 'AAA', 'sec', syntheticFacts('AAA', 6, 2, 'sec'), 9)).toBe(6);
    const aaaSec = await listFacts(store.db, { tickers: ['AAA'], sourceKind: 'sec' });
    expect([aaaSec.length, versionsOf(aaaSec.map((f) => f.value))]).toEqual([6, [2]]);
    expect((await listFacts(store.db, { tickers: ['AAA'], sourceKind: 'bundled' })).length).toBe(3);
    expect((await listFacts(store.db, { tickers: ['BBB'] })).length).toBe(2);
    await store.close();
  });

  it('commits what runs alongside with the facts, and neither when it fails', async () => {
    const store = await openTestStore(dialect);
    await replaceCompanyFacts(store, 'AAA', 'sec', syntheticFacts('AAA', 4, 1), null, async (trx) => {
      await startRun(trx.db, 'alongside-ok');
    });
    const failing = replaceCompanyFacts(store, 'AAA', 'sec', syntheticFacts('AAA', 5, 2), null, async (trx) => {
      await startRun(trx.db, 'alongside-failed');
      throw new Error('validators could not be saved');
    });
    await expect(failing).rejects.toThrow('validators could not be saved');
    const facts = await listFacts(store.db, { tickers: ['AAA'] });
    expect([facts.length, versionsOf(facts.map((f) => f.value))]).toEqual([4, [1]]);
    const runs = await store.db.selectFrom('runs').select('kind').orderBy('id').execute();
    expect(runs.map((r) => r.kind)).toEqual(['alongside-ok']);
    await store.close();
  });

  it('joins the caller\'s transaction', async () => {
    const store = await openTestStore(dialect);
    await bulkInsertFacts(store, syntheticFacts('AAA', 2, 1), null);
    const failing = store.db.transaction().execute(async (trx) => {
      await replaceCompanyFacts({ db: trx, dialect: store.dialect }, 'AAA', 'sec', syntheticFacts('AAA', 3, 2), null);
      throw new Error('rolled back by the caller');
    });
    await expect(failing).rejects.toThrow('rolled back by the caller');
    expect(versionsOf((await listFacts(store.db)).map((f) => f.value))).toEqual([1]);
    await store.close();
  });

  it('refuses a fact of another company or source, which a later replace would not remove', async () => {
    const store = await openTestStore(dialect);
    await expect(replaceCompanyFacts(store, 'AAA', 'sec', syntheticFacts('BBB', 1), null)).rejects.toThrow(/given a fact for BBB from sec/);
    await expect(replaceCompanyFacts(store, 'AAA', 'sec', syntheticFacts('AAA', 1, 0, 'bundled'), null)).rejects.toThrow(/given a fact for AAA from bundled/);
    expect(await listFacts(store.db)).toEqual([]);
    await store.close();
  });
});
