// The query benchmark's database: the bundled (real, verified) data, so the series queries hit
// real companies, plus SYNTHETIC SEC companies up to the requested number of facts. Built once per
// size and seed into bench/data/ and reused; the JSON beside it is written last, so a build that
// was interrupted is redone. Built in a child process so that it can overlap the archive's
// generation (both are setup, never measured).
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDataDir } from '../data-dir.js';
import { benchScript, runChild } from '../child-process.js';

/** Bump when the build changes, so old cached databases are not reused. */
export const QUERY_DB_VERSION = 1;

export interface QueryDbInfo {
  facts: number;
  companies: number;
  syntheticCompanies: number;
  bundledFacts: number;
  /** Distinct synthetic companies generated; the rest are copies of them under other CIKs. */
  generatedCompanies: number;
  buildMs: number;
}

export interface QueryDb extends QueryDbInfo {
  path: string;
  /** True when this run built it. */
  built: boolean;
}

export function queryDbPaths(facts: number, seed: number) {
  const base = join(benchDataDir(), `query-SYNTHETIC-${facts}-facts-seed${seed}-v${QUERY_DB_VERSION}`);
  return { db: `${base}.db`, meta: `${base}.json` };
}

export function removeDbFiles(path: string): void {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(path + s, { force: true });
}

export async function ensureQueryDb(facts: number, seed: number, log: (s: string) => void): Promise<QueryDb> {
  const { db, meta } = queryDbPaths(facts, seed);
  if (existsSync(db) && existsSync(meta)) {
    return { ...(JSON.parse(readFileSync(meta, 'utf8')) as QueryDbInfo), path: db, built: false };
  }
  log(`building the query database: bundled data + SYNTHETIC companies up to ${facts.toLocaleString('en-US')} facts (kept in bench/data/ for the next run)…`);
  rmSync(meta, { force: true });
  const partial = `${db}.partial`;
  removeDbFiles(partial);
  const info = await runChild<QueryDbInfo>(benchScript('query/query-db-child'), [partial, String(facts), String(seed)], { nodeArgs: ['--max-old-space-size=4096'] });
  removeDbFiles(db);
  renameSync(partial, db);
  writeFileSync(meta, `${JSON.stringify({ ...info, label: 'SYNTHETIC companies from scripts/make-synthetic-companyfacts.ts plus the bundled data; not SEC data' }, null, 2)}\n`);
  return { ...info, path: db, built: true };
}
