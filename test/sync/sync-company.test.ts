// Live sync against the fixture server: derived periods, versions, provenance, conditional
// requests, and that every fault leaves the store exactly as it was.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import yazl from 'yazl';
import { SecFixtureServer } from './sec-fixture-server.js';
import { companyFactsJson, fixtureCompanies, msftQuarter, msftYear, syntheticFacts, AMZN_CIK, MSFT_CIK, BABA_CIK, SYNX_CIK, type FixtureCompany } from './fixtures/sec-fixtures.js';
import { companiesOnlyStore, snapshot, tempDir, testClient, type TestClient } from './sync-test-kit.js';
import { csvFacts } from '../helpers/facts-csv.js';
import { forEachDialect } from '../helpers/dialects.js';
import type { Store } from '../../src/store/database.js';
import { getSeries } from '../../src/series/engine.js';
import { runSync, findResumableRun } from '../../src/ingest/sec/sync-run.js';
import { addCompany } from '../../src/ingest/sec/add-company.js';
import { listCompanies, upsertCompany } from '../../src/store/companies-repository.js';
import { listFacts } from '../../src/store/facts-repository.js';
import { listItems } from '../../src/store/sync-run-items-repository.js';
import { bulkIngest } from '../../src/ingest/sec/bulk-ingest.js';

/** Verified figure from data/facts.csv in currency units. */
function verified(ticker: string, metric: string, start: string, end: string): number {
  const row = csvFacts.find((r) => r.ticker === ticker && r.metric === metric && r.period_start === start && r.period_end === end && r.preferred === '1' && r.basis === 'actual');
  if (!row) throw new Error(`no verified ${ticker} ${metric} ${start}..${end}`);
  return Math.round(Number(row.value) * 1e6);
}

/**
 * A trigger that makes every insert of `ticker`'s SEC facts fail with `message` (COPY included on
 * PostgreSQL: row triggers fire for it). Returns what removes it again.
 */
async function failInsertsOfSecFacts(store: Store, ticker: string, message: string): Promise<() => Promise<void>> {
  const when = sql`NEW.ticker = ${sql.lit(ticker)} AND NEW.source_kind = 'sec'`;
  if (store.dialect.name === 'postgres') {
    await sql`CREATE FUNCTION fail_sec_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${sql.lit(message)}; END $$`.execute(store.db);
    await sql`CREATE TRIGGER fail_sec_insert BEFORE INSERT ON facts FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION fail_sec_insert()`.execute(store.db);
    return async () => {
      await sql`DROP TRIGGER fail_sec_insert ON facts`.execute(store.db);
      await sql`DROP FUNCTION fail_sec_insert()`.execute(store.db);
    };
  }
  await sql`CREATE TRIGGER fail_sec_insert BEFORE INSERT ON facts WHEN ${when} BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(store.db);
  return async () => {
    await sql`DROP TRIGGER fail_sec_insert`.execute(store.db);
  };
}

forEachDialect('sync against the fixture server', (dialect) => {
  let server: SecFixtureServer;
  let companies: FixtureCompany[];
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  let kit: TestClient;

  const factsPath = (cik: number) => SecFixtureServer.companyFactsPath(cik);
  const subsPath = (cik: number) => SecFixtureServer.submissionsPath(cik);

  beforeAll(async () => {
    companies = fixtureCompanies();
    server = await SecFixtureServer.start(companies);
    tmp = tempDir();
    // Bundled companies, but none of their bundled facts: what the series engine shows comes from SEC alone.
    store = await companiesOnlyStore(dialect);
    kit = testClient(server);
    const first = await runSync(store, { client: kit.client, tickers: ['AMZN', 'MSFT', 'BABA'] });
    expect(first.failed).toEqual([]);
    expect(first.updated.map((u) => u.ticker).sort()).toEqual(['AMZN', 'BABA', 'MSFT']);
  });
  afterAll(async () => {
    await store?.close();
    await server?.close();
    tmp?.cleanup();
  });
  beforeEach(() => server.clearFaults());

  const point = async (ticker: string, metric: string, period: string, label: string, asFirstReported = false) => {
    const year = /\d{4}/.exec(label)![0];
    const r = await getSeries(store.db, { metric, tickers: [ticker], period, from: year, to: year, asFirstReported });
    const p = r.series[0]!.points.find((x) => x.label === label);
    if (!p) throw new Error(`no point ${label} in ${r.series[0]!.points.map((x) => x.label).join(', ')}`);
    return p;
  };

  describe('derived periods from SEC year-to-date facts', () => {
    it('Q2 = H1 − Q1, Q3 = 9M − H1 and Q4 = FY − 9M for Amazon capex', async () => {
      const q1 = verified('AMZN', 'capex', '2024-01-01', '2024-03-31');
      const h1 = verified('AMZN', 'capex', '2024-01-01', '2024-06-30');
      const fy = verified('AMZN', 'capex', '2024-01-01', '2024-12-31');
      const nineMonths = syntheticFacts(companies[0]!).find((f) => f.start === '2024-01-01' && f.end === '2024-09-30')!.val;

      const p1 = await point('AMZN', 'capex', 'quarter', '2024-Q1');
      expect(p1).toMatchObject({ value: q1, derived: false });
      const p2 = await point('AMZN', 'capex', 'quarter', '2024-Q2');
      expect(p2).toMatchObject({ value: h1 - q1, derived: true, derivation: 'Q2 = H1 − Q1' });
      const p3 = await point('AMZN', 'capex', 'quarter', '2024-Q3');
      expect(p3).toMatchObject({ value: nineMonths - h1, derived: true, derivation: 'Q3 = 9M − H1' });
      const p4 = await point('AMZN', 'capex', 'quarter', '2024-Q4');
      expect(p4).toMatchObject({ value: fy - nineMonths, derived: true, derivation: 'Q4 = FY − 9M' });
      // The derived quarters agree with the quarters data/facts.csv states directly.
      expect(p3.value).toBe(verified('AMZN', 'capex', '2024-07-01', '2024-09-30'));
      expect(p4.value).toBe(verified('AMZN', 'capex', '2024-10-01', '2024-12-31'));
      expect(Math.abs(p2.value! - verified('AMZN', 'capex', '2024-04-01', '2024-06-30')) / p2.value!).toBeLessThan(0.001);
      // A derived quarter cites the filings it was computed from.
      expect(p4.sources.map((s) => [s.form, s.periodStart, s.periodEnd])).toEqual([
        ['10-K', '2024-01-01', '2024-12-31'],
        ['10-Q', '2024-01-01', '2024-09-30'],
      ]);
      // FY2024 as the newest filing states it: the FY2025 10-K's comparative column.
      const tenK2025 = companies[0]!.filings.find((f) => f.form === '10-K' && f.fy === 2025)!;
      expect(p4.sources[0]).toMatchObject({ accession: tenK2025.accn, filed: tenK2025.filed });
    });

    it('aligns Microsoft’s July–June fiscal year and sums calendar 2024 from derived quarters', async () => {
      const fy2024 = await point('MSFT', 'capex', 'fy', 'FY2024');
      expect(fy2024).toMatchObject({ value: verified('MSFT', 'capex', msftYear(2024).start, msftYear(2024).end), start: '2023-07-01', end: '2024-06-30', derived: false });
      expect(fy2024.sources[0]).toMatchObject({ kind: 'sec', form: '10-K' });

      const q = (y: number, n: number) => verified('MSFT', 'capex', msftQuarter(y, n).start, msftQuarter(y, n).end);
      // Calendar 2024 = Jan–Mar (FY24 Q3 = 9M − H1) + Apr–Jun (FY24 Q4 = FY − 9M) + Jul–Sep (FY25 Q1, stated) + Oct–Dec (FY25 H1 − Q1).
      const fyValue = verified('MSFT', 'capex', msftYear(2024).start, msftYear(2024).end);
      const expected = q(2024, 3) + (fyValue - (q(2024, 1) + q(2024, 2) + q(2024, 3))) + q(2025, 1) + q(2025, 2);
      const cy2024 = await point('MSFT', 'capex', 'cy', '2024');
      expect(cy2024).toMatchObject({ value: expected, complete: true, derived: true, start: '2024-01-01', end: '2024-12-31' });
      expect(cy2024.derivation).toMatch(/sum of 4 quarters \(3 derived from year-to-date figures\)/);
    });

    it('takes the stated three-month value of an income-statement line that has both 3-month and YTD facts', async () => {
      const fixtureQ2 = companies[1]!.filings.find((f) => f.fy === 2026 && f.fp === 'Q2')!;
      const p = await point('MSFT', 'revenue', 'quarter', '2025-Q4');
      expect(p).toMatchObject({ value: verified('MSFT', 'revenue', '2025-10-01', '2025-12-31'), derived: false, derivation: null });
      expect(p.sources).toHaveLength(1);
      expect(p.sources[0]).toMatchObject({ accession: fixtureQ2.accn, form: '10-Q', filed: fixtureQ2.filed, periodStart: '2025-10-01', periodEnd: '2025-12-31' });
      const stored = (await listFacts(store.db, { tickers: ['MSFT'], metrics: ['revenue'] })).find((f) => f.id === p.sources[0]!.factId)!;
      expect(stored).toMatchObject({ fy: 2026, fp: 'Q2', frame: 'CY2025Q4', concept: 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax' });
    });

    it('uses the newest filed version by default and the first reported on request', async () => {
      const original = verified('AMZN', 'capex', '2025-01-01', '2025-12-31');
      const restated = syntheticFacts(companies[0]!).find((f) => f.synthetic!.includes('restatement'))!;
      const newest = await point('AMZN', 'capex', 'fy', 'FY2025');
      expect(newest.value).toBe(restated.val);
      expect(newest.sources[0]).toMatchObject({ form: '10-K/A', accession: restated.accn });
      const first = await point('AMZN', 'capex', 'fy', 'FY2025', true);
      expect(first.value).toBe(original);
      expect(first.sources[0]!.form).toBe('10-K');
    });

    it('keeps Alibaba in CNY, by its April–March fiscal year, without quarters (20-F only)', async () => {
      const fy2025 = await point('BABA', 'revenue', 'fy', 'FY2025');
      expect(fy2025).toMatchObject({ value: verified('BABA', 'revenue', '2024-04-01', '2025-03-31'), start: '2024-04-01', end: '2025-03-31' });
      expect(fy2025.sources[0]).toMatchObject({ form: '20-F', kind: 'sec' });
      const facts = await listFacts(store.db, { tickers: ['BABA'], sourceKind: 'sec' });
      expect(new Set(facts.map((f) => f.unit))).toEqual(new Set(['CNY']));
    });
  });

  describe('conditional requests', () => {
    it('a second sync is one request per company, answered 304, and changes nothing', async () => {
      const before = await snapshot(store, 'AMZN');
      const n = server.requests.length;
      const r = await runSync(store, { client: kit.client, tickers: ['AMZN'] });
      expect(r.unchanged.map((u) => u.ticker)).toEqual(['AMZN']);
      const sent = server.requests.slice(n);
      expect(sent.map((s) => [s.path, s.status])).toEqual([[factsPath(AMZN_CIK), 304]]);
      expect(sent[0]!.headers['if-none-match']).toMatch(/^"/);
      expect(await snapshot(store, 'AMZN')).toEqual(before);
    });

    it('a changed companyfacts is downloaded again, with submissions', async () => {
      const msft = companies[1]!;
      const extra = { ...msft, filings: [...msft.filings, { ...msft.filings.at(-1)!, accn: '0000789019-26-000999', form: '10-Q/A', filed: '2026-05-20' }] };
      server.publish(extra);
      const n = server.requests.length;
      const r = await runSync(store, { client: kit.client, tickers: ['MSFT'] });
      expect(r.updated.map((u) => u.ticker)).toEqual(['MSFT']);
      expect(server.requests.slice(n).map((s) => s.path)).toEqual([factsPath(MSFT_CIK), subsPath(MSFT_CIK)]);
      const amended = await listFacts(store.db, { tickers: ['MSFT'], sourceKind: 'sec' });
      expect(amended.some((f) => f.accession === '0000789019-26-000999' && f.form === '10-Q/A')).toBe(true);
      server.publish(msft);
      await runSync(store, { client: kit.client, tickers: ['MSFT'] });
    });

    it('sends the User-Agent on every request', () => {
      expect(server.requests.length).toBeGreaterThan(5);
      for (const r of server.requests) expect(r.headers['user-agent']).toBe('airace tests tests@example.com');
    });
  });

  describe('faults: the failing company is reported, the others continue, nothing stored is lost', () => {
    const faults: [string, Parameters<SecFixtureServer['fault']>[1], number, RegExp][] = [
      ['truncated body', { kind: 'truncate' }, 20, /truncated response .*connection closed after \d+ bytes/],
      ['wrong content type', { kind: 'content-type', type: 'text/html; charset=utf-8' }, 1, /expected JSON .* but got text\/html/],
      ['malformed JSON', { kind: 'malformed' }, 1, /malformed JSON in .*CIK0001018724\.json/],
      ['persistent 503', { kind: 'status', status: 503 }, 20, /server error \(503.*gave up after 4 attempts/],
    ];
    for (const [name, fault, times, message] of faults) {
      it(name, async () => {
        const before = await snapshot(store, 'AMZN');
        const others = await snapshot(store, 'MSFT');
        server.fault(factsPath(AMZN_CIK), fault, times);
        const r = await runSync(store, { client: kit.client, tickers: ['AMZN', 'MSFT'], force: true });
        expect(r.failed.map((f) => f.ticker)).toEqual(['AMZN']);
        expect(r.failed[0]!.message).toMatch(message);
        expect(r.updated.map((u) => u.ticker)).toEqual(['MSFT']);
        expect(await snapshot(store, 'AMZN')).toEqual(before);
        expect((await snapshot(store, 'MSFT')).facts.length).toBe(others.facts.length);
        const items = await listItems(store.db, r.runId);
        expect(items.find((i) => i.ticker === 'AMZN')).toMatchObject({ status: 'failed' });
      });
    }

    it('a 404 (unknown CIK) fails that company only', async () => {
      await upsertCompany(store.db, { ticker: 'GHOST', name: 'SYNTHETIC unknown filer', kind: 'company', cik: 4242, country: 'US', fiscalYearEndMonth: 12, currency: 'USD', colour: '#000000', aliases: [], members: [] }, 'sec');
      const r = await runSync(store, { client: kit.client, tickers: ['GHOST', 'BABA'], force: true });
      expect(r.failed).toHaveLength(1);
      expect(r.failed[0]!.message).toMatch(/not found \(404\).*CIK0000004242\.json/);
      expect(r.updated.map((u) => u.ticker)).toEqual(['BABA']);
      await store.db.deleteFrom('companies').where('ticker', '=', 'GHOST').execute();
    });

    it('429 with Retry-After, a 500 and a slow response are retried and succeed', async () => {
      const before = kit.sleeps.length;
      server.fault(factsPath(AMZN_CIK), { kind: 'status', status: 429, retryAfter: '1' });
      server.fault(factsPath(AMZN_CIK), { kind: 'status', status: 500 });
      server.fault(subsPath(AMZN_CIK), { kind: 'hang', ms: 3000 });
      const slow = testClient(server, { timeoutMs: 200 });
      const r = await runSync(store, { client: slow.client, tickers: ['AMZN'], force: true });
      expect(r.updated.map((u) => u.ticker)).toEqual(['AMZN']);
      expect(slow.sleeps[0]).toBe(1000);
      expect(slow.sleeps).toHaveLength(3);
      expect(kit.sleeps.length).toBe(before);
    });

    it('a failure while writing rolls the whole company back', async () => {
      const before = await snapshot(store, 'AMZN');
      expect(before.facts.filter((f) => f.sourceKind === 'sec').length).toBeGreaterThan(0);
      // The delete of AMZN's old SEC facts runs first; the insert then fails, as a crash would.
      const removeTrigger = await failInsertsOfSecFacts(store, 'AMZN', 'simulated failure mid-write');
      try {
        const r = await runSync(store, { client: kit.client, tickers: ['AMZN'], force: true });
        expect(r.failed[0]!.message).toMatch(/simulated failure mid-write/);
      } finally {
        await removeTrigger();
      }
      expect(await snapshot(store, 'AMZN')).toEqual(before);
    });
  });

  describe('resuming', () => {
    it('an interrupted run resumes where it stopped and redoes the failed company', async () => {
      const ac = new AbortController();
      server.fault(factsPath(BABA_CIK), { kind: 'truncate' }, 20);
      const first = await runSync(store, {
        client: kit.client,
        tickers: ['BABA', 'AMZN', 'MSFT'],
        force: true,
        concurrency: 1,
        signal: ac.signal,
        // Ctrl-C after the second company.
        onEvent: (e) => void (e.type === 'company' && e.done === 2 && ac.abort()),
      });
      expect(first.failed.map((f) => f.ticker)).toEqual(['BABA']);
      expect(first.updated.map((f) => f.ticker)).toEqual(['AMZN']);
      expect(first.pending).toEqual(['MSFT']);
      expect(first.interrupted).toBe(true);

      server.clearFaults();
      const resumable = await findResumableRun(store);
      expect(resumable).toEqual({ runId: first.runId, remaining: 2, total: 3 });
      const n = server.requests.length;
      const second = await runSync(store, { client: kit.client, resumeRunId: first.runId, force: true });
      expect(second.alreadyDone).toBe(1);
      expect([...second.updated.map((u) => u.ticker)].sort()).toEqual(['BABA', 'MSFT']);
      // Amazon, done before the interruption, is not fetched again.
      expect(server.requests.slice(n).some((r) => r.path === factsPath(AMZN_CIK))).toBe(false);
      expect(await findResumableRun(store)).toBeNull();
      const runs = await store.db.selectFrom('runs').selectAll().where('id', '=', first.runId).executeTakeFirstOrThrow();
      expect(runs.status).toBe('ok');
    });
  });

  describe('companies added from SEC', () => {
    it('add then sync: name, fiscal year and colour from submissions, currency from the unit keys', async () => {
      const { company, created } = await addCompany(store, kit.client, 'syni');
      expect(created).toBe(true);
      expect(company).toMatchObject({ ticker: 'SYNI', cik: 9_000_002, fiscalYearEndMonth: 12, currency: 'USD' });
      expect(company.name).toMatch(/^SYNTHETIC/);
      expect(company.colour).toMatch(/^#[0-9A-F]{6}$/);
      const r = await runSync(store, { client: kit.client, tickers: ['SYNI'] });
      expect(r.updated).toHaveLength(1);
      const synced = (await listCompanies(store.db)).find((c) => c.ticker === 'SYNI')!;
      expect(synced.currency).toBe('EUR');
      const rev = await getSeries(store.db, { metric: 'revenue', tickers: ['SYNI'], period: 'fy' });
      expect(rev.currency).toBe('EUR');
      expect(rev.series[0]!.points.some((p) => p.value !== null && p.sources[0]!.form === '20-F')).toBe(true);
    });

    it('rejects a ticker SEC does not list', async () => {
      await expect(addCompany(store, kit.client, 'NOPE')).rejects.toThrow(/unknown ticker: NOPE \(not in SEC's list/);
    });

    it('marks a bundled company as tracked without overwriting it', async () => {
      const { company, created } = await addCompany(store, kit.client, 'AMZN');
      expect(created).toBe(false);
      expect(company.name).toBe('Amazon');
    });

    it('gives a filer a bulk ingest stored as CIK<number> its real ticker, facts and all', async () => {
      const zipPath = join(tmp.dir, 'one.zip');
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.from(JSON.stringify(companyFactsJson(companies.find((c) => c.ticker === 'SYNX')!))), `CIK${String(SYNX_CIK).padStart(10, '0')}.json`);
      zip.end();
      await new Promise<void>((resolve) => zip.outputStream.pipe(createWriteStream(zipPath)).on('close', () => resolve()));
      const bulk = await bulkIngest(store, zipPath);
      expect(bulk).toMatchObject({ companies: 1, created: 1 });
      const stored = (await listFacts(store.db, { tickers: [`CIK${SYNX_CIK}`] })).length;
      expect(stored).toBeGreaterThan(0);

      const r = await addCompany(store, kit.client, 'SYNX');
      expect(r).toMatchObject({ created: false, renamedFrom: `CIK${SYNX_CIK}`, company: { ticker: 'SYNX', cik: SYNX_CIK } });
      expect((await listFacts(store.db, { tickers: ['SYNX'] })).length).toBe(stored);
      expect((await listCompanies(store.db)).filter((c) => c.cik === SYNX_CIK).map((c) => c.ticker)).toEqual(['SYNX']);
    });
  });
});
