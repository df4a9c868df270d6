import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { countFacts } from '../../src/store/facts-repository.js';
import { csvFacts } from '../helpers/facts-csv.js';
import { forEachDialect, openTestStore } from '../helpers/dialects.js';

const dataDir = new URL('../../data', import.meta.url).pathname;

/** A copy of the bundled data with line `line` (1-based, header = 1) of facts.csv edited, or appended again. */
function corruptedCopy(line: number, replace: ((row: string) => string) | 'duplicate'): string {
  const dir = mkdtempSync(join(tmpdir(), 'airace-data-'));
  cpSync(dataDir, dir, { recursive: true });
  const lines = readFileSync(join(dir, 'facts.csv'), 'utf8').trimEnd().split('\n');
  if (replace === 'duplicate') lines.push(lines[line - 1]!);
  else lines[line - 1] = replace(lines[line - 1]!);
  writeFileSync(join(dir, 'facts.csv'), lines.join('\n') + '\n');
  return dir;
}

forEachDialect('ingest', (dialect) => {
  describe('bundled data', () => {
    it('loads every row of facts.csv, and loading again changes nothing', async () => {
      const store = await openTestStore(dialect);
      const first = await ensureBundledData(store);
      expect(first).toMatchObject({ loaded: true, facts: csvFacts.length });
      expect(await countFacts(store.db)).toBe(csvFacts.length);
      expect(await ensureBundledData(store)).toMatchObject({ loaded: false });
      expect(await countFacts(store.db)).toBe(csvFacts.length);
      await store.close();
    });

    it('stores values in currency units, not millions', async () => {
      const store = await openTestStore(dialect);
      await ensureBundledData(store);
      const row = await store.db.selectFrom('facts').selectAll().where('ticker', '=', 'AMZN').where('metric', '=', 'capex').where('period_end', '=', '2024-12-31').where('preferred', '=', 1).where('period_start', '=', '2024-01-01').executeTakeFirstOrThrow();
      const csv = csvFacts.find((f) => f.ticker === 'AMZN' && f.metric === 'capex' && f.period_start === '2024-01-01' && f.period_end === '2024-12-31' && f.preferred === '1')!;
      expect(row.value).toBe(Number(csv.value) * 1e6);
      expect(row.source_url).toBe(csv.source_url);
      await store.close();
    });

    it.each([
      ['a value that is not a number', (r: string) => r.replace(/,63645,/, ',sixty,'), /facts\.csv:\d+: value: expected a number \(got "sixty"\)/],
      ['an unknown ticker', (r: string) => r.replace(/^AMZN,/, 'ZZZZ,'), /facts\.csv:\d+: ticker: unknown company ZZZZ/],
      ['an impossible date', (r: string) => r.replace('2022-12-31', '2022-02-30'), /facts\.csv:\d+: period_end: not a real calendar date/],
      ['an unknown basis', (r: string) => r.replace(',actual,', ',hoped,'), /facts\.csv:\d+: basis: /],
      ['a second preferred row', 'duplicate' as const, /facts\.csv:\d+: preferred: a second preferred row for AMZN capex 2022-01-01\.\.2022-12-31 actual USD \(first at line \d+\)/],
    ])('rejects %s with file:line and loads nothing from the file', async (_what, edit, message) => {
      const lines = readFileSync(join(dataDir, 'facts.csv'), 'utf8').split('\n');
      const at = lines.findIndex((l) => l.startsWith('AMZN,capex,2022-01-01,2022-12-31,63645,')) + 1;
      expect(at).toBeGreaterThan(1);
      const dir = corruptedCopy(at, edit);
      const store = await openTestStore(dialect);
      const error = await ensureBundledData(store, { dataDir: dir }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(message);
      if (edit !== 'duplicate') expect((error as Error).message).toContain(`facts.csv:${at}:`);
      expect(await countFacts(store.db)).toBe(0);
      await store.close();
    });

    it('keeps what is stored when a changed file turns out bad', async () => {
      const store = await openTestStore(dialect);
      await ensureBundledData(store);
      const dir = corruptedCopy(5, (r) => r.replace(/,(\d+),(USD|CNY),/, ',oops,$2,'));
      await expect(ensureBundledData(store, { dataDir: dir })).rejects.toThrow(/facts\.csv:5: value/);
      expect(await countFacts(store.db)).toBe(csvFacts.length);
      await store.close();
    });
  });
});
