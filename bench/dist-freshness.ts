// `npm run bench` runs the compiled JavaScript in dist/. Measuring yesterday's build after editing
// src/ would report numbers for code that is not there any more, so refuse to start instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function* tsFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'data' && e.name !== 'results' && e.name !== 'node_modules') yield* tsFiles(p);
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) yield p;
  }
}

/** Sources under src/, bench/ and scripts/ whose dist/ counterpart is missing or older. */
export function staleBuildFiles(root: string): string[] {
  const stale: string[] = [];
  for (const top of ['src', 'bench', 'scripts']) {
    const dir = join(root, top);
    if (!existsSync(dir)) continue;
    for (const ts of tsFiles(dir)) {
      const js = join(root, 'dist', relative(root, ts)).replace(/\.ts$/, '.js');
      if (!existsSync(js) || statSync(js).mtimeMs < statSync(ts).mtimeMs) stale.push(relative(root, ts));
    }
  }
  return stale;
}
