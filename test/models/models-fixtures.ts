// The shared Epoch AI files (third-party, CC BY 4.0) are read from ../shared/data/models/ and
// never copied into the repository. Variants (renamed or reordered columns, a broken row) are
// generated here from them in memory. Without ../shared the suites that need it skip, and the run says so.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isAvailable } from '../helpers/requirements.js';

export const SHARED_MODELS_DIR = join('..', 'shared', 'data', 'models');
export const TRANSCRIBED_FILE = join(SHARED_MODELS_DIR, 'models.csv');
export const EPOCH_FILE = join(SHARED_MODELS_DIR, 'epoch-notable-ai-models-2025-04.csv');

/** Whether Epoch AI's files are here; suites needing them declare `needs('shared-models')`. */
export const sharedModelsPresent = isAvailable('shared-models');

export const readShared = (file: string) => readFileSync(file, 'utf8');

/** A CSV as a header and rows of cells, read independently of airace's parser. */
export function table(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parse(text, { bom: true }) as string[][];
  return { header: header!, rows };
}

export function toText(header: string[], rows: string[][]): string {
  return stringify([header, ...rows]);
}

/** The same table with its columns renamed (old → new) and reordered (reversed), plus an extra column. */
export function reshaped(text: string, renames: Record<string, string>): string {
  const { header, rows } = table(text);
  const order = header.map((_, i) => i).reverse();
  const newHeader = [...order.map((i) => renames[header[i]!] ?? header[i]!), 'Some column Epoch added later'];
  return toText(newHeader, rows.map((r) => [...order.map((i) => r[i]!), 'x']));
}

/** The table with one cell of data row `index` (0-based) replaced. */
export function withCell(text: string, index: number, column: string, value: string): string {
  const { header, rows } = table(text);
  const c = header.indexOf(column);
  if (c < 0) throw new Error(`no column ${column}`);
  const copy = rows.map((r) => [...r]);
  copy[index]![c] = value;
  return toText(header, copy);
}

/** The first `n` data rows only. */
export function firstRows(text: string, n: number): string {
  const { header, rows } = table(text);
  return toText(header, rows.slice(0, n));
}

/** Writes text to a file in a fresh temporary folder. */
export function tempFile(name: string, text: string): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'airace-models-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The line each data row starts on: 1 + the line breaks before the byte where the previous record ended. */
export function startLines(text: string): number[] {
  const records = parse(text, { bom: true, info: true }) as unknown as { info: { bytes: number } }[];
  const bytes = Buffer.from(text);
  const out: number[] = [];
  let breaks = 0;
  let at = 0;
  for (const r of records.slice(0, -1)) {
    for (; at < r.info.bytes; at++) if (bytes[at] === 0x0a) breaks++;
    out.push(1 + breaks);
  }
  return out;
}
