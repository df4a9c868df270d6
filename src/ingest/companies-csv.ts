import { z } from 'zod';
import type { Company } from '../model/company.js';
import { readCsvFile, type CsvFile } from './read-csv-file.js';
import { semicolonList, ticker } from './csv-fields.js';
import { DataFileError } from './data-file-error.js';

const companyRow = z.object({
  ticker,
  name: z.string().min(1, 'name is required'),
  kind: z.enum(['company', 'group']),
  cik: z.union([z.literal('').transform(() => null), z.string().regex(/^\d{1,10}$/, 'expected a numeric CIK').transform(Number)]),
  country: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code'),
  fiscal_year_end_month: z.string().regex(/^(1[0-2]|[1-9])$/, 'expected a month 1-12').transform(Number),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code'),
  colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'expected a #RRGGBB colour'),
  aliases: semicolonList,
  members: semicolonList,
});

export function readCompaniesCsv(path: string, displayName: string): CsvFile<Company> {
  const file = readCsvFile(path, companyRow, displayName);
  const seen = new Map<string, number>();
  for (const { line, value } of file.rows) {
    const first = seen.get(value.ticker);
    if (first) throw new DataFileError(displayName, line, `duplicate ticker ${value.ticker} (first at line ${first})`);
    seen.set(value.ticker, line);
  }
  for (const { line, value } of file.rows) {
    for (const m of value.members) {
      if (!seen.has(m)) throw new DataFileError(displayName, line, `members: unknown ticker ${m}`);
    }
  }
  return {
    ...file,
    rows: file.rows.map(({ line, value: v }) => ({
      line,
      value: {
        ticker: v.ticker, name: v.name, kind: v.kind, cik: v.cik, country: v.country,
        fiscalYearEndMonth: v.fiscal_year_end_month, currency: v.currency, colour: v.colour,
        aliases: v.aliases, members: v.members,
      },
    })),
  };
}
