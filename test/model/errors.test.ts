// Errors map to an HTTP status and an exit code by class, never by decoding their message.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CommanderError } from '@commander-js/extra-typings';
import { CorruptStoreError, EmptyRangeError, ReadOnlyStoreError, InvalidOptionError, NotFoundError, RangeTooLongError, TooLargeError, UnknownChoiceError } from '../../src/model/errors.js';
import { DataFileError } from '../../src/ingest/data-file-error.js';
import { UnknownTickerError } from '../../src/ingest/sec/add-company.js';
import { toApiError } from '../../src/server/to-api-error.js';
import { exitCodeFor } from '../../src/cli/exit-code.js';

const ROWS: { error: Error; status: number | null; exit: number; parameter?: string }[] = [
  { error: new InvalidOptionError('scale', '100', ['a number from 1 to 4']), status: 400, exit: 2, parameter: 'scale' },
  { error: new UnknownChoiceError('metric', 'capx', ['capex', 'revenue']), status: 400, exit: 2, parameter: 'metric' },
  { error: new NotFoundError('company', 'XYZ', ['AMZN', 'MSFT']), status: 404, exit: 2, parameter: 'companies' },
  { error: new UnknownTickerError('NOPE', 'http://127.0.0.1/files/company_tickers.json'), status: 404, exit: 2, parameter: 'ticker' },
  { error: new EmptyRangeError('2025', '2022'), status: 400, exit: 2, parameter: 'to' },
  { error: new RangeTooLongError(500, 400), status: 400, exit: 2, parameter: 'to' },
  { error: new TooLargeError('article', 2_000_000), status: 413, exit: 2, parameter: 'text' },
  { error: new ReadOnlyStoreError('/srv/airace.db', 'the file is not writable', 'airace sync'), status: null, exit: 1 },
  { error: new CorruptStoreError('/srv/airace.db', ['Tree 13 page 13 cell 5: invalid page number']), status: null, exit: 1 },
  { error: new DataFileError('facts.csv', 5, 'value: expected a number'), status: null, exit: 1 },
  // A plain Error is a bug or a runtime failure, whatever its message says.
  { error: new Error('invalid scale: 100'), status: null, exit: 1 },
];

describe('errors map by class', () => {
  it.each(ROWS.map((r) => [r.error.name, r] as const))('%s → HTTP status and exit code', (_name, row) => {
    const api = toApiError(row.error);
    expect(api?.statusCode ?? null).toBe(row.status);
    expect(exitCodeFor(row.error)).toBe(row.exit);
    if (api && row.parameter) {
      expect(api.parameter).toBe(row.parameter);
      expect(api.message).toBe(row.error.message);
      // Every parameter error says what the parameter accepts.
      expect(api.allowed.length).toBeGreaterThan(0);
      expect(api.allowed.every((a) => a.length > 0)).toBe(true);
    }
  });

  it('commander usage errors exit 2, help and version 0', () => {
    expect(exitCodeFor(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--nope'"))).toBe(2);
    expect(exitCodeFor(new CommanderError(0, 'commander.helpDisplayed', ''))).toBe(0);
  });

  it('messages name the option, the value and what it accepts', () => {
    expect(new InvalidOptionError('from', 'abc', ['a year such as 2024', 'a quarter such as 2024-Q3']).message).toBe('invalid from: abc (expected a year such as 2024 or a quarter such as 2024-Q3)');
    expect(new EmptyRangeError('2025', '2022').message).toBe('empty range: from 2025 is after to 2022');
    const many = Array.from({ length: 100 }, (_, i) => `T${i}`);
    const e = new NotFoundError('company', 'XYZ', many);
    expect(e.message).toMatch(/valid: T0, T1, .* T39 … and 60 more\)$/);
    expect(e.allowed).toHaveLength(100);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

describe('no stringly typed usage errors', () => {
  it('no `new Error(\'invalid …\')` remains in src: usage errors are typed (src/model/errors.ts)', () => {
    const root = new URL('../../src', import.meta.url).pathname;
    const offenders = sourceFiles(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/new Error\(\s*['"`](invalid|unknown|empty range|range too long)\b/i.test(line) ? [`${file.slice(root.length + 1)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
