import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { readExample } from './check-helpers.js';

let dir: string;
let db: string;
let article: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'airace-check-'));
  db = join(dir, 'airace.db');
  article = join(dir, 'big-four.md');
  writeFileSync(article, readExample('big-four-capex.md'));
});

describe('airace check', () => {
  it('prints the JSON report and writes the described charts into a folder of their own', async () => {
    const r = await runCli(['--db', db, 'check', article, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const text = readFileSync(article, 'utf8');
    for (const c of json.claims) {
      expect(text).toContain(c.text);
      expect(['supported', 'close', 'contradicted', 'not-checkable']).toContain(c.verdict);
    }
    const wrong = json.claims.find((c: { text: string }) => c.text.includes('$81.5 billion'));
    expect(wrong).toMatchObject({ verdict: 'contradicted', actual: { value: 91_447e6 } });
    expect(json.charts).toHaveLength(2);
    const folder = join(dir, 'big-four-charts');
    expect(json.charts[0].files).toEqual([join(folder, 'big-four-chart-1.svg'), join(folder, 'big-four-chart-1.png')]);
    for (const f of json.charts.flatMap((c: { files: string[] }) => c.files)) expect(existsSync(f)).toBe(true);
    expect(readFileSync(join(folder, 'big-four-chart-1.svg'), 'utf8')).toMatch(/^<svg[^>]* role="img" aria-label="Grouped column chart of capital expenditures/);
    // Nothing is written beside the article itself.
    expect(existsSync(join(dir, 'big-four-chart-1.svg'))).toBe(false);
  }, 120_000);

  it('never overwrites chart files without --force', async () => {
    const folder = join(dir, 'big-four-charts');
    writeFileSync(join(folder, 'big-four-chart-1.svg'), 'mine');
    const again = await runCli(['--db', db, 'check', article]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/would overwrite .*big-four-chart-1\.svg.*--force/);
    expect(readFileSync(join(folder, 'big-four-chart-1.svg'), 'utf8')).toBe('mine');
    const forced = await runCli(['--db', db, 'check', article, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, 'big-four-chart-1.svg'), 'utf8')).toMatch(/^<svg/);
  }, 120_000);

  it('writes charts to --charts-dir, takes --date, and prints text by default', async () => {
    const charts = join(dir, 'charts');
    const plain = join(dir, 'plain.txt');
    writeFileSync(plain, 'Alibaba shares have gained 70% this year, and the company is confident. A line chart of Alibaba revenue from 2023 to 2025 says the rest.');
    const r = await runCli(['--db', db, 'check', plain, '--charts-dir', charts, '--date', '2025-02-25']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Article date: 2025-02-25 (given with --date)');
    expect(r.stdout).toContain('NOT CHECKABLE (change) “Alibaba shares have gained 70% this year”');
    expect(r.stdout).toContain('why      price data not in airace');
    expect(existsSync(join(charts, 'plain-chart-1.svg'))).toBe(true);
  }, 120_000);

  it('prints markdown, skips charts on request, and rejects a bad date', async () => {
    const r = await runCli(['--db', db, 'check', article, '--format', 'md', '--no-charts']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## airace check/);
    expect(r.stdout).toContain('| ❌ contradicted | Alphabet spent $81.5 billion over the same year |');
    const bad = await runCli(['--db', db, 'check', article, '--date', '25 Feb 2025']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid date: 25 Feb 2025');
  });
});
