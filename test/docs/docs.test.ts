// The docs must keep up with the code (Datasette's test_docs habit).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { cliReference } from '../../src/cli/cli-reference.js';
import { buildProgram } from '../../src/cli/main.js';
import { METRIC_IDS } from '../../src/series/metrics.js';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

describe('docs', () => {
  it('docs/cli.md is generated from the current --help (run `npm run docs:cli`)', () => {
    expect(read('docs/cli.md')).toBe(cliReference());
  });

  it('the README names every command', () => {
    const readme = read('README.md');
    for (const cmd of buildProgram().commands) expect(readme, `README lacks airace ${cmd.name()}`).toContain(`airace ${cmd.name()}`);
  });

  it('the methodology defines every metric', () => {
    const methodology = read('docs/methodology.md');
    for (const id of METRIC_IDS) expect(methodology, `docs/methodology.md lacks ${id}`).toContain(`\`${id}\``);
  });

  it('the README shows the seed chart that is in docs/', () => {
    expect(read('README.md')).toContain('docs/seed-chart.png');
    expect(existsSync(new URL('../../docs/seed-chart.png', import.meta.url))).toBe(true);
  });
});
