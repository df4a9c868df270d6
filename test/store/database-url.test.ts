// The CLI reaches every dialect the way users point it at one: DATABASE_URL, AIRACE_DB or --db
// (--db wins over AIRACE_DB, which wins over DATABASE_URL), and answers the same on each.
import { expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { forEachDialect } from '../helpers/dialects.js';

const SERIES = ['series', '--metric', 'capex', '--companies', 'AMZN,MSFT,GOOGL,META', '--from', '2022', '--to', '2025', '--period', 'fy', '--format', 'json'];

let first: string | undefined;

forEachDialect('database URL', (dialect) => {
  it('initialises from DATABASE_URL, then serves --db and AIRACE_DB with the same answer', async () => {
    const database = await dialect.createDatabase();
    try {
      const init = await runCli(['init'], { DATABASE_URL: database.target, AIRACE_DB: undefined });
      expect(init.code, init.stderr).toBe(0);
      expect(init.stdout).toMatch(/^Loaded \d+ facts/);
      expect(init.stdout).not.toMatch(/:airace@/);

      const viaFlag = await runCli(['--db', database.target, ...SERIES], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', AIRACE_DB: undefined });
      const viaEnv = await runCli(SERIES, { AIRACE_DB: database.target, DATABASE_URL: undefined });
      expect(viaFlag.code, viaFlag.stderr).toBe(0);
      expect(viaEnv.stdout).toBe(viaFlag.stdout);
      // And the same bytes as the dialect before it in the list.
      first ??= viaFlag.stdout;
      expect(viaFlag.stdout).toBe(first);
    } finally {
      await database.drop();
    }
  });
});
