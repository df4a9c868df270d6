// Where a worker pool's module is (the server's check and PNG pools, bulk ingest's decoders): the
// compiled JavaScript in this build (dist/), or, when this file runs as TypeScript source (tests),
// the build of it in dist/ (`npm test` builds first: pretest). Loading TypeScript in a worker
// through a loader hook is not reliable on Node 20.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

/**
 * The worker module at `modulePath` under src/, without extension (`server/check-worker`), as
 * piscina's `filename`; null when it is not built.
 */
export function builtWorkerFile(modulePath: string): { filename: string } | null {
  const beside = new URL(`../${modulePath}.js`, import.meta.url);
  if (existsSync(fileURLToPath(beside))) return { filename: beside.href };
  const built = builtPath(modulePath);
  if (existsSync(built)) return { filename: pathToFileURL(built).href };
  return null;
}

/** As builtWorkerFile, failing with what to do when it is not built. */
export function workerFile(modulePath: string): { filename: string } {
  const found = builtWorkerFile(modulePath);
  if (found) return found;
  const name = modulePath.split('/').at(-1)!.replace(/-/g, ' ');
  throw new Error(`the ${name} is not built: run \`npm run build\` (looked for ${builtPath(modulePath)})`);
}

function builtPath(modulePath: string): string {
  return join(packageRoot(), 'dist', 'src', ...modulePath.split('/')) + '.js';
}
