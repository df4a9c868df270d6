// data/listings.csv: the reviewed table of where each company's shares trade. Every row is
// checked (file:line errors): known company, unique listing and symbol, one primary listing
// per company, ISO country and currency.
import { z } from 'zod';
import type { Listing } from '../../model/listing.js';
import { readCsvFile, type CsvFile } from '../read-csv-file.js';
import { semicolonList, text, ticker } from '../csv-fields.js';
import { DataFileError } from '../data-file-error.js';

const listingRow = z.object({
  listing: ticker,
  ticker,
  symbol: z.string().regex(/^[a-z0-9^][a-z0-9._-]*$/, 'expected the price source symbol in lower case (baba.us, 9988.hk)'),
  exchange: z.string().min(1, 'exchange is required'),
  country: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code'),
  kind: z.string().min(1, 'kind is required (ordinary, ADR, class A...)'),
  primary: z.enum(['0', '1'], { message: 'expected 1 (the primary listing) or 0' }).transform((v) => v === '1'),
  words: semicolonList,
  note: text,
});

export function readListingsCsv(path: string, displayName: string, knownTickers: ReadonlySet<string>): CsvFile<Listing> {
  const file = readCsvFile(path, listingRow, displayName);
  const ids = new Map<string, number>();
  const symbols = new Map<string, number>();
  const primaries = new Map<string, number>();
  for (const { line, value: v } of file.rows) {
    if (!knownTickers.has(v.ticker)) throw new DataFileError(displayName, line, `ticker: unknown company ${v.ticker} (add it to companies.csv first)`);
    const first = ids.get(v.listing) ?? symbols.get(v.symbol);
    if (first) throw new DataFileError(displayName, line, `duplicate listing ${ids.has(v.listing) ? v.listing : v.symbol} (first at line ${first})`);
    ids.set(v.listing, line);
    symbols.set(v.symbol, line);
    if (v.primary) {
      const other = primaries.get(v.ticker);
      if (other) throw new DataFileError(displayName, line, `${v.ticker} already has a primary listing (line ${other})`);
      primaries.set(v.ticker, line);
    }
  }
  for (const { line, value: v } of file.rows) {
    if (!primaries.has(v.ticker)) throw new DataFileError(displayName, line, `${v.ticker} has no primary listing: mark one with primary=1`);
  }
  return {
    ...file,
    rows: file.rows.map(({ line, value: v }) => ({
      line,
      value: { id: v.listing, ticker: v.ticker, symbol: v.symbol, exchange: v.exchange, country: v.country, currency: v.currency, kind: v.kind, primary: v.primary, words: v.words, note: v.note, sourceKind: 'bundled' as const },
    })),
  };
}
