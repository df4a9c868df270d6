// withSyncLock: one sync at a time per store and name, across connections (two stores on one
// database stand in for two processes; concurrent-processes.test.ts uses real ones).
import { expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { withSyncLock } from '../../src/store/sync-lock.js';
import { replaceCompanyFacts } from '../../src/store/replace-company-facts.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { startRun } from '../../src/store/runs-repository.js';
import { forEachDialect, type TestDialect } from '../helpers/dialects.js';
import { syntheticFacts, versionsOf } from './synthetic-facts.js';

/** Two stores (two connections or pools) on one fresh database. */
async function twoStores(dialect: TestDialect, fn: (a: Store, b: Store) => Promise<void>): Promise<void> {
  const database = await dialect.createDatabase();
  const a = await openStore(database.target);
  const b = await openStore(database.target);
  try {
    await fn(a, b);
  } finally {
    await a.close();
    await b.close();
    await database.drop();
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

forEachDialect('sync lock', (dialect) => {
  it('never lets two syncs inside at once: no lost counter update, one set of facts', () =>
    twoStores(dialect, async (a, b) => {
      let inside = 0;
      let most = 0;
      const rounds = 4;
      const sync = async (store: Store, version: number) => {
        for (let r = 0; r < rounds; r++) {
          await withSyncLock(store, 'sec', async () => {
            most = Math.max(most, ++inside);
            // Read, yield, write: two holders at once would both write the same next number.
            const last = await store.db.selectFrom('runs').select('detail').where('kind', '=', 'counter').orderBy('id', 'desc').executeTakeFirst();
            await new Promise((resolve) => setImmediate(resolve));
            const runId = await startRun(store.db, 'counter', String(Number(last?.detail ?? 0) + 1));
            await replaceCompanyFacts(store, 'ZZZ', 'sec', syntheticFacts('ZZZ', 50 + version, version * 10 + r), runId);
            inside--;
          });
        }
      };
      await Promise.all([sync(a, 1), sync(b, 2)]);
      expect(most).toBe(1);
      const counters = await a.db.selectFrom('runs').select('detail').where('kind', '=', 'counter').orderBy('id').execute();
      expect(counters.map((c) => Number(c.detail))).toEqual(Array.from({ length: 2 * rounds }, (_, i) => i + 1));
      const facts = await listFacts(b.db, { tickers: ['ZZZ'] });
      expect(versionsOf(facts.map((f) => f.value))).toHaveLength(1);
    }));

  it('tells the second sync who holds the lock, then runs it after the first', () =>
    twoStores(dialect, async (a, b) => {
      const order: string[] = [];
      const entered = deferred();
      const release = deferred();
      const first = withSyncLock(a, 'sec', async () => {
        order.push('first in');
        entered.resolve();
        await release.promise;
        order.push('first out');
      });
      await entered.promise;
      const waiting = deferred();
      let holder = '';
      const second = withSyncLock(b, 'sec', async () => order.push('second in'), {
        onWait: (info) => {
          holder = info.holder;
          waiting.resolve();
        },
      });
      await waiting.promise;
      expect(holder).toMatch(/pid \d+/);
      release.resolve();
      await Promise.all([first, second]);
      expect(order).toEqual(['first in', 'first out', 'second in']);
    }));

  it('releases the lock when the sync fails', () =>
    twoStores(dialect, async (a, b) => {
      await expect(withSyncLock(a, 'sec', async () => Promise.reject(new Error('SEC is down')))).rejects.toThrow('SEC is down');
      let waited = false;
      expect(await withSyncLock(b, 'sec', async () => 'ran', { onWait: () => (waited = true) })).toBe('ran');
      expect(waited).toBe(false);
    }));

  it('lets syncs under different names run at once', () =>
    twoStores(dialect, async (a, b) => {
      const release = deferred();
      const entered = deferred();
      const first = withSyncLock(a, 'sec', async () => {
        entered.resolve();
        await release.promise;
      });
      await entered.promise;
      let waited = false;
      expect(await withSyncLock(b, 'bulk', async () => 'ran', { onWait: () => (waited = true) })).toBe('ran');
      expect(waited).toBe(false);
      release.resolve();
      await first;
    }));
});
