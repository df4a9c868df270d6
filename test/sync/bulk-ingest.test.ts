// Bulk ingest of a small SYNTHETIC companyfacts.zip: counts, idempotence, batching, resume,
// a damaged entry, and companies already in the store; serial (threads: 0) and pipelined
// (decoder worker threads) ingest compared row for row, and each fault tested in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import yauzl from 'yauzl';
import { makeSyntheticCompanyFacts, SYNTHETIC_README, type SyntheticArchiveResult } from '../../scripts/make-synthetic-companyfacts.js';
import { bulkIngest } from '../../src/ingest/sec/bulk-ingest.js';
import { parseCompanyFacts } from '../../src/ingest/sec/companyfacts-parse.js';
import { mapCompanyFacts } from '../../src/ingest/sec/map-company-facts.js';
import { listCompanies } from '../../src/store/companies-repository.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { companyFactsJson, fixtureCompanies, AMZN_CIK } from './fixtures/sec-fixtures.js';
import { bundledStoreAt, companiesOnlyStore, freshStore, tempDir } from './sync-test-kit.js';
import { runCli } from '../helpers/run-cli.js';
import { forEachDialect, openTestStore } from '../helpers/dialects.js';
import type { Store } from '../../src/store/database.js';

/** The two ways bulkIngest runs: decoding on the main thread, and in worker threads while it inserts. */
const MODES = [
  { mode: 'serial', threads: 0 },
  // A short queue, so back-pressure holds the reading back throughout this small archive.
  { mode: 'pipelined', threads: 2, queueDepth: 3 },
] as const;

/** Everything bulk ingest writes, table by table, in a stable order. */
async function storedRows(store: Store) {
  return {
    facts: await store.db.selectFrom('facts').selectAll().orderBy('id').execute(),
    companies: await store.db.selectFrom('companies').selectAll().orderBy('ticker').execute(),
    // updated_at is the clock's, not the ingest's.
    items: await store.db.selectFrom('sync_run_items').select(['run_id', 'ticker', 'status', 'facts', 'message', 'attempts']).orderBy('run_id').orderBy('ticker').execute(),
  };
}

let tmp: ReturnType<typeof tempDir>;
let zipPath: string;
let made: SyntheticArchiveResult;
/** Facts the concept map takes from each entry, computed straight from the archive. */
const expected = new Map<number, { name: string; facts: number }>();

async function readArchive(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path);
  const out = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  return out;
}

function writeZip(path: string, entries: [string, string][]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of entries) zip.addBuffer(Buffer.from(body), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const file = createWriteStream(path);
    file.on('close', () => resolve());
    file.on('error', reject);
    zip.outputStream.pipe(file);
  });
}

beforeAll(async () => {
  tmp = tempDir();
  zipPath = join(tmp.dir, 'companyfacts.zip');
  made = await makeSyntheticCompanyFacts({ sizeMb: 2, out: zipPath, seed: 3 });
  for (const [name, body] of await readArchive(zipPath)) {
    if (!name.endsWith('.json')) continue;
    const doc = parseCompanyFacts(body, name);
    expected.set(doc.cik, { name: doc.entityName, facts: mapCompanyFacts(doc, { ticker: 'X', cik: doc.cik, source: name }).facts.length });
  }
});
afterAll(() => tmp?.cleanup());

describe('the synthetic archive', () => {
  it('is labelled SYNTHETIC throughout and shaped like SEC’s', async () => {
    const entries = await readArchive(zipPath);
    expect(entries.get('SYNTHETIC-README.txt')!.toString()).toBe(SYNTHETIC_README);
    const names = [...entries.keys()].filter((n) => n !== 'SYNTHETIC-README.txt');
    expect(names.length).toBe(made.companies);
    expect(names.every((n) => /^CIK\d{10}\.json$/.test(n))).toBe(true);
    expect([...expected.values()].every((e) => e.name.startsWith('SYNTHETIC'))).toBe(true);
    // Many small filers, a few large: the largest entry is several times the median.
    const sizes = names.map((n) => entries.get(n)!.length).sort((a, b) => a - b);
    expect(sizes.at(-1)! / sizes[Math.floor(sizes.length / 2)]!).toBeGreaterThan(2);
    expect(made.uncompressedBytes).toBeGreaterThan(1.5 * 1024 * 1024);
    expect(made.uncompressedBytes).toBeLessThan(3 * 1024 * 1024);
    // Several taxonomies, units and forms, durations and instants.
    const all = names.map((n) => JSON.parse(entries.get(n)!.toString()));
    const units = new Set(all.flatMap((d) => Object.values(d.facts).flatMap((t) => Object.values(t as object).flatMap((c) => Object.keys(c.units)))));
    expect([...units]).toEqual(expect.arrayContaining(['USD', 'shares', 'USD/shares']));
    const forms = new Set(all.flatMap((d) => Object.values(d.facts).flatMap((t) => Object.values(t as object).flatMap((c) => Object.values(c.units).flat().map((f: any) => f.form)))));
    expect([...forms]).toEqual(expect.arrayContaining(['10-K', '10-Q']));
  });
});

forEachDialect('sync', (dialect) => {
  describe('bulkIngest', () => {
    it('stores every company with mapped facts, creating CIK tickers, as one batch after another', async () => {
      const store = await companiesOnlyStore(dialect);
      try {
        const events: number[] = [];
        const s = await bulkIngest(store, zipPath, { batchFacts: 500, onEvent: (e) => void (e.type === 'entry' && events.push(e.done)) });
        const withFacts = [...expected].filter(([, e]) => e.facts > 0);
        expect(s).toMatchObject({ entries: made.companies + 1, documents: made.companies, companies: withFacts.length, created: withFacts.length, failed: [], interrupted: false });
        expect(s.empty).toBe(made.companies - withFacts.length);
        expect(s.facts).toBe(withFacts.reduce((n, [, e]) => n + e.facts, 0));
        expect(events).toHaveLength(made.companies + 1);

        const stored = await listFacts(store.db, { sourceKind: 'sec' });
        expect(stored.length).toBe(s.facts);
        const companies = (await listCompanies(store.db)).filter((c) => c.ticker.startsWith('CIK'));
        expect(companies.length).toBe(withFacts.length);
        for (const c of companies) {
          expect(c.ticker).toBe(`CIK${c.cik}`);
          expect(c.name).toBe(expected.get(c.cik!)!.name);
          expect(stored.filter((f) => f.ticker === c.ticker).length).toBe(expected.get(c.cik!)!.facts);
        }
        // Bulk-created companies are not tracked: `airace sync` alone will not call the API for thousands.
        const tracked = await store.db.selectFrom('companies').select('ticker').where('tracked', '=', 1).where('ticker', 'like', 'CIK%').execute();
        expect(tracked).toEqual([]);

        // Ingesting the same archive again replaces, never duplicates.
        const again = await bulkIngest(store, zipPath);
        expect(again).toMatchObject({ companies: s.companies, created: 0, facts: s.facts });
        expect((await listFacts(store.db, { sourceKind: 'sec' })).length).toBe(s.facts);
      } finally {
        await store.close();
      }
    });

    it('stores the same rows, row for row, serial and pipelined (the SYNTHETIC archive, a known CIK, a bad entry)', async () => {
      // The synthetic archive, plus a company the store knows by CIK (filed under its ticker) and a broken entry.
      const combined = join(tmp.dir, 'combined.zip');
      const amzn = JSON.stringify(companyFactsJson(fixtureCompanies()[0]!));
      const entries: [string, string][] = [...(await readArchive(zipPath))].map(([n, b]) => [n, b.toString('utf8')]);
      entries.splice(3, 0, ['CIK0001018724.json', amzn], ['CIK0000004242.json', amzn.slice(0, 500)]);
      await writeZip(combined, entries);
      const results = [];
      for (const { mode, ...options } of MODES) {
        const store = await companiesOnlyStore(dialect);
        try {
          const summary = await bulkIngest(store, combined, { ...options, batchFacts: 500 });
          expect(summary.threads, mode).toBe(options.threads);
          results.push({ summary, rows: await storedRows(store) });
        } finally {
          await store.close();
        }
      }
      // Besides the modes above: the default deep queue with one thread, and a queue held back by bytes (every entry waits for the one before it to be written).
      for (const options of [{ threads: 1 }, { threads: 1, queueBytes: 1 }]) {
        const store = await companiesOnlyStore(dialect);
        try {
          results.push({ summary: await bulkIngest(store, combined, { ...options, batchFacts: 500 }), rows: await storedRows(store) });
        } finally {
          await store.close();
        }
      }
      const [serial, ...pipelinedRuns] = results as [(typeof results)[0], ...(typeof results)[0][]];
      expect(pipelinedRuns).toHaveLength(3);
      expect(serial.rows.facts.length).toBe([...expected.values()].reduce((n, e) => n + e.facts, 0) + serial.rows.facts.filter((f) => f.ticker === 'AMZN').length);
      expect(serial.rows.facts.filter((f) => f.ticker === 'AMZN').length).toBeGreaterThan(10);
      expect(serial.summary.failed.map((f) => f.entry)).toEqual(['CIK0000004242.json']);
      const { stages: serialStages, ...serialCounts } = serial.summary;
      // Every fact stored was decoded once, and each decoding step was timed.
      expect(Object.values(serialStages.decode).every((ms) => ms > 0)).toBe(true);
      for (const pipelined of pipelinedRuns) {
        const { stages: _p, ...pipelinedCounts } = pipelined.summary;
        expect({ ...pipelinedCounts, threads: 0 }).toEqual(serialCounts);
        // Row for row: same ids (the same order of inserts), same values, the same companies and run items.
        expect(pipelined.rows.facts.length).toBe(serial.rows.facts.length);
        for (let i = 0; i < serial.rows.facts.length; i++) expect(pipelined.rows.facts[i], `fact row ${i}`).toEqual(serial.rows.facts[i]);
        expect(pipelined.rows.companies).toEqual(serial.rows.companies);
        expect(pipelined.rows.items).toEqual(serial.rows.items);
      }
    });

    for (const { mode, ...options } of MODES) {
      it(`${mode}: files a known CIK under its ticker, and fails a damaged entry alone`, async () => {
        const store = await companiesOnlyStore(dialect);
        const mixed = join(tmp.dir, `mixed-${mode}.zip`);
        const amzn = JSON.stringify(companyFactsJson(fixtureCompanies()[0]!));
        await writeZip(mixed, [
          ['CIK0001018724.json', amzn],
          ['CIK0000004242.json', amzn.slice(0, 500)],
          ['notes/other.txt', 'not companyfacts'],
        ]);
        try {
          const s = await bulkIngest(store, mixed, options);
          expect(s).toMatchObject({ documents: 2, companies: 1, created: 0 });
          expect(s.failed).toEqual([{ entry: 'CIK0000004242.json', message: expect.stringMatching(/malformed JSON in .*mixed-\w+\.zip:CIK0000004242\.json/) }]);
          const facts = await listFacts(store.db, { tickers: ['AMZN'], sourceKind: 'sec' });
          expect(facts.length).toBeGreaterThan(10);
          expect(facts.every((f) => f.sourceUrl.startsWith(`https://www.sec.gov/Archives/edgar/data/${AMZN_CIK}/`))).toBe(true);
          expect((await listCompanies(store.db)).some((c) => c.ticker === 'CIK1018724')).toBe(false);
        } finally {
          await store.close();
        }
      });

      it(`${mode}: fails each malformed entry alone, by name: an unsafe name, bad JSON, an impossible date, a form that is markup`, async () => {
        const store = await companiesOnlyStore(dialect);
        const hostile = join(tmp.dir, `hostile-${mode}.zip`);
        const amzn = companyFactsJson(fixtureCompanies()[0]!) as { facts: Record<string, Record<string, { units: Record<string, Record<string, unknown>[]> }>> };
        const capex = () => amzn.facts['us-gaap']!.PaymentsToAcquireProductiveAssets!.units.USD!;
        const variant = (cik: number, change: (f: Record<string, unknown>) => void) => {
          const doc = structuredClone(amzn) as typeof amzn & { cik: number };
          doc.cik = cik;
          change(doc.facts['us-gaap']!.PaymentsToAcquireProductiveAssets!.units.USD![0]!);
          return JSON.stringify(doc);
        };
        expect(capex().length).toBeGreaterThan(3);
        // yazl refuses to write a "../" name, so the entry is written under a same-length stand-in and patched.
        await writeZip(hostile, [
          ['zz/CIK0009000051.json', variant(9_000_051, () => undefined)],
          ['CIK0009000052.json', '{"cik": 9000052, "entityName": "SYNTHETIC BROKEN", "facts": {'],
          ['CIK0009000053.json', variant(9_000_053, (f) => (f.end = '2018-13-45'))],
          ['CIK0009000054.json', variant(9_000_054, (f) => (f.form = '<b>10-K</b>'))],
          ['CIK0001018724.json', JSON.stringify(amzn)],
        ]);
        const bytes = readFileSync(hostile);
        const patched = Buffer.from(bytes.toString('latin1').replaceAll('zz/CIK0009000051', '../CIK0009000051'), 'latin1');
        writeFileSync(hostile, patched);
        try {
          const s = await bulkIngest(store, hostile, options);
          expect(s.interrupted).toBe(false);
          expect(s.companies).toBe(1);
          expect(s.failed.map((f) => f.entry)).toEqual(['../CIK0009000051.json', 'CIK0009000052.json', 'CIK0009000053.json', 'CIK0009000054.json']);
          const why = Object.fromEntries(s.failed.map((f) => [f.entry, f.message]));
          expect(why['../CIK0009000051.json']).toMatch(/unsafe entry name \(invalid relative path: \.\.\/CIK0009000051\.json\)/);
          expect(why['CIK0009000052.json']).toMatch(/malformed JSON in .*hostile-\w+\.zip:CIK0009000052\.json/);
          expect(why['CIK0009000053.json']).toMatch(/us-gaap:PaymentsToAcquireProductiveAssets USD fact 0: end "2018-13-45" is not a calendar date/);
          expect(why['CIK0009000054.json']).toMatch(/fact 0: form "<b>10-K<\/b>" is not an SEC form type/);
          // Nothing of a failed entry is stored; the good one after them is.
          const stored = (await listCompanies(store.db)).map((c) => c.ticker);
          for (const t of ['CIK9000051', 'CIK9000052', 'CIK9000053', 'CIK9000054']) expect(stored).not.toContain(t);
          expect((await listFacts(store.db, { tickers: ['AMZN'], sourceKind: 'sec' })).length).toBeGreaterThan(10);
          const run = await store.db.selectFrom('runs').select('status').where('id', '=', s.runId).executeTakeFirstOrThrow();
          expect(run.status).toBe('partial');

        } finally {
          await store.close();
        }
      });

      it(`${mode}: fails an entry whose deflate data is damaged alone, by name`, async () => {
        const store = await companiesOnlyStore(dialect);
        const damaged = join(tmp.dir, `damaged-${mode}.zip`);
        const amzn = JSON.stringify(companyFactsJson(fixtureCompanies()[0]!));
        await writeZip(damaged, [
          ['CIK0000004243.json', amzn.replace('"cik":1018724', '"cik":4243')],
          ['CIK0001018724.json', amzn],
        ]);
        // Overwrite the middle of the first entry's compressed bytes.
        const zip = await yauzl.openPromise(damaged);
        let first!: yauzl.Entry;
        for await (const e of zip.eachEntry()) {
          first = e;
          break;
        }
        zip.close();
        const bytes = readFileSync(damaged);
        const dataStart = first.relativeOffsetOfLocalHeader + 30 + bytes.readUInt16LE(first.relativeOffsetOfLocalHeader + 26) + bytes.readUInt16LE(first.relativeOffsetOfLocalHeader + 28);
        bytes.fill(0xff, dataStart + Math.floor(first.compressedSize / 3), dataStart + Math.floor(first.compressedSize / 3) + 64);
        writeFileSync(damaged, bytes);
        try {
          const s = await bulkIngest(store, damaged, options);
          expect(s.failed).toEqual([{ entry: 'CIK0000004243.json', message: expect.stringMatching(/damaged-\w+\.zip:CIK0000004243\.json is damaged in the archive: /) }]);
          expect(s.companies).toBe(1);
          expect((await listCompanies(store.db)).map((c) => c.ticker)).not.toContain('CIK4243');
          expect((await listFacts(store.db, { tickers: ['AMZN'], sourceKind: 'sec' })).length).toBeGreaterThan(10);
        } finally {
          await store.close();
        }
      });

      it(`${mode}: resumes an interrupted ingest without redoing stored companies`, async () => {
        const store = await freshStore(dialect);
        try {
          const ac = new AbortController();
          const first = await bulkIngest(store, zipPath, { ...options, batchFacts: 1, resume: true, signal: ac.signal, onEvent: (e) => void (e.type === 'entry' && e.done === 6 && ac.abort()) });
          expect(first.interrupted).toBe(true);
          expect(first.companies).toBeGreaterThan(0);
          const second = await bulkIngest(store, zipPath, { ...options, resume: true });
          expect(second.runId).toBe(first.runId);
          expect(second.alreadyDone).toBe(first.companies);
          const all = [...expected.values()].filter((e) => e.facts > 0);
          expect(first.companies + second.companies).toBe(all.length);
          expect((await listFacts(store.db, { sourceKind: 'sec' })).length).toBe(all.reduce((n, e) => n + e.facts, 0));
        } finally {
          await store.close();
        }
      });
    }

    it('rejects a file that is not a zip archive', async () => {
      const store = await openTestStore(dialect);
      try {
        await expect(bulkIngest(store, join(tmp.dir, 'missing.zip'))).rejects.toThrow(/cannot read .*missing\.zip/);
        const notZip = join(tmp.dir, 'not.zip');
        await writeZip(notZip, []);
        const bogus = join(tmp.dir, 'bogus.zip');
        (await import('node:fs')).writeFileSync(bogus, '{"this": "is json"}');
        await expect(bulkIngest(store, bogus)).rejects.toThrow(/not a readable zip archive/);
      } finally {
        await store.close();
      }
    });
  });

  describe('airace sync --bulk', () => {
    it('decodes serially with --threads 0 or AIRACE_INGEST_THREADS=0, and refuses a bad thread count by name', async () => {
      const database = await dialect.createDatabase();
      try {
        const flag = await runCli(['--db', database.target, 'sync', '--bulk', zipPath, '--threads', '0']);
        expect(flag.code).toBe(0);
        expect(flag.stdout).toMatch(/^Bulk run \d+ \(serial\): /m);
        const env = await runCli(['--db', database.target, 'sync', '--bulk', zipPath], { AIRACE_INGEST_THREADS: '0' });
        expect(env.code).toBe(0);
        expect(env.stdout).toMatch(/^Bulk run \d+ \(serial\): /m);
        const two = await runCli(['--db', database.target, 'sync', '--bulk', zipPath, '--threads', '2'], { AIRACE_INGEST_THREADS: '0' });
        expect(two.stdout).toMatch(/^Bulk run \d+ \(2 decoder threads\): /m);
        const bad = await runCli(['--db', database.target, 'sync', '--bulk', zipPath, '--threads', 'many']);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/invalid threads: many \(expected a whole number \(0 or more\)\)/);
        const badEnv = await runCli(['--db', database.target, 'sync', '--bulk', zipPath], { AIRACE_INGEST_THREADS: '1.5' });
        expect(badEnv.code).toBe(2);
        expect(badEnv.stderr).toMatch(/invalid AIRACE_INGEST_THREADS: 1\.5 \(expected a non-negative whole number\)/);
      } finally {
        await database.drop();
      }
    });

    it('ingests the archive from the command line, without network or User-Agent', async () => {
      const database = await dialect.createDatabase();
      try {
        const r = await runCli(['--db', database.target, 'sync', '--bulk', zipPath], { AIRACE_SEC_USER_AGENT: undefined });
        expect(r.stderr).not.toMatch(/airace: (?!loaded)/);
        expect(r.code).toBe(0);
        const withFacts = [...expected.values()].filter((e) => e.facts > 0).length;
        expect(r.stdout).toMatch(new RegExp(`${made.companies} companyfacts documents in ${made.companies + 1} entries; ${withFacts} companies stored \\(${withFacts} new\\)`));
        const store = await bundledStoreAt(database.target);
        try {
          const n = await listFacts(store.db, { sourceKind: 'sec' });
          expect(n.length).toBe([...expected.values()].reduce((s, e) => s + e.facts, 0));
        } finally {
          await store.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
});
