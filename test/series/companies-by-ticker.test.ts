// Companies looked up by ticker are kept per store generation: a company another connection
// (another process) adds or changes, or this one does, is in the next lookup; a transaction
// reads afresh; and the answer is the store's, row for row, as companiesByTicker reads it.
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { companiesByTicker, upsertCompany } from '../../src/store/companies-repository.js';
import { storedCompaniesByTicker } from '../../src/series/companies-by-ticker.js';
import { lookupCompanies } from '../../src/series/company-lookup.js';
import type { Company } from '../../src/model/company.js';
import { forEachDialect } from '../helpers/dialects.js';

const company = (ticker: string, name: string): Company => ({
  ticker, name, kind: 'company', cik: null, country: 'US', fiscalYearEndMonth: 12, currency: 'USD', colour: '#000000', aliases: [], members: [],
});

forEachDialect('companies by ticker', (dialect) => {
  it('answers as the store does, and sees a write by another connection or by this one at the next lookup', async () => {
    const database = await dialect.createDatabase();
    const reader = await openStore(database.target);
    const writer = await openStore(database.target);
    try {
      await upsertCompany(writer.db, company('AAA', 'Alpha Corp'), 'bundled');
      await upsertCompany(writer.db, company('BBB', 'Beta Inc.'), 'bundled');
      const asked = ['BBB', 'AAA', 'ZZZ'];
      const first = await storedCompaniesByTicker(reader.db, asked);
      expect(first).toEqual(await companiesByTicker(reader.db, asked));
      expect(first.map((c) => c.ticker).sort()).toEqual(['AAA', 'BBB']);
      // The caller's own array: changing it changes nothing the next caller gets.
      first.pop();
      expect((await storedCompaniesByTicker(reader.db, asked)).length).toBe(2);
      // Another connection adds the missing one and renames another: the next lookup has both.
      await upsertCompany(writer.db, company('ZZZ', 'Zeta'), 'bundled');
      await upsertCompany(writer.db, company('AAA', 'Alpha Corporation'), 'bundled');
      const after = await storedCompaniesByTicker(reader.db, asked);
      expect(after).toEqual(await companiesByTicker(reader.db, asked));
      expect(after.find((c) => c.ticker === 'AAA')?.name).toBe('Alpha Corporation');
      expect((await lookupCompanies(reader.db, ['ZZZ'])).chosen.map((c) => c.name)).toEqual(['Zeta']);
      // This connection's own write is seen too.
      await upsertCompany(reader.db, company('BBB', 'Beta Holdings'), 'bundled');
      expect((await storedCompaniesByTicker(reader.db, ['BBB']))[0]?.name).toBe('Beta Holdings');
      // Inside a transaction the lookup is read there, with the transaction's own writes.
      const inside = await reader.db.transaction().execute(async (trx) => {
        await upsertCompany(trx, company('CCC', 'Gamma'), 'bundled');
        return (await storedCompaniesByTicker(trx, ['CCC'])).map((c) => c.name);
      });
      expect(inside).toEqual(['Gamma']);
    } finally {
      await reader.close();
      await writer.close();
      await database.drop();
    }
  });
});
