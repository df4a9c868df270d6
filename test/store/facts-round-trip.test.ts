// What goes into the facts table comes back the same on every dialect: numbers as JS numbers
// (not the strings pg returns for bigint), dates as 'YYYY-MM-DD' text, NULL apart from "".
import { expect, it } from 'vitest';
import { insertFacts, listFacts, countFacts } from '../../src/store/facts-repository.js';
import { upsertCompany, listCompanies } from '../../src/store/companies-repository.js';
import type { Company } from '../../src/model/company.js';
import { forEachDialect, openTestStore } from '../helpers/dialects.js';
import { AWKWARD_FACTS, AWKWARD_STORED } from './awkward-facts.js';

forEachDialect('facts round trip', (dialect) => {
  it('gives back every fact exactly as inserted, with the same ids and order', async () => {
    const store = await openTestStore(dialect);
    await insertFacts(store.db, AWKWARD_FACTS, null, store.dialect.maxParameters);
    const stored = await listFacts(store.db);
    expect(stored).toEqual(AWKWARD_STORED);
    // Byte-identical JSON is what the API serves.
    expect(JSON.stringify(stored)).toBe(JSON.stringify(AWKWARD_STORED));
    await store.close();
  });

  it('returns numbers, not strings, from every integer and float column and from count(*)', async () => {
    const store = await openTestStore(dialect);
    await insertFacts(store.db, AWKWARD_FACTS, 7, store.dialect.maxParameters);
    const raw = await store.db.selectFrom('facts').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect([typeof raw.id, typeof raw.value, typeof raw.fy, typeof raw.preferred, typeof raw.run_id]).toEqual(['number', 'number', 'number', 'number', 'number']);
    expect(raw.period_end).toBe('2024-12-31');
    const n = await store.db.selectFrom('facts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(n.n).toBe(3);
    expect(await countFacts(store.db)).toBe(3);
    await store.close();
  });

  it('keeps a ten-digit CIK (a bigint column) as a number', async () => {
    const store = await openTestStore(dialect);
    const c: Company = {
      ticker: 'BIG', name: 'Big CIK Inc.', kind: 'company', cik: 9_999_999_999, country: 'US', fiscalYearEndMonth: 6, currency: 'USD',
      colour: '#123456', aliases: ['Big "One"'], members: [],
    };
    await upsertCompany(store.db, c, 'sec');
    const raw = await store.db.selectFrom('companies').select(['cik', 'fiscal_year_end_month']).executeTakeFirstOrThrow();
    expect(raw).toEqual({ cik: 9_999_999_999, fiscal_year_end_month: 6 });
    expect(await listCompanies(store.db)).toEqual([c]);
    await store.close();
  });
});
