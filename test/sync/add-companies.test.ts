// `airace add A B C …`: SEC's ticker list is downloaded once for the whole command, and every
// tracked company gets a colour no other tracked or bundled company has, even past the size of
// the palette. The filers are SYNTHETIC (test/sync/fixtures/synthetic-calendars.ts).
import { expect, it } from 'vitest';
import { SecFixtureServer } from './sec-fixture-server.js';
import { calendarCompany, monthEnd } from './fixtures/synthetic-calendars.js';
import { runCli } from '../helpers/run-cli.js';
import { forEachDialect } from '../helpers/dialects.js';
import { serverAndDatabase } from './sync-test-kit.js';
import { SEC_COMPANY_PALETTE } from '../../src/ingest/sec/company-colour.js';

const companies = Array.from({ length: 16 }, (_, i) =>
  calendarCompany({ ticker: `SYN${String.fromCharCode(65 + i)}X`, cik: 9_000_200 + i, yearEnd: monthEnd(12), weeks: false, firstYear: 2024, lastYear: 2024, seed: i + 1 }).company,
);

forEachDialect('airace add with many tickers', (dialect) => {
  const fixture = serverAndDatabase(dialect, companies);

  it('downloads company_tickers.json once and gives every tracked company its own colour', async () => {
    const [server, database] = [fixture.server(), fixture.database()];
    const tickers = companies.map((c) => c.ticker);
    const r = await runCli(['--db', database.target, 'add', ...tickers], server.env());
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(server.requestsTo(SecFixtureServer.tickersPath())).toHaveLength(1);

    const list = (JSON.parse((await runCli(['--db', database.target, 'companies', '--format', 'json'])).stdout) as { companies: { ticker: string; colour: string; kind: string }[] }).companies;
    const shown = list.filter((c) => c.kind === 'company');
    expect(shown.length).toBe(tickers.length + 5);
    const colours = shown.map((c) => c.colour.toUpperCase());
    expect(new Set(colours).size, colours.join(' ')).toBe(colours.length);
    // More companies than palette colours: the palette is used up first, then further hues.
    expect(colours.filter((c) => (SEC_COMPANY_PALETTE as readonly string[]).includes(c))).toHaveLength(SEC_COMPANY_PALETTE.length);
    for (const c of colours) expect(c).toMatch(/^#[0-9A-F]{6}$/);
  });
});
