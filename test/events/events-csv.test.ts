// data/events.csv goes through the same validated loader as facts: every row checked, a bad
// row named by file:line, and nothing written when any row is bad.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { readEventsCsv } from '../../src/ingest/events-csv.js';
import { countFacts } from '../../src/store/facts-repository.js';
import { EVENT_KINDS } from '../../src/model/race-event.js';
import { csvEvents, EVENTS_CSV, namesOf } from './events-csv-file.js';

const dataDir = new URL('../../data', import.meta.url).pathname;
const countEvents = async (store: Awaited<ReturnType<typeof openStore>>) =>
  Number((await store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** A copy of the bundled data with line `line` (1-based, header = 1) of events.csv replaced. */
function editedCopy(line: number, edit: (row: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'airace-events-'));
  cpSync(dataDir, dir, { recursive: true });
  const lines = readFileSync(join(dir, 'events.csv'), 'utf8').trimEnd().split('\n');
  lines[line - 1] = edit(lines[line - 1]!);
  writeFileSync(join(dir, 'events.csv'), lines.join('\n') + '\n');
  return dir;
}

const lineOf = (prefix: string) => readFileSync(EVENTS_CSV, 'utf8').split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('data/events.csv', () => {
  it('has the project’s columns and no third-party quote column', () => {
    const header = readFileSync(EVENTS_CSV, 'utf8').split('\n')[0];
    expect(header).toBe('date,companies,kind,title,value,currency,unit,source_url,read_at_url,verified,note');
  });

  it('reads every row, in currency units, with a unique id per event', () => {
    const file = readEventsCsv(EVENTS_CSV.pathname, 'data/events.csv');
    expect(file.rows).toHaveLength(csvEvents.length);
    expect(new Set(file.rows.map((r) => r.value.id)).size).toBe(csvEvents.length);
    file.rows.forEach(({ value: e }, i) => {
      const row = csvEvents[i]!;
      expect(EVENT_KINDS).toContain(e.kind);
      expect([e.date, e.kind, e.title, e.sourceUrl]).toEqual([row.date, row.kind, row.title, row.source_url]);
      expect(e.companies).toEqual(namesOf(row));
      expect(e.amount).toBe(row.value === '' ? null : Number(row.value) * 1e6);
      expect(e.currency).toBe(row.currency || null);
    });
    const pledge = file.rows.find((r) => r.value.id === '2025-02-24-commitment-baba')!.value;
    const csv = csvEvents.find((r) => r.date === '2025-02-24' && r.kind === 'commitment')!;
    expect(pledge).toMatchObject({ amount: Number(csv.value) * 1e6, currency: 'CNY', companies: ['BABA'] });
  });

  it('loads with the facts, once: loading again changes nothing', async () => {
    const store = await openStore(':memory:');
    expect(await ensureBundledData(store)).toMatchObject({ loaded: true, events: csvEvents.length });
    expect(await countEvents(store)).toBe(csvEvents.length);
    expect(await ensureBundledData(store)).toMatchObject({ loaded: false });
    expect(await countEvents(store)).toBe(csvEvents.length);
    await store.close();
  });

  it('reloads only the events when only events.csv changed (fact ids stay)', async () => {
    const store = await openStore(':memory:');
    await ensureBundledData(store);
    const ids = await store.db.selectFrom('facts').select('id').orderBy('id').execute();
    const at = lineOf('2025-01-20,DeepSeek,model,');
    const dir = editedCopy(at, (r) => r.replace(',model,DeepSeek publishes its R1', ',model,DeepSeek releases R1'));
    expect(await ensureBundledData(store, { dataDir: dir })).toMatchObject({ loaded: true });
    expect(await store.db.selectFrom('facts').select('id').orderBy('id').execute()).toEqual(ids);
    const title = await store.db.selectFrom('events').select('title').where('id', '=', '2025-01-20-model-deepseek').executeTakeFirstOrThrow();
    expect(title.title).toMatch(/^DeepSeek releases R1/);
    await store.close();
  });

  it.each([
    ['an unknown kind', '2025-02-24,BABA,commitment,', (r: string) => r.replace(',commitment,', ',pledge,'), /kind: /],
    ['an impossible date', '2025-02-24,BABA,commitment,', (r: string) => r.replace('2025-02-24', '2025-02-30'), /date: not a real calendar date/],
    ['an amount without its currency', '2025-02-24,BABA,commitment,', (r: string) => r.replace(',380000,CNY,millions,', ',380000,,,'), /value: value, currency and unit go together/],
    ['a negative amount', '2025-02-24,BABA,commitment,', (r: string) => r.replace(',380000,', ',-380000,'), /value: amounts are positive/],
    ['a source that is not a URL', '2025-02-24,BABA,commitment,', (r: string) => r.replace('https://www.alibabagroup.com', 'alibabagroup.com'), /source_url: expected an https URL/],
    ['a plain-http source', '2025-02-24,BABA,commitment,', (r: string) => r.replace('https://www.alibabagroup.com', 'http://www.alibabagroup.com'), /source_url: expected an https URL/],
    ['a tracking parameter in the read-at link', '2025-02-24,BABA,commitment,', (r: string) => r.replace('c90000-20280703.html', 'c90000-20280703.html?utm_source=x&id=1'), /read_at_url: remove the tracking parameter utm_source/],
    ['an unknown verification level', '2025-02-24,BABA,commitment,', (r: string) => r.replace(',mapped,', ',checked,'), /verified: /],
    ['guidance that does not name its year', '2025-02-04,GOOGL,guidance,', (r: string) => r.replace(/of capex in 2025/, 'of capex this year'), /title: a guidance event with an amount names the year/],
    ['a company listed twice', '2025-02-13,BABA;AAPL,', (r: string) => r.replace('BABA;AAPL', 'BABA;AAPL;baba'), /companies: a company is listed twice/],
    ['a second event with the same date, kind and first company', '2025-10-29,META,guidance,', (r: string) => r.replace('2025-10-29,META,', '2025-10-29,GOOGL,'), /duplicate event 2025-10-29-guidance-googl \(same date, kind and first company as line \d+\)/],
  ])('rejects %s with events.csv:LINE and loads nothing', async (_what, prefix, edit, message) => {
    const at = lineOf(prefix);
    expect(at).toBeGreaterThan(1);
    const dir = editedCopy(at, edit);
    const store = await openStore(':memory:');
    const error = await ensureBundledData(store, { dataDir: dir }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`events.csv:${at}: `);
    expect((error as Error).message).toMatch(message);
    expect(await countEvents(store)).toBe(0);
    expect(await countFacts(store.db)).toBe(0);
    await store.close();
  });

  it('keeps the stored events when a changed events.csv turns out bad', async () => {
    const store = await openStore(':memory:');
    await ensureBundledData(store);
    const at = lineOf('2025-02-24,BABA,commitment,');
    const dir = editedCopy(at, (r) => r.replace(',380000,', ',lots,'));
    await expect(ensureBundledData(store, { dataDir: dir })).rejects.toThrow(new RegExp(`events\\.csv:${at}: value: expected a number`));
    expect(await countEvents(store)).toBe(csvEvents.length);
    await store.close();
  });
});
