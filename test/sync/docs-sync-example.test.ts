// docs/sync.md's own example, run as written against the loopback mirror:
//   airace add NVDA ORCL && airace sync NVDA ORCL && airace series -m capex -c NVDA,ORCL,MSFT -p cy --from 2023
// The mirror serves SEC's formats; NVDA and ORCL there are SYNTHETIC filers on NVIDIA's calendar
// (52/53 weeks to the last Sunday of January) and Oracle's (years ending 31 May), so the
// example must print values for every calendar year their quarters cover, not "no data".
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { calendarCompany, lastWeekdayOf, monthEnd } from './fixtures/synthetic-calendars.js';
import { runCli } from '../helpers/run-cli.js';
import { forEachDialect } from '../helpers/dialects.js';
import { serverAndDatabase } from './sync-test-kit.js';

const docs = readFileSync(new URL('../../docs/sync.md', import.meta.url), 'utf8');
/** The example's commands, from the first code block of docs/sync.md. */
const example = /```sh\n([\s\S]*?)```/.exec(docs)![1]!
  .split('\n')
  .map((l) => l.replace(/#.*$/, '').trim())
  .filter((l) => l.startsWith('airace '));

const nvda = calendarCompany({ ticker: 'NVDA', cik: 9_000_301, yearEnd: lastWeekdayOf(0, 1), weeks: true, firstYear: 2022, lastYear: 2025, seed: 21 });
const orcl = calendarCompany({ ticker: 'ORCL', cik: 9_000_302, yearEnd: monthEnd(5), weeks: false, firstYear: 2022, lastYear: 2025, seed: 22 });

forEachDialect('the example in docs/sync.md', (dialect) => {
  const fixture = serverAndDatabase(dialect, [nvda.company, orcl.company]);

  it('adds and syncs NVDA and ORCL, then prints their calendar-year capex beside Microsoft’s', async () => {
    const args = (line: string) => line.split(/\s+/).slice(1);
    const add = example.find((l) => l.startsWith('airace add'))!;
    const sync = example.find((l) => /^airace sync \w/.test(l))!;
    const series = example.find((l) => l.startsWith('airace series'))!;
    expect([add, sync, series]).toEqual(['airace add NVDA ORCL', 'airace sync NVDA ORCL', 'airace series -m capex -c NVDA,ORCL,MSFT -p cy --from 2023']);

    const cli = (line: string) => runCli(['--db', fixture.database().target, ...args(line)], fixture.server().env());
    expect((await cli(add)).code).toBe(0);
    expect((await cli(sync)).code).toBe(0);
    const out = await cli(series);
    expect(out.code).toBe(0);
    const rows = out.stdout.split('\n').filter((l) => /^\s*20\d\d\s/.test(l));
    // Calendar 2023 and 2024 are covered by all three: a value in every column.
    for (const year of ['2023', '2024']) {
      const row = rows.find((l) => l.trim().startsWith(year))!;
      expect(row, out.stdout).toBeDefined();
      expect(row).not.toMatch(/no-data|incomplete|—/);
      expect(row.trim().split(/\s{2,}/)).toHaveLength(4);
    }
    // Each calendar year names the fiscal quarters it is made of.
    expect(out.stdout).toMatch(/NVDA: 2023 = FY2024 Q1–Q4, 2024 = FY2025 Q1–Q4/);
    expect(out.stdout).toMatch(/ORCL: 2023 = FY2023 Q3–FY2024 Q2, 2024 = FY2024 Q3–FY2025 Q2/);

    const json = JSON.parse((await cli(`${series} --format json`)).stdout) as { series: { ticker: string; points: { label: string; value: number | null; start: string; end: string }[] }[] };
    const point = (t: string, y: string) => json.series.find((s) => s.ticker === t)!.points.find((p) => p.label === y)!;
    // NVDA calendar 2024 is its FY2025, with the filed dates; ORCL's is the sum of its four quarters labelled 2024.
    const fy2025 = nvda.truth.years.capex.find((y) => y.fiscalYear === 2025)!;
    expect(point('NVDA', '2024')).toMatchObject({ value: fy2025.value, start: fy2025.start, end: fy2025.end });
    const orclQuarters = orcl.truth.quarters.capex.filter((q) => q.end > '2024-01-15' && q.end <= '2025-01-15');
    expect(orclQuarters).toHaveLength(4);
    expect(point('ORCL', '2024')).toMatchObject({ value: orclQuarters.reduce((s, q) => s + q.value, 0), start: '2023-12-01', end: '2024-11-30' });
  });
});
