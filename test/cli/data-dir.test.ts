// `airace init --data-dir`: a bad folder is refused and leaves the store as it was; a good one is
// remembered, so a later plain command does not silently put the bundled data back (issue 19, finding 8).
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { csvFacts, preferredValue } from '../helpers/facts-csv.js';

const dataDir = new URL('../../data', import.meta.url).pathname;

function folderWith(edit: (factsCsv: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'airace-data-dir-'));
  cpSync(dataDir, dir, { recursive: true });
  writeFileSync(join(dir, 'facts.csv'), edit(readFileSync(join(dir, 'facts.csv'), 'utf8')));
  return dir;
}

async function factCount(db: string): Promise<number> {
  const r = await runCli(['--db', db, 'facts', 'AMZN', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).facts.length;
}

async function amazonCapex2024(db: string): Promise<{ value: number; stderr: string }> {
  const r = await runCli(['--db', db, 'series', '--metric', 'capex', '--companies', 'AMZN', '--period', 'fy', '--from', '2024', '--to', '2024', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return { value: JSON.parse(r.stdout).series[0].points[0].value, stderr: r.stderr };
}

describe('init --data-dir', () => {
  it('refuses a header-only or empty facts.csv with file:line and keeps every stored fact', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'airace-cli-')), 'airace.db');
    expect((await runCli(['--db', db, 'init'])).code).toBe(0);
    const amazonFacts = await factCount(db);
    expect(amazonFacts).toBe(csvFacts.filter((f) => f.ticker === 'AMZN').length);
    for (const [edit, line] of [[(s: string) => s.split('\n')[0] + '\n', 2], [() => '', 1]] as const) {
      const dir = folderWith(edit);
      const r = await runCli(['--db', db, 'init', '--data-dir', dir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${join(dir, 'facts.csv')}:${line}: `);
      expect(r.stderr).toMatch(/nothing was loaded; the store keeps what it had/);
      expect(await factCount(db)).toBe(amazonFacts);
    }
  });

  it('remembers the chosen folder for later commands until init --bundled', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'airace-cli-')), 'airace.db');
    const bundled = preferredValue('AMZN', 'capex', '2024-01-01', '2024-12-31');
    // SYNTHETIC edit so the two folders can be told apart: Amazon's FY2024 capex becomes 1 (million).
    const dir = folderWith((s) => s.replace(/^(AMZN,capex,2024-01-01,2024-12-31,)82999,(.*,1,https:\/\/www\.sec\.gov\/)/m, '$11,$2'));
    const init = await runCli(['--db', db, 'init', '--data-dir', dir]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`from ${dir} (remembered`);
    const later = await amazonCapex2024(db);
    expect(later.value).toBe(1e6);
    expect(later.stderr).not.toMatch(/loaded/);
    expect((await amazonCapex2024(db)).value).toBe(1e6);
    const back = await runCli(['--db', db, 'init', '--bundled']);
    expect(back.stdout).toMatch(/from the bundled data\//);
    expect((await amazonCapex2024(db)).value).toBe(bundled);
  });

  it('says how to recover when the remembered folder is gone', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'airace-cli-')), 'airace.db');
    const dir = folderWith((s) => s);
    expect((await runCli(['--db', db, 'init', '--data-dir', dir])).code).toBe(0);
    const { rmSync } = await import('node:fs');
    rmSync(dir, { recursive: true });
    const r = await runCli(['--db', db, 'companies']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the data folder ${dir} (chosen with airace init --data-dir) is missing`);
    expect(r.stderr).toContain('airace init --bundled');
  });
});
