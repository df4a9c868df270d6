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

export interface ReadCsvOptions {
  /**
   * Accept a file with a header and no rows. Off by default: loading a data file replaces what
   * the store holds from it, so an empty or truncated file would silently delete everything.
   */
  allowNoRows?: boolean;
}

export function readCsvFile<S extends z.ZodType>(file: string, schema: S, displayName = file, options: ReadCsvOptions = {}): CsvFile<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${displayName}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, { cause: e });
  }
  return parseCsvText(text, schema, displayName, options);
}

/** The header row of CSV text, names trimmed (empty when there is none). */
export function csvHeader(text: string, displayName: string): string[] {
  try {
    const [header] = parse(text, { to_line: 1, bom: true, relax_column_count: true }) as string[][];
    return (header ?? []).map((c) => c.trim());
  } catch (e) {
    throw new DataFileError(displayName, 1, `not valid CSV: ${(e as Error).message}`);
  }
}

/** Like readCsvFile, for text already in memory (a download). */
export function parseCsvText<S extends z.ZodType>(text: string, schema: S, displayName: string, options: ReadCsvOptions = {}): CsvFile<z.output<S>> {
  const sha256 = createHash('sha256').update(text).digest('hex');
  if (text.trim() === '') throw new DataFileError(displayName, 1, 'the file is empty: expected a header and data rows (nothing was loaded; the store keeps what it had)');
  let records: { record: Record<string, string>; info: { lines: number }; raw: string }[];
  let header: string[] = [];
  try {
    records = parse(text, {
      columns: (h: string[]) => (header = h.map((c) => c.trim())),
      skip_empty_lines: true,
      info: true,
      raw: true,
      bom: true,
    }) as any;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new DataFileError(displayName, err.lines ?? 1, `not valid CSV: ${err.message}`);
  }
  const missing = columnsOf(schema).filter((c) => !header.includes(c));
  if (missing.length) {
    throw new DataFileError(displayName, 1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header must name ${columnsOf(schema).join(', ')}; see docs/data.md)`);
  }
  if (records.length === 0 && !options.allowNoRows) {
    throw new DataFileError(displayName, 2, 'no data rows after the header (nothing was loaded; the store keeps what it had)');
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

/** The columns a row schema reads: the keys of its object shape. */
function columnsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** csv-parse counts lines to a record's end; its raw text (after any skipped empty lines) says how many it spans. */
function startLine(endLine: number, raw: string): number {
  const content = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  let breaks = 0;
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}
