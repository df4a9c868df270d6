// The company list the series layer keeps per store generation: a company another connection
// (another process) adds, or this one adds, is in the next read; a transaction reads afresh; and
// the indexed lookup answers exactly as the linear findCompany does.
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { upsertCompany } from '../../src/store/companies-repository.js';
import { companyDirectory } from '../../src/series/company-directory.js';
import { allCompanies } from '../../src/series/read-db.js';
import { listEvents } from '../../src/series/events.js';
import { CompanyIndex, findCompany } from '../../src/model/company-match.js';
import type { Company } from '../../src/model/company.js';
import { forEachDialect } from '../helpers/dialects.js';

const company = (ticker: string, name: string, aliases: string[] = []): Company => ({
  ticker, name, kind: 'company', cik: null, country: 'US', fiscalYearEndMonth: 12, currency: 'USD', colour: '#000000', aliases, members: [],
});

forEachDialect('company directory', (dialect) => {
  it('sees a company added by another connection or by this one at the next read, and is kept otherwise', async () => {
    const database = await dialect.createDatabase();
    const reader = await openStore(database.target);
    const writer = await openStore(database.target);
    try {
      await upsertCompany(writer.db, company('AAA', 'Alpha Corp'), 'bundled');
      const first = await companyDirectory(reader.db);
      expect(first.all.map((c) => c.ticker)).toEqual(['AAA']);
      // Nothing changed: the same list, not a second read.
      expect(await companyDirectory(reader.db)).toBe(first);
      await upsertCompany(writer.db, company('BBB', 'Beta Inc.', ['Bee']), 'bundled');
      expect((await allCompanies(reader.db)).map((c) => c.ticker)).toEqual(['AAA', 'BBB']);
      expect((await companyDirectory(reader.db)).index.find('bee')?.ticker).toBe('BBB');
      await upsertCompany(reader.db, company('CCC', 'Gamma'), 'bundled');
      expect((await allCompanies(reader.db)).map((c) => c.ticker)).toEqual(['AAA', 'BBB', 'CCC']);
      // Inside a transaction the list is read there, so the transaction's own writes are in it.
      const inside = await reader.db.transaction().execute(async (trx) => {
        await upsertCompany(trx, company('DDD', 'Delta'), 'bundled');
        return (await companyDirectory(trx)).all.map((c) => c.ticker);
      });
      expect(inside).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
      expect((await allCompanies(reader.db)).map((c) => c.ticker)).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
      // The caller's copy can be changed without changing what the next caller gets.
      (await allCompanies(reader.db)).pop();
      expect((await allCompanies(reader.db)).length).toBe(4);
      expect((await listEvents(reader.db)).length).toBe(0);
    } finally {
      await reader.close();
      await writer.close();
      await database.drop();
    }
  });
});

it('CompanyIndex finds what findCompany finds: tickers before names before aliases, the first in list order', () => {
  const list = [
    company('GOOGL', 'Alphabet Inc.', ['Google', 'Alphabet']),
    company('GOOG', 'Alphabet Class C', ['Google']),
    company('ALPHABET', 'Other Co', ['Goog']),
    company('META', 'Meta Platforms, Inc.', ['Facebook']),
    company('FB', 'Facebook Holdings', []),
  ];
  const index = new CompanyIndex(list);
  const queries = ['googl', 'Google', 'alphabet', ' Alphabet Inc ', 'Alphabet, Inc.', 'goog', 'Facebook', 'fb', 'meta platforms inc', 'nobody', ''];
  for (const q of queries) expect(index.find(q)?.ticker, q).toBe(findCompany(list, q)?.ticker);
  expect(index.find('alphabet')?.ticker).toBe('ALPHABET');
  expect(index.find('facebook')?.ticker).toBe('META');
  expect(index.find('Facebook Holdings')?.ticker).toBe('FB');
  expect(() => index.resolve(['nobody'])).toThrow(/nobody/);
});
