// The reviewed listings table: every row checked with file:line errors, and loaded for the
// companies the store holds (a store from another data folder holds others).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readListingsCsv } from '../../src/ingest/prices/listings-csv.js';
import { ensureListings } from '../../src/ingest/prices/bundled-listings.js';
import { readCompaniesCsv } from '../../src/ingest/companies-csv.js';
import { bundledDataDir } from '../../src/config/paths.js';
import { listListings } from '../../src/store/listings-repository.js';
import { upsertCompany } from '../../src/store/companies-repository.js';
import { openTestStore, DIALECTS } from '../helpers/dialects.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const HEADER = 'listing,ticker,symbol,exchange,country,currency,kind,primary,words,note';
const known = new Set(['BABA', 'MSFT']);

function file(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'airace-listings-'));
  dirs.push(dir);
  const path = join(dir, 'listings.csv');
  writeFileSync(path, [HEADER, ...lines].join('\n') + '\n');
  return path;
}

describe('data/listings.csv', () => {
  it('names only companies in data/companies.csv, one primary listing each', () => {
    const companies = readCompaniesCsv(join(bundledDataDir(), 'companies.csv'), 'data/companies.csv').rows.map((r) => r.value);
    const listings = readListingsCsv(join(bundledDataDir(), 'listings.csv'), 'data/listings.csv', new Set(companies.map((c) => c.ticker))).rows.map((r) => r.value);
    expect(listings.filter((l) => l.ticker === 'BABA').map((l) => [l.id, l.symbol, l.exchange, l.currency, l.primary])).toEqual([
      ['BABA', 'baba.us', 'NYSE', 'USD', true],
      ['9988.HK', '9988.hk', 'HKEX', 'HKD', false],
    ]);
    for (const c of companies.filter((x) => x.kind === 'company')) expect(listings.filter((l) => l.ticker === c.ticker && l.primary), c.ticker).toHaveLength(1);
  });

  it('refuses a bad row with file:line', () => {
    const bad = (lines: string[], message: RegExp) => expect(() => readListingsCsv(file(lines), 'listings.csv', known)).toThrow(message);
    bad(['X,NOPE,x.us,NYSE,US,USD,ordinary,1,,'], /^listings\.csv:2: ticker: unknown company NOPE/);
    bad(['BABA,BABA,baba.us,NYSE,US,USD,ADR,1,,', 'BABA2,BABA,baba.us,NYSE,US,USD,ADR,0,,'], /^listings\.csv:3: duplicate listing baba\.us \(first at line 2\)/);
    bad(['BABA,BABA,baba.us,NYSE,US,USD,ADR,1,,', '9988.HK,BABA,9988.hk,HKEX,HK,HKD,ordinary,1,,'], /^listings\.csv:3: BABA already has a primary listing \(line 2\)/);
    bad(['9988.HK,BABA,9988.hk,HKEX,HK,HKD,ordinary,0,,'], /^listings\.csv:2: BABA has no primary listing/);
    bad(['BABA,BABA,BABA.US,NYSE,US,USD,ADR,1,,'], /^listings\.csv:2: symbol: expected the price source symbol in lower case/);
    bad(['BABA,BABA,baba.us,NYSE,US,usd,ADR,1,,'], /^listings\.csv:2: currency: expected an ISO currency code/);
  });
});

for (const dialect of DIALECTS) {
  describe(`ensureListings (${dialect.name})`, () => {
    it('loads the listings of the companies the store holds, and the rest when their companies arrive', async () => {
      const store = await openTestStore(dialect);
      try {
        const companies = readCompaniesCsv(join(bundledDataDir(), 'companies.csv'), 'data/companies.csv').rows.map((r) => r.value);
        await upsertCompany(store.db, companies.find((c) => c.ticker === 'MSFT')!, 'bundled');
        expect(await ensureListings(store)).toEqual({ loaded: true, listings: 1 });
        expect((await listListings(store.db)).map((l) => l.id)).toEqual(['MSFT']);
        expect(await ensureListings(store)).toEqual({ loaded: false, listings: 1 });
        await upsertCompany(store.db, companies.find((c) => c.ticker === 'BABA')!, 'bundled');
        expect((await ensureListings(store)).loaded).toBe(true);
        expect((await listListings(store.db)).map((l) => l.id)).toEqual(['BABA', '9988.HK', 'MSFT']);
      } finally {
        await store.close();
      }
    });

    it('checks a changed file against the companies.csv beside it, and loads nothing from a bad one', async () => {
      const store = await openTestStore(dialect);
      const dir = mkdtempSync(join(tmpdir(), 'airace-listings-'));
      dirs.push(dir);
      try {
        copyFileSync(join(bundledDataDir(), 'companies.csv'), join(dir, 'companies.csv'));
        const companies = readCompaniesCsv(join(dir, 'companies.csv'), 'companies.csv').rows.map((r) => r.value);
        for (const c of companies) await upsertCompany(store.db, c, 'bundled');
        writeFileSync(join(dir, 'listings.csv'), readFileSync(join(bundledDataDir(), 'listings.csv'), 'utf8') + 'ZZZ,ZZZ,zzz.us,NYSE,US,USD,ordinary,1,,\n');
        await expect(ensureListings(store, { dataDir: dir })).rejects.toThrow(/listings\.csv:8: ticker: unknown company ZZZ/);
        expect(await listListings(store.db)).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}
