// `npm run bench -- [flags]`: what to measure and how big. Defaults fit the 10-minute budget on a
// 2-core machine (see docs/bench.md); every flag scales one section.
import { parseArgs } from 'node:util';

export const SECTIONS = ['ingest', 'queries', 'charts', 'claims', 'pages'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Uncompressed size of the synthetic companyfacts archive, MB (MiB, as the generator counts). */
  sizeMb: number;
  /** Ingest target: a temporary SQLite file (null) or a postgres:// URL (a schema is made per run). */
  db: string | null;
  /** Facts in the query benchmark's database. */
  facts: number;
  /** Runs per measurement (ingest, limits); the median is reported. */
  runs: number;
  /** Seconds per autocannon run. */
  durationS: number;
  connections: number[];
  sections: Section[];
  seed: number;
  out: string;
}

const USAGE = `usage: npm run bench -- [--size MB] [--db postgres://...] [--facts N] [--runs N]
                        [--duration S] [--connections 1,16,64] [--only ingest,queries,charts,claims,pages]
                        [--seed N] [--out FILE]`;

function positive(name: string, raw: string, integer = false): number {
  const n = Number(raw.replace(/_/g, ''));
  if (!(n > 0) || (integer && !Number.isInteger(n))) throw new Error(`invalid --${name}: ${raw} (expected a positive ${integer ? 'integer' : 'number'})\n${USAGE}`);
  return n;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '500' },
      db: { type: 'string' },
      facts: { type: 'string', default: '10000000' },
      runs: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '1,16,64' },
      only: { type: 'string', default: SECTIONS.join(',') },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/results/latest.md' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const db = values.db ?? null;
  if (db !== null && !/^postgres(ql)?:\/\//i.test(db)) throw new Error(`invalid --db: the ingest benchmark targets a temporary SQLite file by default; --db takes a postgres:// URL\n${USAGE}`);
  const sections = values.only.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const s of sections) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`invalid --only: ${s} (expected some of ${SECTIONS.join(', ')})`);
  return {
    sizeMb: positive('size', values.size),
    db,
    facts: positive('facts', values.facts, true),
    runs: positive('runs', values.runs, true),
    durationS: positive('duration', values.duration),
    connections: values.connections.split(',').map((c) => positive('connections', c.trim(), true)),
    sections: sections as Section[],
    seed: positive('seed', values.seed, true),
    out: values.out,
  };
}
