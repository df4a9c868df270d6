// Reads a CSV data file and validates every row with a zod schema, reporting file:line (the
// line a row starts on, so a row with a line break inside a quoted cell is found in an editor).
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
  return parseCsvText(readFileSync(file, 'utf8'), schema, displayName);
}

/** The header row of CSV text (empty when there is none). */
export function csvHeader(text: string, displayName: string): string[] {
  try {
    const [header] = parse(text, { to_line: 1, bom: true, relax_column_count: true }) as string[][];
    return header ?? [];
  } catch (e) {
    throw new DataFileError(displayName, 1, `not valid CSV: ${(e as Error).message}`);
  }
}

/** Like readCsvFile, for text already in memory (a download). */
export function parseCsvText<S extends z.ZodType>(text: string, schema: S, displayName: string): CsvFile<z.output<S>> {
  const sha256 = createHash('sha256').update(text).digest('hex');
  let records: { record: Record<string, string>; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, info: true, raw: true, bom: true }) as any;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new DataFileError(displayName, err.lines ?? 1, `not valid CSV: ${err.message}`);
  }
  const rows: CsvRow<z.output<S>>[] = [];
  for (const { record, info, raw } of records) {
    const line = startLine(info.lines, raw);
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.');
      const got = field && field in record ? ` (got ${JSON.stringify(record[field])})` : '';
      throw new DataFileError(displayName, line, `${field ? field + ': ' : ''}${issue.message}${got}`);
    }
    rows.push({ line, value: parsed.data });
  }
  return { file: displayName, sha256, rows };
}

/** csv-parse counts lines to a record's end; its raw text (after any skipped empty lines) says how many it spans. */
function startLine(endLine: number, raw: string): number {
  const content = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  let breaks = 0;
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}
