// End to end through main([...]): add, sync, series, audit, with --db the dialect's database (a
// temp file on SQLite, a PostgreSQL URL selecting a schema of its own) and the AIRACE_SEC_*
// variables pointing at the fixture server.
import { beforeEach, describe, expect, it } from 'vitest';
import { SecFixtureServer } from './sec-fixture-server.js';
import { fixtureCompanies, syntheticFacts, AMZN_CIK } from './fixtures/sec-fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { csvFacts } from '../helpers/facts-csv.js';
import { forEachDialect } from '../helpers/dialects.js';
import { serverAndDatabase } from './sync-test-kit.js';

const companies = fixtureCompanies();

forEachDialect('airace sync (CLI)', (dialect) => {
  const fixture = serverAndDatabase(dialect, companies);
  // Most tests read the server directly; it is there once beforeAll has run.
  let server: SecFixtureServer;
  beforeEach(() => {
    server = fixture.server();
    server.clearFaults();
  });

  const cli = (args: string[], env: Record<string, string | undefined> = server.env()) => runCli(['--db', fixture.database().target, ...args], env);

  describe('the User-Agent requirement', () => {
    for (const cmd of [['sync', 'AMZN'], ['add', 'SYNX']]) {
      it(`airace ${cmd[0]} refuses without AIRACE_SEC_USER_AGENT (exit 2) and says how to set it`, async () => {
        const r = await cli(cmd, { ...server.env(), AIRACE_SEC_USER_AGENT: undefined });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('SEC requires a descriptive User-Agent with contact details');
        expect(r.stderr).toContain('export AIRACE_SEC_USER_AGENT="Your Name you@example.com"');
        expect(server.requests).toHaveLength(0);
      });
    }
  });

  describe('add and sync', () => {
    it('add SYNX && sync SYNX, then series reads the synced facts', async () => {
      const add = await cli(['add', 'SYNX']);
      expect(add.stderr).not.toMatch(/error/i);
      expect(add.code).toBe(0);
      expect(add.stdout).toMatch(/^Added SYNX: SYNTHETIC SYNX TEST CORP \(CIK 9000001\), fiscal year ends in Dec, colour #[0-9A-F]{6}\./m);

      const sync = await cli(['sync', 'SYNX']);
      expect(sync.code).toBe(0);
      expect(sync.stdout).toMatch(/Sync run \d+: 1 updated, 0 unchanged, 0 failed/);
      expect(sync.stdout).toMatch(/updated\s+SYNX\s+\d+ facts in USD \(capex \d+/);
      // Not a terminal: plain progress lines, no bar.
      expect(sync.stderr).toMatch(/\[1\/1\] SYNX updated/);

      const series = await cli(['series', '-m', 'revenue', '-c', 'SYNX', '-p', 'fy', '-f', 'json']);
      expect(series.code).toBe(0);
      const result = JSON.parse(series.stdout);
      const points = result.series[0].points.filter((p: { value: number | null }) => p.value !== null);
      expect(points.length).toBeGreaterThan(0);
      for (const p of points) expect(p.sources[0]).toMatchObject({ kind: 'sec', url: expect.stringMatching(/^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\/9000001\/\d{18}\/$/) });

      const again = await cli(['sync', 'SYNX']);
      expect(again.stdout).toMatch(/0 updated, 1 unchanged, 0 failed/);
    });

    it('sync of a bundled company puts SEC facts beside the bundled ones; the share at xbrl rises; audit lists the disagreement', async () => {
      const mixOf = async () => {
        const r = await cli(['sources', 'AMZN', '--format', 'json']);
        expect(r.code).toBe(0);
        return JSON.parse(r.stdout).companies[0];
      };
      const before = await mixOf();
      // Bundled Amazon figures: the preferred rows, each with its verification level from data/facts.csv.
      const bundledXbrl = csvFacts.filter((r) => r.ticker === 'AMZN' && r.preferred === '1' && r.verified === 'xbrl').length;
      expect(before).toMatchObject({ ticker: 'AMZN', byOrigin: { sec: { count: 0 } }, byLevel: { xbrl: { count: bundledXbrl } } });

      const sync = await cli(['sync', 'Amazon']);
      expect(sync.code).toBe(0);

      // Synced filings stand for their periods, each verified xbrl with its accession.
      const after = await mixOf();
      expect(after.byOrigin.sec.count).toBeGreaterThan(0);
      expect(after.byLevel.xbrl.share).toBeGreaterThan(before.byLevel.xbrl.share);
      expect(after.byLevel.xbrl.count).toBeGreaterThanOrEqual(after.byOrigin.sec.count);
      const sum = (m: { byLevel: Record<string, { count: number }> }) => Object.values(m.byLevel).reduce((t, x) => t + x.count, 0);
      expect(sum(after)).toBe(after.figures);
      const facts = JSON.parse((await cli(['facts', 'AMZN', 'capex', '--from', '2024', '--to', '2024', '-f', 'json'])).stdout);
      const kinds = new Set(facts.facts.map((f: { sourceKind: string }) => f.sourceKind));
      expect(kinds).toEqual(new Set(['bundled', 'sec']));

      // The fixture's only disagreement with data/facts.csv is the SYNTHETIC +1% restatement of FY2025 capex.
      const restated = syntheticFacts(companies[0]!).find((f) => f.synthetic!.includes('restatement'))!;
      const bundled = Number(csvFacts.find((r) => r.ticker === 'AMZN' && r.metric === 'capex' && r.period_start === '2025-01-01' && r.period_end === '2025-12-31' && r.preferred === '1')!.value) * 1e6;
      const audit = await cli(['audit', 'AMZN', '--format', 'json']);
      expect(audit.code).toBe(0);
      const { rows } = JSON.parse(audit.stdout);
      const capex = rows.filter((r: { metric: string }) => r.metric === 'capex');
      expect(capex).toHaveLength(1);
      expect(capex[0]).toMatchObject({ ticker: 'AMZN', periodStart: '2025-01-01', periodEnd: '2025-12-31', secValue: restated.val, bundledValue: bundled, sec: { form: '10-K/A', accession: restated.accn } });
      expect(capex[0].differencePct).toBeCloseTo(1, 1);

      const table = await cli(['audit', 'AMZN']);
      expect(table.stdout).toMatch(/capex\s+2025-01-01\.\.2025-12-31\s+USD\s+[\d,.]+\s+[\d,.]+\s+1\.00\s+10-K\/A/);
      const strict = await cli(['audit', 'AMZN', '--threshold', '2', '--format', 'csv']);
      expect(strict.stdout.trim().split('\n').slice(1).filter((l) => l.includes(',capex,'))).toEqual([]);
    });

    it('series --as-first-reported shows the original 10-K figure, the default the amendment', async () => {
      const args = ['series', '-m', 'capex', '-c', 'AMZN', '-p', 'fy', '--from', '2025', '--to', '2025', '-f', 'json'];
      const newest = JSON.parse((await cli(args)).stdout).series[0].points[0];
      const first = JSON.parse((await cli([...args, '--as-first-reported'])).stdout).series[0].points[0];
      expect(newest.sources[0].form).toBe('10-K/A');
      expect(first.sources[0].form).toBe('10-K');
      expect(newest.value).toBeGreaterThan(first.value);
    });

    it('a failing company makes the run exit 1 with the reason in the summary; the others are synced', async () => {
      server.fault(SecFixtureServer.companyFactsPath(AMZN_CIK), { kind: 'truncate' }, 20);
      const r = await cli(['sync', '--force', 'AMZN', 'MSFT']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/1 updated, 0 unchanged, 1 failed/);
      expect(r.stdout).toMatch(/failed\s+AMZN\s+truncated response from .*gave up after 4 attempts/);
      expect(r.stdout).toMatch(/updated\s+MSFT/);
      expect(r.stderr).toMatch(/retrying in/);
      expect(r.stderr).toMatch(/airace: 1 company failed to sync/);

      server.clearFaults();
      const resumed = await cli(['sync', '--resume']);
      expect(resumed.code).toBe(0);
      // Only AMZN is redone; its stored data never changed, so the conditional request says so.
      expect(resumed.stdout).toMatch(/0 updated, 1 unchanged, 0 failed, 1 done earlier/);
      expect(resumed.stdout).toMatch(/unchanged\s+AMZN/);
      expect((await cli(['sync', '--resume'])).stdout).toMatch(/Nothing to resume/);
    });

    it('with no tickers, syncs every tracked company', async () => {
      const r = await cli(['sync']);
      // GOOGL and META are tracked (bundled) but the fixture server has no documents for them.
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/failed\s+GOOGL\s+not found \(404\)/);
      expect(r.stdout).toMatch(/failed\s+META\s+not found \(404\)/);
      for (const t of ['AMZN', 'MSFT', 'BABA', 'SYNX']) expect(r.stdout).toMatch(new RegExp(`(updated|unchanged)\\s+${t}\\b`));
    });

    it('unknown tickers are usage errors (exit 2)', async () => {
      const sync = await cli(['sync', 'NOPE']);
      expect(sync.code).toBe(2);
      expect(sync.stderr).toMatch(/unknown ticker: NOPE \(not in the store; run `airace add NOPE` first\)/);
      const add = await cli(['add', 'NOPE']);
      expect(add.code).toBe(2);
      expect(add.stderr).toMatch(/unknown ticker: NOPE \(not in SEC's list/);
    });
  });
});
