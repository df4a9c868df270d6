// `npm run bench`: measures airace on this machine and writes bench/results/latest.md.
// Every result sits beside a limit measured in the same run on the same data, as a ratio, so the
// figures say how close airace gets to what this machine allows, not just how fast it was today.
// See docs/bench.md for the flags and what each ratio means.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import os from 'node:os';
import { openStore } from '../src/store/database.js';
import { ensureBundledData } from '../src/ingest/bundled-data.js';
import { packageRoot } from '../src/config/paths.js';
import { SECTIONS, parseBenchOptions, type BenchOptions } from './bench-options.js';
import { machineInfo, type MachineInfo } from './machine-info.js';
import { staleBuildFiles } from './dist-freshness.js';
import { ensureArchive, type SyntheticArchive } from './ingest/synthetic-archive.js';
import { ensureQueryDb, type QueryDb } from './query/query-db.js';
import { ingestBench } from './ingest/ingest-bench.js';
import { queryBench } from './query/query-bench.js';
import { chartBench } from './chart-bench.js';
import { claimBench } from './claim-bench.js';
import { pageBench } from './page-bench.js';
import { RESULT_HEADER, markdownTable, resultCells, targetLine, textTable, type SectionResult } from './report.js';
import { MB, fmt, seconds } from './stats.js';

const BUDGET_MS = 10 * 60_000;

function log(s: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
}

function flagsOf(o: BenchOptions): string {
  const f = [`--size ${o.sizeMb}`, `--facts ${o.facts}`, `--runs ${o.runs}`, `--duration ${o.durationS}`, `--connections ${o.connections.join(',')}`];
  if (o.db) f.push('--db postgres://…');
  if (o.sections.length < SECTIONS.length) f.push(`--only ${o.sections.join(',')}`);
  return f.join(' ');
}

interface Setup {
  archive: SyntheticArchive | null;
  queryDb: QueryDb | null;
  ms: number;
}

function markdown(o: BenchOptions, m: MachineInfo, setup: Setup, sections: SectionResult[], totalMs: number): string {
  const rows = sections.flatMap((s) => s.rows);
  const limits = sections.flatMap((s) => s.limits);
  const targets = sections.flatMap((s) => s.targets);
  const notes = sections.flatMap((s) => s.notes);
  const lines: string[] = [];
  lines.push('# airace benchmark results', '');
  lines.push(`Written by \`npm run bench -- ${flagsOf(o)}\` on ${m.date.slice(0, 10)}. How to run it and what each ratio means: [docs/bench.md](../../docs/bench.md).`);
  lines.push('Every input is SYNTHETIC (made by `scripts/make-synthetic-companyfacts.ts`; no figure in it is real), except the bundled data the queries, charts and claim checks ask about.', '');
  lines.push('## Machine', '');
  lines.push(
    markdownTable(
      ['Cores', 'CPU', 'Memory', 'Node', 'SQLite', 'OS', 'Date (UTC)', 'Load (1 min) start → end'],
      [[String(m.cores), m.cpu, `${fmt(m.memoryGb, 1)} GB`, m.node, m.sqlite, m.os, m.date.replace('T', ' ').slice(0, 19), `${fmt(m.loadStart, 2)} → ${fmt(m.loadEnd ?? NaN, 2)}`]],
    ),
    '',
  );
  lines.push(`Whole run: **${seconds(totalMs)}** (budget ${seconds(BUDGET_MS)}), of which setup ${seconds(setup.ms)}: ${setupText(setup)}.`, '');
  if (m.loadStart >= m.cores / 2) {
    lines.push(
      `> When the run started, before any of its own work, the load average was ${fmt(m.loadStart, 2)} on ${m.cores} cores: other processes were busy, so absolute figures are lower and noisier than on an idle machine. ` +
        'Each ratio compares figures taken in turn under the same conditions, which is why the ratios are the ones to read.',
      '',
    );
  }
  lines.push('## Results', '');
  lines.push('Ratio = result ÷ limit, as the share of the limit reached (100% = as fast as the limit; for times, limit time ÷ our time). Each limit is measured in the same run, on the same data.', '');
  lines.push(markdownTable(RESULT_HEADER, resultCells(rows)), '');
  lines.push('## Limits measured in this run', '');
  lines.push(markdownTable(['Section', 'Limit', 'Result', 'How it is measured'], limits.map((l) => [l.section, l.name, l.result, l.how])), '');
  lines.push('## Targets', '');
  lines.push(...targets.map(targetLine), '');
  if (notes.length || o.db) {
    lines.push('## Notes', '');
    if (o.db) lines.push('- The ingest wrote to PostgreSQL (a fresh schema per run); its limits are still the SQLite and JSON ones, measured on the same files.');
    lines.push(...notes.map((n) => `- ${n}`));
    lines.push(`- ${m.cores} cores: the query server and autocannon share them, and the ingest is single-threaded, so the second core idles during the ingest.`, '');
  }
  return lines.join('\n');
}

function setupText(s: Setup): string {
  const parts: string[] = [];
  if (s.archive) {
    parts.push(
      `${s.archive.generated ? `generated in ${seconds(s.archive.generateMs!)}` : 'reused'} the SYNTHETIC archive (${fmt(s.archive.companies, 0)} companies, ` +
        `${fmt(s.archive.facts, 0)} XBRL facts, ${fmt(s.archive.uncompressedBytes / MB)} MB uncompressed)`,
    );
  }
  if (s.queryDb) {
    parts.push(
      `${s.queryDb.built ? `built in ${seconds(s.queryDb.buildMs)}` : 'reused'} the query database (${fmt(s.queryDb.facts, 0)} facts, ` +
        `${fmt(s.queryDb.companies, 0)} companies: ${fmt(s.queryDb.syntheticCompanies, 0)} SYNTHETIC, copies of ${fmt(s.queryDb.generatedCompanies, 0)} generated ones, and the bundled ones)`,
    );
  }
  return parts.join('; ') || 'nothing';
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const o = parseBenchOptions(process.argv.slice(2));
  const root = packageRoot();
  const stale = staleBuildFiles(root);
  if (stale.length) {
    throw new Error(`dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}): run \`npm run build\` first, so the benchmark measures the code as it is`);
  }
  const machine = machineInfo();
  log(`airace benchmark: ${flagsOf(o)} on ${machine.cores} cores, ${fmt(machine.memoryGb, 1)} GB, Node ${machine.node}`);

  // Setup (never measured): the archive and the query database, each in a child process, at once.
  const [archive, queryDb] = await Promise.all([
    o.sections.includes('ingest') ? ensureArchive(o.sizeMb, o.seed, log) : Promise.resolve(null),
    o.sections.includes('queries') ? ensureQueryDb(o.facts, o.seed, log) : Promise.resolve(null),
  ]);
  const setup: Setup = { archive, queryDb, ms: Date.now() - t0 };
  log(`setup done in ${seconds(setup.ms)}: ${setupText(setup)}`);

  const sections: SectionResult[] = [];
  if (archive) sections.push(await ingestBench(o, archive, log));
  if (queryDb) sections.push(await queryBench(o, queryDb, log));
  if (o.sections.includes('charts') || o.sections.includes('claims') || o.sections.includes('pages')) {
    const store = await openStore(':memory:');
    try {
      await ensureBundledData(store);
      if (o.sections.includes('charts')) sections.push(await chartBench(store, log));
      if (o.sections.includes('claims')) sections.push(await claimBench(store, log));
      if (o.sections.includes('pages')) sections.push(await pageBench(store, log));
    } finally {
      await store.close();
    }
  }

  machine.loadEnd = os.loadavg()[0]!;
  const totalMs = Date.now() - t0;
  const rows = sections.flatMap((s) => s.rows);
  process.stdout.write(`\n${textTable(RESULT_HEADER, resultCells(rows))}\n\n`);
  for (const t of sections.flatMap((s) => s.targets)) process.stdout.write(`${targetLine(t).replace(/\*\*/g, '')}\n`);
  const out = resolve(root, o.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, markdown(o, machine, setup, sections, totalMs));
  process.stdout.write(`\nWhole run ${seconds(totalMs)} (setup ${seconds(setup.ms)}; budget ${seconds(BUDGET_MS)}). Wrote ${o.out}\n`);
  if (totalMs > BUDGET_MS) process.stdout.write(`Over the ${seconds(BUDGET_MS)} budget: lower --size, --facts, --runs or --duration (docs/bench.md).\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exit(1);
});
