// `airace models …` end to end on a temporary database: the empty state, import (and a bad
// file that loads nothing), the series command with its sources, list, chart, loads.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../sync/sync-test-kit.js';
import { TRANSCRIBED_FILE, readShared, startLines, table, tempFile, withCell } from './models-fixtures.js';
import { needs } from '../helpers/requirements.js';

describe('airace models (CLI)', needs('shared-models'), () => {
  const dir = tempDir();
  const db = join(dir.dir, 'airace.db');
  const cli = (...args: string[]) => runCli(['--db', db, 'models', ...args]);
  afterAll(() => dir.cleanup());

  it('says how to load the data when none is loaded, and draws nothing', async () => {
    const list = await cli('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toBe('No models data is loaded. Run `airace models sync` to download Epoch AI’s table (or `airace models import FILE` for a downloaded copy).\n');
    const series = await cli('series', '--metric', 'frontier_compute');
    expect(series.stdout).toMatch(/^No models data is loaded\. Run `airace models sync`/);
    const chart = await cli('chart', '--out', join(dir.dir, 'none.svg'));
    expect(chart.code).toBe(1);
    expect(chart.stderr).toMatch(/airace: nothing to draw: No models data is loaded/);
  });

  it('rejects a file with a malformed row, naming file:line, and loads nothing', async () => {
    const text = withCell(readShared(TRANSCRIBED_FILE), 40, 'parameters', '70B');
    const bad = tempFile('models-bad.csv', text);
    try {
      const r = await cli('import', bad.path);
      expect(r.code).toBe(1);
      // Rows above it hold line breaks inside quoted cells: the line is where row 40 starts.
      expect(r.stderr).toBe(`airace: ${bad.path}:${startLines(text)[40]}: parameters: expected a non-negative number or an empty cell (got "70B")\n`);
    } finally {
      bad.cleanup();
    }
    expect((await cli('loads')).stdout).toMatch(/^No models data is loaded/);
  });

  it('imports the transcribed table and prints frontier compute for the US and China with its sources', async () => {
    const imported = await cli('import', TRANSCRIBED_FILE);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported .*models\.csv as the retrieval of 2026-04 \(retrieval date from the snapshot column\)\.\n {2}881 models \(transcribed format; Epoch tables: notable, large_scale, all\)\n {2}620 with a training-compute estimate, 261 without one/);
    const r = await cli('series', '--metric', 'frontier_compute', '--country', 'US,China', '--period', 'cy');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^frontier_compute by country \(cy\) in FLOP: /);
    const header = lines.findIndex((l) => /^period\s+US\s+China$/.test(l));
    expect(header).toBeGreaterThan(0);
    const body = lines.slice(header + 2, header + 12);
    expect(body.map((l) => l.trim().split(/\s+/)[0])).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    // Every value cites a numbered source, and each source is an Epoch row with its line.
    const refs = new Set(body.flatMap((l) => [...l.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))));
    expect(refs.size).toBeGreaterThan(3);
    for (const n of refs) expect(r.stdout).toMatch(new RegExp(`\\n {2}\\[${n}\\] .+\\(models\\.csv line \\d+\\)`));
    expect(r.stdout).toContain('Missing (never counted as zero):');
    expect(r.stdout).toMatch(/Licensed under CC BY 4\.0/);
    // The last year's US frontier is the largest US estimate in the file.
    const { header: h, rows } = table(readShared(TRANSCRIBED_FILE));
    const us = rows.filter((x) => x[h.indexOf('country')]!.includes('United States of America') && !/China|Hong Kong/.test(x[h.indexOf('country')]!) && x[h.indexOf('training_compute_flop')] !== '');
    const max = Math.max(...us.map((x) => Number(x[h.indexOf('training_compute_flop')])));
    expect(body.at(-1)).toContain(max.toExponential(1).replace('e+', 'e'));
    const json = JSON.parse((await cli('series', '--metric', 'frontier_compute', '--country', 'US', '--format', 'json')).stdout);
    expect(json.series[0].points.at(-1).value).toBe(max);
  });

  it('lists, charts and shows retrievals; usage errors exit 2', async () => {
    const list = await cli('list', '--org', 'DeepSeek', '--from', '2025', '--limit', '3');
    expect(list.stdout).toMatch(/^\d+ models \(newest 3 shown;/);
    expect(list.stdout).toMatch(/DeepSeek-V4-Pro\s+DeepSeek\s+China/);
    const csv = await cli('list', '--country', 'China', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('model,organization,actors,tickers,country,country_group,publication_date,domain,parameters,training_compute_flop,training_cost_usd,cost_basis,training_hardware,hardware_quantity,confidence,accessibility,open_weights,link,dataset,snapshot,source_table,retrieved,source_line');
    const out = join(dir.dir, 'compute.svg');
    const chart = await cli('chart', '--type', 'compute', '--out', out);
    expect(chart.code, chart.stderr).toBe(0);
    expect(chart.stdout).toMatch(/^Wrote .*compute\.svg\nAlt text: Dot chart of the training compute of \d+ AI models/);
    expect(readFileSync(out, 'utf8')).toMatch(/>Qwen[^<]*<\/text>/);
    const loads = await cli('loads', '--format', 'json');
    expect(JSON.parse(loads.stdout).loads).toHaveLength(1);
    expect((await cli('series', '--metric', 'gdp')).code).toBe(2);
    expect((await cli('list', '--org', 'Nonexistent Lab')).code).toBe(2);
    expect((await cli('import', TRANSCRIBED_FILE, '--retrieved', 'last week')).code).toBe(2);
  });
});
