// Generated benchmark inputs live in bench/data/ (gitignored): SYNTHETIC archives and databases,
// named by what they hold so that a re-run with the same flags reuses them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/config/paths.js';

export function benchDataDir(): string {
  const dir = join(packageRoot(), 'bench', 'data');
  mkdirSync(dir, { recursive: true });
  return dir;
}
