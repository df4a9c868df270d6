// The provenance columns of data/facts.csv and data/events.csv: what the loader accepts, what it
// refuses (with file:line, loading nothing), and how a correction keeps the figure it replaces.
import { expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { countFacts, listFacts } from '../../src/store/facts-repository.js';
import { listCompanyFacts } from '../../src/series/fact-listing.js';
import { getSeries } from '../../src/series/engine.js';
import { buildServer } from '../../src/server/build-server.js';
import { VERIFICATION_LEVELS } from '../../src/model/fact.js';
import { csvFacts } from '../helpers/facts-csv.js';
import { forEachDialect, openTestStore } from '../helpers/dialects.js';

const dataDir = new URL('../../data', import.meta.url).pathname;
const factsLines = readFileSync(join(dataDir, 'facts.csv'), 'utf8').trimEnd().split('\n');
const header = factsLines[0]!;

/** A copy of the bundled data with `file` rewritten by `edit` (lines without their newlines). */
function copyWith(file: string, edit: (lines: string[]) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'airace-data-'));
  cpSync(dataDir, dir, { recursive: true });
  const lines = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, file), edit(lines).join('\n') + (edit(lines).length ? '\n' : ''));
  return dir;
}

/** The line (1-based) of the first facts.csv row matching `test`. */
const lineWhere = (test: (line: string) => boolean) => factsLines.findIndex(test) + 1;

forEachDialect('data of record', (dialect) => {
  it('carries every provenance column into the store', async () => {
    const store = await openTestStore(dialect);
    await ensureBundledData(store);
    const stored = await listFacts(store.db);
    expect(stored).toHaveLength(csvFacts.length);
    const levels = new Set(stored.map((f) => f.verified));
    expect([...levels].every((l) => (VERIFICATION_LEVELS as readonly string[]).includes(l))).toBe(true);
    expect(levels.size).toBe(4);
    // Every row of the file, matched by its document and value, has the same provenance stored.
    // A fresh store numbers the rows in file order.
    const byId = [...stored].sort((a, b) => a.id - b.id);
    csvFacts.forEach((row, i) => {
      const f = byId[i]!;
      expect([f.ticker, f.metric, f.periodEnd, f.sourceUrl]).toEqual([row.ticker, row.metric, row.period_end, row.source_url]);
      expect([f.form, f.accession, f.filed, f.readAt, f.verified]).toEqual([row.form || null, row.accession || null, row.filed || null, row.read_at_url || null, row.verified]);
    });
    const readElsewhere = csvFacts.filter((r) => r.read_at_url).length;
    expect(stored.filter((f) => f.readAt).length).toBe(readElsewhere);
    await store.close();
  });

  it.each([
    ['a malformed accession', (l: string) => l.startsWith('AMZN,capex,2024-01-01,2024-12-31,82999,') && l.includes(',0001018724-25-000004,'), (l: string) => l.replace(',0001018724-25-000004,', ',0001018724-25-4,'), /accession: expected an SEC accession number/],
    ['an accession that is not the linked filing', (l: string) => l.includes(',0001018724-25-000004,'), (l: string) => l.replace(',0001018724-25-000004,', ',0001018724-25-000005,'), /accession: does not match the filing the source_url opens \(000101872425000004\)/],
    ['a tracking parameter', (l: string) => l.includes(',https://www.sec.gov/') && l.includes('.htm,'), (l: string) => l.replace('.htm,', '.htm?utm_source=newsletter&utm_medium=email,'), /source_url: remove the tracking parameters utm_source, utm_medium/],
    ['srsltid in the read-at link', (l: string) => /,https:\/\/[^,]*stock-analysis-on\.net[^,]*,mapped,/.test(l), (l: string) => l.replace(/(stock-analysis-on\.net[^,]*),mapped,/, '$1?srsltid=AfmBOoo,mapped,'), /read_at_url: remove the tracking parameter srsltid/],
    ['a plain-http document', (l: string) => l.includes(',https://www.sec.gov/'), (l: string) => l.replace(',https://www.sec.gov/', ',http://www.sec.gov/'), /source_url: expected an https URL/],
    ['an unknown verification level', (l: string) => l.includes(',mapped,'), (l: string) => l.replace(',mapped,', ',checked,'), /verified: /],
    ['high confidence on a mapped figure', (l: string) => /,actual,medium,1,.*,mapped,/.test(l), (l: string) => l.replace(',actual,medium,1,', ',actual,high,1,'), /confidence: high confidence means verified xbrl or filing \(this row is mapped\)/],
  ])('refuses %s with facts.csv:LINE and loads nothing', async (_what, find, edit, message) => {
    const at = lineWhere(find);
    expect(at).toBeGreaterThan(1);
    const dir = copyWith('facts.csv', (lines) => lines.map((l, i) => (i === at - 1 ? edit(l) : l)));
    const store = await openTestStore(dialect);
    const error = await ensureBundledData(store, { dataDir: dir }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`facts.csv:${at}: `);
    expect((error as Error).message).toMatch(message);
    expect(await countFacts(store.db)).toBe(0);
    await store.close();
  });

  it.each([
    ['header only', (lines: string[]) => [lines[0]!], /facts\.csv:2: no data rows after the header/],
    ['empty', () => [], /facts\.csv:1: the file is empty/],
    ['missing the provenance columns', (lines: string[]) => lines.map((l) => l.split(',').slice(0, 11).join(',')), /facts\.csv:1: missing columns form, accession, filed, read_at_url, verified, note/],
  ])('refuses a facts.csv that is %s and keeps what is stored', async (_what, edit, message) => {
    const store = await openTestStore(dialect);
    await ensureBundledData(store);
    const dir = copyWith('facts.csv', edit);
    await expect(ensureBundledData(store, { dataDir: dir })).rejects.toThrow(message);
    expect(await countFacts(store.db)).toBe(csvFacts.length);
    await store.close();
  });

  it('records a correction: the corrected figure is used, the old one stays as an earlier version with the reason', async () => {
    const at = lineWhere((l) => l.startsWith('AMZN,capex,2024-01-01,2024-12-31,82999,') && l.includes(',1,https://www.sec.gov/'));
    const [old] = parse(factsLines[at - 1]!, { columns: header.split(',') }) as Record<string, string>[];
    // SYNTHETIC correction, for the test only: the same document, a value one million higher.
    const corrected = stringify([header.split(',').map((c) => ({ ...old!, value: '83000', note: 'corrects the FY2024 capex read from a copy: the 10-K cash-flow statement shows 83000 (synthetic test row)' })[c])]).trimEnd();
    const dir = copyWith('corrections.csv', (lines) => [...lines, corrected]);
    const store = await openTestStore(dialect);
    const loaded = await ensureBundledData(store, { dataDir: dir });
    expect(loaded).toMatchObject({ corrections: 1, facts: csvFacts.length + 1 });
    const r = await getSeries(store.db, { metric: 'capex', tickers: ['AMZN'], period: 'fy', from: '2024', to: '2024' });
    expect(r.series[0]!.points[0]!.value).toBe(83_000e6);
    const listing = await listCompanyFacts(store.db, { ticker: 'AMZN', metric: 'capex', from: 2024, to: 2024 });
    const versions = listing.facts.filter((f) => f.periodStart === '2024-01-01' && f.periodEnd === '2024-12-31' && f.sourceUrl.includes('sec.gov'));
    const replaced = versions.find((f) => f.value === 82_999e6)!;
    expect(replaced).toMatchObject({ preferred: false, supersededBy: expect.stringMatching(/^corrected by .*corrections\.csv:2: corrects the FY2024 capex/) });
    expect(listing.used.has(replaced.id)).toBe(false);
    expect(listing.used.has(versions.find((f) => f.value === 83_000e6)!.id)).toBe(true);
    // The company page lists the old value as an earlier version, with the reason beside it.
    const app = buildServer({ store, rateLimit: false });
    const page = (await app.inject({ url: '/company/AMZN' })).body;
    const row = [...page.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((r) => r.includes('data-value="82999000000"') && r.includes('earlier version'));
    expect(row, 'the replaced figure as an earlier version on /company/AMZN').toBeDefined();
    expect(row).toMatch(/<span class="superseded">corrected by [^<]*corrections\.csv:2: corrects the FY2024 capex/);
    await app.close();
    await store.close();
  });

  it('a correction already merged into facts.csv (as the curated data does) is applied once: the old row gets its reason', async () => {
    const at = lineWhere((l) => l.startsWith('AMZN,capex,2024-01-01,2024-12-31,82999,') && l.includes(',1,https://www.sec.gov/'));
    const columns = header.split(',');
    const [old] = parse(factsLines[at - 1]!, { columns }) as Record<string, string>[];
    // SYNTHETIC correction, for the test only, merged the curated way: it is the preferred row of
    // facts.csv, the old row stays not preferred, and corrections.csv holds the correction too.
    const row = (r: Record<string, string>) => stringify([columns.map((c) => r[c])]).trimEnd();
    const correction = { ...old!, value: '83000', note: 'corrects the FY2024 capex: the 10-K shows 83000 (synthetic test row)' };
    const dir = copyWith('facts.csv', (lines) => [...lines.slice(0, at - 1), row({ ...old!, preferred: '0' }), ...lines.slice(at), row(correction)]);
    writeFileSync(join(dir, 'corrections.csv'), `${header}\n${row(correction)}\n`);
    const store = await openTestStore(dialect);
    const loaded = await ensureBundledData(store, { dataDir: dir });
    expect(loaded).toMatchObject({ corrections: 1, facts: csvFacts.length + 1 });
    const listing = await listCompanyFacts(store.db, { ticker: 'AMZN', metric: 'capex', from: 2024, to: 2024 });
    const versions = listing.facts.filter((f) => f.periodStart === '2024-01-01' && f.periodEnd === '2024-12-31' && f.sourceUrl === old!.source_url);
    expect(versions.map((f) => f.value).sort()).toEqual([82_999e6, 83_000e6]);
    expect(versions.find((f) => f.value === 82_999e6)).toMatchObject({ preferred: false, supersededBy: expect.stringMatching(/corrections\.csv:2: corrects the FY2024 capex/) });
    expect(versions.find((f) => f.value === 83_000e6)).toMatchObject({ preferred: true, supersededBy: null });
    const r = await getSeries(store.db, { metric: 'capex', tickers: ['AMZN'], period: 'fy', from: '2024', to: '2024' });
    expect(r.series[0]!.points[0]!.value).toBe(83_000e6);
    await store.close();
  });

  it('refuses a correction that corrects nothing', async () => {
    const row = factsLines.find((l) => l.startsWith('AMZN,capex,2024-01-01,2024-12-31,'))!.replace('2024-01-01,2024-12-31', '2031-01-01,2031-12-31');
    const dir = copyWith('corrections.csv', (lines) => [...lines, row]);
    const store = await openTestStore(dialect);
    await expect(ensureBundledData(store, { dataDir: dir })).rejects.toThrow(/corrections\.csv:2: corrects nothing: facts\.csv has no preferred row for AMZN capex 2031-01-01\.\.2031-12-31 actual/);
    expect(await countFacts(store.db)).toBe(0);
    await store.close();
  });

  it('remembers the folder init --data-dir chose until init --bundled', async () => {
    const at = lineWhere((l) => l.startsWith('AMZN,capex,2024-01-01,2024-12-31,82999,') && l.includes(',1,https://www.sec.gov/'));
    // SYNTHETIC edit: the custom folder's figure differs, so the test can tell which folder was loaded.
    const dir = copyWith('facts.csv', (lines) => lines.map((l, i) => (i === at - 1 ? l.replace(',82999,', ',1,') : l)));
    const store = await openTestStore(dialect);
    const amazon2024 = async () => (await getSeries(store.db, { metric: 'capex', tickers: ['AMZN'], period: 'fy', from: '2024', to: '2024' })).series[0]!.points[0]!.value;
    expect(await ensureBundledData(store, { dataDir: dir })).toMatchObject({ loaded: true, dataDir: dir });
    expect(await amazon2024()).toBe(1e6);
    // A later load without a folder (every plain command) keeps the chosen folder.
    expect(await ensureBundledData(store)).toMatchObject({ loaded: false, dataDir: dir });
    expect(await amazon2024()).toBe(1e6);
    expect(await ensureBundledData(store, { bundled: true })).toMatchObject({ loaded: true, dataDir: null });
    expect(await amazon2024()).toBe(82_999e6);
    expect(await ensureBundledData(store)).toMatchObject({ loaded: false, dataDir: null });
    await store.close();
  });
});

it('header line names every provenance column and no quote column', () => {
  expect(header).toBe('ticker,metric,period_start,period_end,value,currency,unit,basis,confidence,preferred,source_url,form,accession,filed,read_at_url,verified,note');
});
