// The CLI surfaces: `airace events`, `airace guidance`, `airace chart --annotate` and the
// plan-vs-actual preset, run in-process on a temporary database.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../src/model/race-event.js';
import { runCli } from '../helpers/run-cli.js';
import { csvEvents, namesOf } from './events-csv-file.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'airace-events-cli-'));
  db = join(dir, 'airace.db');
  expect((await runCli(['--db', db, 'init'])).code).toBe(0);
});

describe('airace events', () => {
  it('prints CSV rows with the file’s dates, titles, amounts (in currency units) and sources', async () => {
    const r = await runCli(['--db', db, 'events', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(csvEvents.length);
    const byKey = (x: Record<string, string> | typeof csvEvents[number]) => `${x.date} ${x.kind} ${x.title}`;
    const file = new Map(csvEvents.map((e) => [byKey(e), e]));
    for (const row of rows) {
      const e = file.get(byKey(row))!;
      expect(e).toBeDefined();
      expect([row.companies, row.source_url, row.note, row.currency]).toEqual([e.companies, e.source_url, e.note, e.currency]);
      expect(row.amount).toBe(e.value === '' ? '' : String(Number(e.value) * 1e6));
    }
  });

  it('filters by company (alias), kind and dates given as years or days', async () => {
    const r = await runCli(['--db', db, 'events', '--companies', 'Google,Meta', '--kind', 'guidance', '--from', '2025', '--to', '2025-10-29', '--format', 'json']);
    const { events } = JSON.parse(r.stdout);
    const expected = csvEvents.filter((e) => e.kind === 'guidance' && namesOf(e).some((n) => n === 'GOOGL' || n === 'META') && e.date >= '2025-01-01' && e.date <= '2025-10-29');
    expect(events.map((e: any) => e.date)).toEqual(expected.map((e) => e.date));
    expect(events[0].companies[0].ticker).toMatch(/^(GOOGL|META)$/);
  });

  it('prints a table with numbered sources', async () => {
    const r = await runCli(['--db', db, 'events', '--companies', 'BABA', '--kind', 'commitment']);
    const pledge = csvEvents.find((e) => e.date === '2025-02-24' && e.kind === 'commitment')!;
    expect(r.stdout).toMatch(new RegExp(`2025-02-24\\s+commitment\\s+BABA\\s+RMB ${Number(pledge.value) / 1000}\\.0B\\s+${pledge.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[1\\]`));
    expect(r.stdout).toContain(`[1] Alibaba Group announcement · mapped: ${pledge.source_url}`);
    expect(r.stdout).toContain(`read at en.people.cn: ${pledge.read_at_url}`);
  });

  it.each([
    [['events', '--kind', 'model,rumour'], new RegExp(`unknown kind: rumour \\(valid: ${EVENT_KINDS.join(', ')}\\)`)],
    [['events', '--from', '2025-13-01'], /invalid from: 2025-13-01 \(expected a year such as 2025 or a date such as 2025-02-24\)/],
    [['events', '--companies', 'Nokia'], /unknown company: Nokia \(valid: .*OpenAI/],
    [['chart', '--annotate', 'gossip', '--out', 'x.svg'], /unknown kind: gossip \(valid: model, /],
    [['guidance', 'Nokia', '2025'], /unknown company: Nokia/],
    [['guidance', 'GOOGL', 'next'], /invalid year: next/],
  ])('exits 2 on %j', async (args, message) => {
    const r = await runCli(['--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('airace guidance', () => {
  it('prints Alphabet’s 2025 steps and the actual', async () => {
    const r = await runCli(['--db', db, 'guidance', 'GOOGL', '2025', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const events = csvEvents.filter((e) => e.kind === 'guidance' && e.companies === 'GOOGL' && e.title.includes('2025'));
    expect(rows.filter((x) => x.row === 'guidance').map((x) => [x.date, x.low])).toEqual(events.map((e) => [e.date, String(Number(e.value) * 1e6)]));
    expect(rows.at(-1)).toMatchObject({ row: 'actual', metric: 'capex', label: 'FY2025' });
    const table = await runCli(['--db', db, 'guidance', 'Google', '2025']);
    expect(table.stdout).toMatch(/^Alphabet \(GOOGL\) capex guidance for FY2025 \(2025-01-01 to 2025-12-31\), in USD billions/);
    expect(table.stdout).toMatch(/2025-07-23\s+85\.0\s+raised/);
  });
});

describe('airace chart --annotate', () => {
  it('draws the seed chart with the article’s events', async () => {
    const out = join(dir, 'seed.vl.json');
    const r = await runCli(['--db', db, 'chart', '--preset', 'seed', '--annotate', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Marked 5 events\n/);
    const spec = JSON.parse(readFileSync(out, 'utf8'));
    const ids = spec.usermeta.airace.annotations.placed.map((p: { id: string }) => p.id);
    expect(ids).toEqual(['2025-01-20-model-deepseek', '2025-01-21-prediction-softbank', '2025-02-13-partnership-baba', '2025-02-17-policy-baba', '2025-02-24-commitment-baba']);
    // Tooltips carry title, date, amount and source.
    const rule = spec.layer[0];
    expect(rule.mark.type).toBe('rule');
    expect(rule.encoding.tooltip.map((t: { title: string }) => t.title)).toEqual(['Event', 'Date', 'Amount', 'Companies', 'Kind', 'Source']);
    const pledge = rule.data.values.find((v: any) => v.id === '2025-02-24-commitment-baba');
    const csv = csvEvents.find((e) => e.date === '2025-02-24' && e.kind === 'commitment')!;
    expect(pledge).toMatchObject({ title: csv.title, date: csv.date, sourceUrl: csv.source_url, amountText: `RMB ${Number(csv.value) / 1000}.0B` });
  });

  it('marks only the kinds asked for', async () => {
    const out = join(dir, 'guidance.vl.json');
    const r = await runCli(['--db', db, 'chart', '--companies', 'GOOGL', '--period', 'cy', '--from', '2025', '--to', '2025', '--annotate', 'guidance', '--out', out]);
    expect(r.code).toBe(0);
    const placed = JSON.parse(readFileSync(out, 'utf8')).usermeta.airace.annotations.placed;
    expect(placed.map((p: { date: string }) => p.date)).toEqual(csvEvents.filter((e) => e.kind === 'guidance' && e.companies === 'GOOGL' && e.date.startsWith('2025')).map((e) => e.date));
  });

  it('draws the plan-vs-actual figure as SVG', async () => {
    const out = join(dir, 'plan.svg');
    const r = await runCli(['--db', db, 'chart', '--preset', 'plan-vs-actual', '--out', out]);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    for (const name of ['Alphabet, FY2025', 'Meta, FY2025', 'Amazon, FY2025', 'Microsoft, FY2025', 'Alibaba’s pledge']) expect(svg).toContain(name);
    expect(r.stdout).toMatch(/Alt text: Plan versus actual\./);
  });
});
