// Where a worker pool's module is: the compiled JavaScript beside this file (dist/), or, when
// this file runs as TypeScript source (tests), the build of it in dist/ (`npm test` builds first:
// pretest). Loading TypeScript in a worker through a loader hook is not reliable on Node 20.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { packageRoot } from '../config/paths.js';

/** The worker module `name` (`check-worker`), as piscina's `filename`; null when it is not built. */
export function builtWorkerFile(name: string): { filename: string } | null {
  const beside = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(beside))) return { filename: beside.href };
  const built = join(packageRoot(), 'dist', 'src', 'server', `${name}.js`);
  if (existsSync(built)) return { filename: pathToFileURL(built).href };
  return null;
}

/** As builtWorkerFile, failing with what to do when it is not built. */
export function workerFile(name: string): { filename: string } {
  const found = builtWorkerFile(name);
  if (found) return found;
  throw new Error(`the ${name.replace(/-/g, ' ')} is not built: run \`npm run build\` (looked for ${join(packageRoot(), 'dist', 'src', 'server', `${name}.js`)})`);
}
