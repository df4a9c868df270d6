// Reads a CSV data file and validates every row with a zod schema, reporting file:line.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { DataFileError } from './data-file-error.js';

export interface CsvRow<T> {
  line: number;
  value: T;
}

export interface CsvFile<T> {
  file: string;
  sha256: string;
  rows: CsvRow<T>[];
}

export function readCsvFile<S extends z.ZodType>(file: string, schema: S, displayName = file): CsvFile<z.output<S>> {
  const text = readFileSync(file, 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, info: true, bom: true }) as any;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new DataFileError(displayName, err.lines ?? 1, `not valid CSV: ${err.message}`);
  }
  const rows: CsvRow<z.output<S>>[] = [];
  for (const { record, info } of records) {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.');
      const got = field && field in record ? ` (got ${JSON.stringify(record[field])})` : '';
      throw new DataFileError(displayName, info.lines, `${field ? field + ': ' : ''}${issue.message}${got}`);
    }
    rows.push({ line: info.lines, value: parsed.data });
  }
  return { file: displayName, sha256, rows };
}
