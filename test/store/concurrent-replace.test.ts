// While a sync replaces a company's facts, readers on other connections see the complete old set
// or the complete new set, never a mix; replaces of one company racing each other leave one set.
import { expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { replaceCompanyFacts } from '../../src/store/replace-company-facts.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { forEachDialect, openTestStore } from '../helpers/dialects.js';
import { syntheticFacts } from './synthetic-facts.js';

/** Set `v` has its own size, over 1,700 rows: several INSERT statements on SQLite, so readers get chances mid-insert. */
const sizeOf = (v: number) => 1700 + ((v * 397) % 1500);
const checksumOf = (v: number) => v * 1_000_000 * sizeOf(v) + (sizeOf(v) * (sizeOf(v) - 1)) / 2;

interface Seen {
  count: number;
  checksum: number;
  versions: number[];
}

/** One read, the way the series engine reads: one query for the company's facts. */
async function look(store: Store): Promise<Seen> {
  const facts = await listFacts(store.db, { tickers: ['ZZZ'], sourceKind: 'sec' });
  const values = facts.map((f) => f.value);
  return {
    count: values.length,
    checksum: values.reduce((a, b) => a + b, 0),
    versions: [...new Set(values.map((x) => Math.floor(x / 1_000_000)))].sort((a, b) => a - b),
  };
}

/** What a complete set `v` looks like (v = null: nothing stored yet). */
const complete = (v: number | null): Seen =>
  v === null ? { count: 0, checksum: 0, versions: [] } : { count: sizeOf(v), checksum: checksumOf(v), versions: [v] };

const isComplete = (s: Seen) => s.count === 0 || (s.versions.length === 1 && s.count === sizeOf(s.versions[0]!) && s.checksum === checksumOf(s.versions[0]!));

forEachDialect('concurrent replace', (dialect) => {
  it('shows readers on another connection only complete old or new sets', async () => {
    const database = await dialect.createDatabase();
    const writer = await openStore(database.target);
    const reader = await openStore(database.target);
    try {
      const rounds = 6;
      const inside: Seen[] = [];
      const after: Seen[] = [];
      const during: Seen[] = [];
      let writing = true;

      const writes = (async () => {
        for (let v = 1; v <= rounds; v++) {
          await replaceCompanyFacts(writer, 'ZZZ', 'sec', syntheticFacts('ZZZ', sizeOf(v), v), null, async () => {
            // Deleted and inserted but not committed: another connection must still see set v-1.
            inside.push(await look(reader));
          });
          after.push(await look(reader));
        }
        writing = false;
      })();
      const reads = (async () => {
        do during.push(await look(reader));
        while (writing);
      })();
      await Promise.all([writes, reads]);

      expect(inside).toEqual(Array.from({ length: rounds }, (_, i) => complete(i === 0 ? null : i)));
      expect(after).toEqual(Array.from({ length: rounds }, (_, i) => complete(i + 1)));
      expect(during.length).toBeGreaterThan(0);
      for (const s of during) expect(isComplete(s), JSON.stringify(s)).toBe(true);
    } finally {
      await writer.close();
      await reader.close();
      await database.drop();
    }
  });

  it('leaves exactly one complete set when replaces of one company race', async () => {
    // One store: the sync's workers share it. SQLite runs one transaction at a time on its
    // connection; PostgreSQL runs them on separate pooled connections, truly at once.
    const store = await openTestStore(dialect);
    const versions = [1, 2, 3, 4, 5, 6];
    for (let round = 0; round < 3; round++) {
      await Promise.all(versions.map((v) => replaceCompanyFacts(store, 'ZZZ', 'sec', syntheticFacts('ZZZ', sizeOf(v), v), null)));
      const seen = await look(store);
      expect(seen.versions).toHaveLength(1);
      expect(seen).toEqual(complete(seen.versions[0]!));
    }
    await store.close();
  });
});
