import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli } from '../helpers/run-cli.js';
import { preferredValue } from '../helpers/facts-csv.js';
import { needs } from '../helpers/requirements.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'airace-cli-'));
  db = join(dir, 'airace.db');
});

describe('airace CLI', () => {
  it('init loads the bundled data once, then reports it up to date', async () => {
    const first = await runCli(['--db', db, 'init']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Loaded \d+ facts for 6 companies/);
    const again = await runCli(['--db', db, 'init']);
    expect(again.stdout).toMatch(/^Up to date:/);
  });

  it('honours AIRACE_DB and creates the database on first use', async () => {
    const other = join(dir, 'nested', 'from-env.db');
    const r = await runCli(['companies'], { AIRACE_DB: other });
    expect(r.code).toBe(0);
    expect(existsSync(other)).toBe(true);
    expect(r.stderr).toContain('loaded');
  });

  it('lists companies with fiscal year ends and currencies', async () => {
    const r = await runCli(['--db', db, 'companies']);
    expect(r.stdout).toMatch(/MSFT\s+Microsoft\s+company\s+789019\s+US\s+Jun\s+USD/);
    expect(r.stdout).toMatch(/BABA\s+Alibaba\s+company\s+\d+\s+CN\s+Mar\s+CNY/);
  });

  it('prints the series JSON contract with values in currency units and ISO periods', async () => {
    const r = await runCli(['--db', db, 'series', '--metric', 'capex', '--companies', 'AMZN,MSFT,GOOGL,META', '--from', '2022', '--to', '2025', '--period', 'fy', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['metric', 'unit', 'currency', 'period', 'series']));
    expect(json).toMatchObject({ metric: 'capex', unit: 'USD', currency: 'USD', period: 'fy' });
    const msft = json.series.find((s: any) => s.ticker === 'MSFT');
    expect(msft.name).toBe('Microsoft');
    const fy24 = msft.points.find((p: any) => p.label === 'FY2024');
    expect(fy24).toMatchObject({ start: '2023-07-01', end: '2024-06-30', value: preferredValue('MSFT', 'capex', '2023-07-01', '2024-06-30'), basis: 'actual', complete: true, derived: false });
    for (const key of ['label', 'start', 'end', 'value', 'basis', 'complete', 'derived', 'sources']) expect(fy24).toHaveProperty(key);
    expect(fy24.sources[0].url).toMatch(/^https?:\/\//);
  });

  it('prints a labelled table with numbered sources, and CSV with raw values', async () => {
    const table = await runCli(['--db', db, 'series', '--companies', 'AMZN', '--from', '2024', '--to', '2024']);
    expect(table.stdout).toContain('in USD billions');
    expect(table.stdout).toMatch(/FY2024\s+83\.0 \[1\]/);
    expect(table.stdout).toMatch(/\[1\] Form 10-K, filed \d{4}-\d{2}-\d{2} · (XBRL|filing|mapped|secondary): https:\/\//);
    expect(table.stdout).toMatch(/^Data as of: figures to 2024-12-31/m);
    const csv = await runCli(['--db', db, 'series', '--companies', 'AMZN', '--from', '2024', '--to', '2024', '--format', 'csv']);
    const [header, row] = csv.stdout.trim().split('\n');
    expect(header).toMatch(/^ticker,name,metric,period,label,start,end,value,unit/);
    expect(row).toContain(`,FY2024,2024-01-01,2024-12-31,${preferredValue('AMZN', 'capex', '2024-01-01', '2024-12-31')},USD,`);
  });

  it.each([
    [['series', '--companies', 'AMZN,NOPE'], /unknown company: NOPE \(valid: .*AMZN.*MSFT/],
    [['series', '--metric', 'capexx'], /unknown metric: capexx \(valid: capex, /],
    [['series', '--period', 'month'], /unknown period: month \(valid: quarter, fy, cy, ttm\)/],
    [['chart', '--type', 'pie', '--out', 'x.svg'], /unknown type: pie \(valid: grouped, line, stacked\)/],
    [['chart', '--preset', 'nope', '--out', 'x.svg'], /unknown preset: nope \(valid: seed, plan-vs-actual\)/],
  ])('exits 2 with the valid choices for %j', async (args, message) => {
    const r = await runCli(['--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('shows provenance for facts and marks the version used', async () => {
    const r = await runCli(['--db', db, 'facts', 'AMZN', 'capex', '--from', '2024', '--to', '2024', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    const annual = json.facts.filter((f: any) => f.periodStart === '2024-01-01' && f.periodEnd === '2024-12-31');
    expect(annual.length).toBeGreaterThanOrEqual(2);
    expect(annual.filter((f: any) => f.used)).toHaveLength(1);
    expect(annual.find((f: any) => f.used).preferred).toBe(true);
    const table = await runCli(['--db', db, 'facts', 'Amazon', 'capex', '--from', '2024', '--to', '2024']);
    expect(table.stdout).toMatch(/2024-01-01\s+2024-12-31\s+82999000000\s+USD\s+actual\s+medium\s+mapped\s+yes/);
  });

  it('draws the seed chart from the bundled data as Vega-Lite, SVG and PNG', async () => {
    const vl = join(dir, 'seed.vl.json');
    const r = await runCli(['--db', db, 'chart', '--preset', 'seed', '--out', vl]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Alt text: .*Amazon/);
    const spec = JSON.parse(readFileSync(vl, 'utf8'));
    const values: any[] = spec.data.values;
    const bar = (ticker: string, label: string) => values.find((v) => v.ticker === ticker && v.label === label)?.value;
    expect(bar('AMZN', 'FY2022')).toBe(preferredValue('AMZN', 'capex', '2022-01-01', '2022-12-31'));
    expect(bar('MSFT', 'FY2025')).toBe(preferredValue('MSFT', 'capex', '2024-07-01', '2025-06-30'));
    expect(bar('META', 'FY2024')).toBe(preferredValue('META', 'capex', '2024-01-01', '2024-12-31'));
    expect(bar('GOOGL', 'FY2023')).toBe(preferredValue('GOOGL', 'capex', '2023-01-01', '2023-12-31'));
    expect(JSON.stringify(spec)).toMatch(/Microsoft.s ends in June/);

    const png = join(dir, 'seed.png');
    expect((await runCli(['--db', db, 'chart', '--preset', 'seed', '--out', png])).code).toBe(0);
    expect(readFileSync(png).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const svg = join(dir, 'seed.svg');
    expect((await runCli(['--db', db, 'chart', '--preset', 'seed', '--out', svg])).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/<title>[^<]*Amazon/);
  });

  it('rejects an output file of unknown type', async () => {
    const r = await runCli(['--db', db, 'chart', '--out', join(dir, 'x.gif')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid out: .*x\.gif \(expected a file ending in \.svg, \.png, \.vl\.json\)/);
  });
});

describe('the installed bin', () => {
  const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname;
  it('runs as a program and exits 2 on a bad ticker', needs('dist'), () => {
    const ok = execFileSync(process.execPath, [bin, '--db', db, 'series', '--companies', 'META', '--from', '2024', '--to', '2024', '--format', 'csv'], { encoding: 'utf8' });
    expect(ok).toContain('META,Meta,capex,fy,FY2024');
    let code = 0;
    try {
      execFileSync(process.execPath, [bin, '--db', db, 'series', '--companies', 'XX'], { stdio: 'pipe' });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(2);
  });
});
