import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import envPaths from 'env-paths';

/** Default database file: the user's data directory (XDG on Linux, Application Support on macOS). */
export function defaultDbPath(): string {
  return join(envPaths('airace', { suffix: '' }).data, 'airace.db');
}

/**
 * Where the database lives: `--db` wins, then AIRACE_DB, then DATABASE_URL (for PostgreSQL
 * deployments), then the user's data directory.
 */
export function resolveDbTarget(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.AIRACE_DB || env.DATABASE_URL || defaultDbPath();
}

/** The package root (holds data/ and assets/), from src/ under tests or dist/src/ when built. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('cannot find the airace package root (a folder with package.json and data/)');
}

export function bundledDataDir(): string {
  return join(packageRoot(), 'data');
}
