// The series engine reads companies, then facts. A sync committing between the two reads must not
// give it new facts with an old company row: withReadSnapshot makes both reads see one state.
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { withReadSnapshot } from '../../src/store/read-snapshot.js';
import { replaceCompanyFacts } from '../../src/store/replace-company-facts.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { forEachDialect } from '../helpers/dialects.js';
import { syntheticFacts, versionsOf } from './synthetic-facts.js';

forEachDialect('read snapshot', (dialect) => {
  it('keeps seeing the state of its first read while another connection commits', async () => {
    const database = await dialect.createDatabase();
    const reader = await openStore(database.target);
    const writer = await openStore(database.target);
    try {
      await replaceCompanyFacts(writer, 'ZZZ', 'sec', syntheticFacts('ZZZ', 10, 1), null);
      const seen = await withReadSnapshot(reader, async (db) => {
        const before = versionsOf((await listFacts(db, { tickers: ['ZZZ'] })).map((f) => f.value));
        await replaceCompanyFacts(writer, 'ZZZ', 'sec', syntheticFacts('ZZZ', 12, 2), null);
        const after = await listFacts(db, { tickers: ['ZZZ'] });
        return { before, after: versionsOf(after.map((f) => f.value)), count: after.length };
      });
      expect(seen).toEqual({ before: [1], after: [1], count: 10 });
      // Outside the snapshot the commit is visible.
      expect(versionsOf((await listFacts(reader.db, { tickers: ['ZZZ'] })).map((f) => f.value))).toEqual([2]);
    } finally {
      await reader.close();
      await writer.close();
      await database.drop();
    }
  });
});
