// End to end through main([...]) on every test dialect: `airace prices sync BABA` against a
// loopback source serving SYNTHETIC CSV, then `airace check` gives the seed's 70% claim a real
// verdict for the stated --date; `airace prices` prints what was stored, with its source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { DIALECTS, type TestDatabase } from '../helpers/dialects.js';
import { seedPath } from '../check/check-helpers.js';
import { needs } from '../helpers/requirements.js';
import { PriceFixtureServer } from './price-fixture-server.js';
import { babaCsv, hkCsv } from './price-test-kit.js';

for (const dialect of DIALECTS) {
  describe(dialect.name, () => {
    let server: PriceFixtureServer;
    let database: TestDatabase;
    let dir: string;

    beforeAll(async () => {
      server = await PriceFixtureServer.start({ 'baba.us': babaCsv(), '9988.hk': hkCsv() });
      database = await dialect.createDatabase();
      dir = mkdtempSync(join(tmpdir(), 'airace-prices-cli-'));
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const cli = (args: string[]) => runCli(['--db', database.target, ...args], server.env());
    const claim = (json: string, words: string) => (JSON.parse(json).claims as { text: string }[]).find((c) => c.text.includes(words)) as Record<string, any>;

    it('without prices, the claim is not checkable and says which command loads them', async () => {
      const text = join(dir, 'before.txt');
      writeFileSync(text, 'Alibaba shares have gained 70% this year.');
      const r = await cli(['check', text, '--date', '2025-03-01', '--format', 'json', '--no-charts']);
      expect(r.code).toBe(0);
      expect(claim(r.stdout, '70%')).toMatchObject({ verdict: 'not-checkable', reasonCode: 'price-data', reason: expect.stringContaining('run `airace prices sync BABA`') });
    });

    it('prices sync BABA stores both listings and reports them', async () => {
      const r = await cli(['prices', 'sync', 'BABA']);
      expect(r.stderr).not.toMatch(/failed/);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Price sync run \d+: 2 updated, 0 unchanged, 0 failed/);
      expect(r.stdout).toMatch(/updated\s+BABA\s+BABA \(NYSE ADR\): \d+ daily closes in USD, 2024-01-02 to 2025-06-30/);
      expect(r.stdout).toMatch(/updated\s+9988\.HK\s+9988\.HK \(HKEX\): \d+ daily closes in HKD/);
      expect(new URL(server.requestsFor('baba.us').at(-1)!.url, server.origin).searchParams.get('i')).toBe('d');
    });

    it('then check gives the seed’s 70% claim a real verdict for the stated date', needs('shared-seed'), async () => {
      const supported = await cli(['check', seedPath, '--date', '2025-03-01', '--format', 'json', '--no-charts']);
      expect(supported.code).toBe(0);
      const c = claim(supported.stdout, '70%');
      expect(c).toMatchObject({ verdict: 'supported', metric: 'share_price', sources: [{ url: `${server.baseUrl}?s=baba.us&i=d`, verified: 'secondary' }], actual: { start: '2024-12-31', end: '2025-02-28' } });
      expect(c.actual.value).toBeCloseTo(70, 6);
      // How each part was found: "this year" from the article date, the primary listing because the sentence names no market.
      expect(c.against).toMatchObject({
        company: { tickers: ['BABA'], how: 'carried' },
        listing: { id: 'BABA', how: 'inferred', words: null },
        period: { label: 'year to 2025-03-01', start: '2024-12-31', end: '2025-02-28', how: 'article-date' },
      });
      expect(c.notes).toContain('listing: Alibaba BABA (NYSE ADR), the primary listing (the sentence names no market)');
      // The Hong Kong line over the same window, and the gain the press reported, stay as "also".
      expect(c.alsoAgainst.map((e: { label: string }) => e.label)).toEqual(['the Alibaba 9988.HK (HKEX) listing over the same window', 'year-to-date gain to 2025-02-21, as reported (a reported figure, not a price series)']);
      // Later in the year the same words are wrong: 80 → 120 by the end of June is +50%.
      const later = claim((await cli(['check', seedPath, '--date', '2025-06-30', '--format', 'json', '--no-charts'])).stdout, '70%');
      expect(later).toMatchObject({ verdict: 'contradicted', actual: { end: '2025-06-30' } });
      expect(later.actual.value).toBeCloseTo(50, 6);
    });

    it('checks the day’s move and the Hong Kong line named in the sentence', async () => {
      const text = join(dir, 'moves.txt');
      writeFileSync(text, 'Alibaba results came out on Thursday. On Friday its shares were up 14% on the day.\nOn Monday, Alibaba shares fell 3% in Hong Kong.');
      const fri = await cli(['check', text, '--date', '2025-02-21', '--format', 'json', '--no-charts']);
      expect(claim(fri.stdout, '14%')).toMatchObject({ verdict: 'supported', actual: { start: '2025-02-20', end: '2025-02-21' } });
      const mon = await cli(['check', text, '--date', '2025-03-03', '--format', 'json', '--no-charts']);
      const hk = claim(mon.stdout, '3%');
      expect(hk).toMatchObject({ verdict: 'supported', sources: [{ url: `${server.baseUrl}?s=9988.hk&i=d` }], actual: { end: '2025-03-03' } });
      expect(hk.against.listing).toMatchObject({ id: '9988.HK', how: 'stated', words: 'Hong Kong' });
      expect(hk.notes[0]).toBe('listing: Alibaba 9988.HK (HKEX), from “Hong Kong”');
    });

    it('prices, prices change and prices moves print what is stored, with sources', async () => {
      const show = await cli(['prices', 'BABA', '--from', '2025-01-01', '--rebase', '--format', 'json']);
      expect(show.code).toBe(0);
      const s = JSON.parse(show.stdout);
      expect(s).toMatchObject({ series: 'share_price', rebase: '2025-01-01', dataAsOf: { newestPeriodEnd: '2025-06-30' } });
      const adr = s.listings.find((l: { listing: string }) => l.listing === 'BABA');
      expect(adr).toMatchObject({ currency: 'USD', base: { date: '2024-12-31', close: 80 }, source: { url: `${server.baseUrl}?s=baba.us&i=d` } });
      expect(adr.points.find((p: { date: string }) => p.date === '2025-02-28').index).toBeCloseTo(170, 6);

      const change = await cli(['prices', 'change', 'BABA', '--ytd', '--date', '2025-03-01', '--primary']);
      expect(change.code).toBe(0);
      expect(change.stdout).toMatch(/Price change, year to 2025-03-01\./);
      expect(change.stdout).toMatch(/BABA\s+Alibaba\s+USD\s+2024-12-31 \$80\.00\s+2025-02-28 \$136\.00\s+\+70\.0%/);

      const csv = await cli(['prices', 'moves', 'BABA', '--from', '2025-02-21', '--to', '2025-02-21', '--format', 'csv']);
      expect(csv.stdout.split('\n')[0]).toBe('listing,ticker,name,exchange,currency,date,previous_date,previous_close,close,change_pct,rank_in_year,source_url,retrieved_at');
      expect(csv.stdout).toMatch(/^BABA,BABA,Alibaba,NYSE,USD,2025-02-21,2025-02-20,120,136\.8,14\.0+\d*,1,/m);
    });

    it('usage errors exit 2 and name the option', async () => {
      expect((await cli(['prices', 'change', '--ytd', '--days', '5'])).code).toBe(2);
      const unknown = await cli(['prices', 'sync', 'NOSUCH']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/unknown listing: NOSUCH \(valid: .*9988\.HK/);
      expect((await runCli(['--db', database.target, 'prices', 'sync', 'BABA'], { ...server.env(), AIRACE_PRICES_URL: 'ftp://x' })).stderr).toMatch(/invalid AIRACE_PRICES_URL: ftp:\/\/x/);
    });
  });
}
