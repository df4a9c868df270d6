// Every usage error exits 2 with a message naming the option, and costs nothing: no file is
// written, nothing is rendered (issue #19, findings 6 and 12).
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'airace-usage-'));
  db = join(dir, 'airace.db');
  expect((await runCli(['--db', db, 'init'])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const png = () => join(dir, 'out.png');

describe('usage errors exit 2', () => {
  it.each([
    [['chart', '--out', 'OUT', '--scale', '100'], /invalid scale: 100 \(expected a number from 1 to 4\)/],
    [['chart', '--out', 'OUT', '--scale', '0.5'], /invalid scale: 0\.5/],
    [['chart', '--out', 'OUT', '--scale', 'big'], /invalid scale: big/],
    [['chart', '--out', 'OUT', '--title', 'x'.repeat(201)], /invalid title: 201 characters \(longer than 200 characters\)/],
    [['chart', '--out', 'OUT', '--subtitle', 'y'.repeat(5000)], /invalid subtitle: 5000 characters/],
    [['facts', 'AMZN', 'capex', '--from', 'abc'], /invalid from: abc \(expected a year such as 2025\)/],
    [['facts', 'AMZN', 'capex', '--to', '20x5'], /invalid to: 20x5/],
    [['facts', 'AMZN', 'capex', '--from', '2025', '--to', '2022'], /empty range: from 2025 is after to 2022/],
    [['series', '--companies', ''], /invalid companies: '' \(choose at least one company\)/],
    [['series', '--companies', ' , '], /invalid companies: .*choose at least one company/],
    [['series', '--from', '2025', '--to', '2022'], /empty range: from 2025 is after to 2022/],
    [['series', '--period', 'quarter', '--from', '2025-Q3', '--to', '2025-Q1'], /empty range: from 2025-Q3 is after to 2025-Q1/],
    [['series', '--period', 'quarter', '--from', '1900', '--to', '2100'], /range too long: \d+ periods \(at most 400\)/],
    [['series', '--from', 'soon'], /invalid from: soon/],
    [['series', '--companies', 'NOPE'], /unknown company: NOPE \(valid: .*AMZN/],
    [['guidance', 'GOOGL', 'next'], /invalid year: next/],
    [['guidance', 'GOOGL', '25'], /invalid year: 25/],
    [['facts', 'NOPE'], /unknown company: NOPE/],
    [['chart', '--out', 'OUT', '--type', 'pie'], /unknown type: pie \(valid: grouped, line, stacked\)/],
    [['series', '--currency', 'EUR'], /invalid currency: EUR/],
    [['series', '--period', 'weekly'], /unknown period: weekly/],
    [['series', '--nope'], /unknown option '--nope'/],
    [['serve', '--port', '99999'], /invalid port: 99999 \(expected 0 to 65535\)/],
    [['sync', '--concurrency', '0'], /invalid concurrency: 0 \(expected a positive whole number\)/],
    [['audit', '--threshold', 'lots'], /invalid threshold: lots/],
  ])('%j', async (args, message) => {
    const r = await runCli(['--db', db, ...args.map((a) => (a === 'OUT' ? png() : a))]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(png())).toBe(false);
  });

  it('serve refuses a guessable admin token before opening anything, without printing it', async () => {
    const r = await runCli(['--db', db, 'serve', '--port', '0'], { AIRACE_ADMIN_TOKEN: 'k' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid AIRACE_ADMIN_TOKEN: 1 character \(expected at least 16 characters/);
    expect(r.stdout).toBe('');
  });
});

describe('bounded charts', () => {
  it('draws a PNG at the largest allowed scale', async () => {
    const r = await runCli(['--db', db, 'chart', '--preset', 'seed', '--scale', '4', '--out', png()]);
    expect(r.code).toBe(0);
    expect(existsSync(png())).toBe(true);
    rmSync(png());
  });
});
