// Two airace processes on one new database at once (the dashboard starting while a sync runs,
// two syncs from cron): migrations run once, the bundled data loads once, syncs take turns, and
// the company they both replace ends with exactly one complete set of facts.
import { expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/database.js';
import { countFacts, listFacts } from '../../src/store/facts-repository.js';
import { forEachDialect } from '../helpers/dialects.js';
import { csvFacts } from '../helpers/facts-csv.js';
import { versionsOf } from './synthetic-facts.js';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('./fixtures/sync-worker.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = 3;

forEachDialect('concurrent processes', (dialect) => {
  it('lets two processes migrate, load and sync one new database without duplicating anything', async () => {
    const database = await dialect.createDatabase();
    try {
      const outputs = await Promise.all(
        [1, 2].map((n) => run(process.execPath, ['--import', 'tsx', worker, database.target, String(n), String(ROUNDS)], { cwd: root })),
      );
      const reports = outputs.map((o) => JSON.parse(o.stdout) as { worker: number; loaded: boolean });
      // At most one process loads; the other finds the data already there (or loads nothing new).
      expect(reports.filter((r) => r.loaded).length).toBeLessThanOrEqual(1);

      const store = await openStore(database.target);
      try {
        expect(await countFacts(store.db)).toBe(csvFacts.length + (await listFacts(store.db, { tickers: ['ZZZ'] })).length);
        expect(await listFacts(store.db, { sourceKind: 'bundled' })).toHaveLength(csvFacts.length);
        const counters = await store.db.selectFrom('runs').select('detail').where('kind', '=', 'counter').orderBy('id').execute();
        expect(counters.map((c) => Number(c.detail))).toEqual(Array.from({ length: 2 * ROUNDS }, (_, i) => i + 1));
        const zzz = await listFacts(store.db, { tickers: ['ZZZ'] });
        const [version] = versionsOf(zzz.map((f) => f.value));
        expect(versionsOf(zzz.map((f) => f.value))).toHaveLength(1);
        expect(zzz).toHaveLength(1700 + version!);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });
});
