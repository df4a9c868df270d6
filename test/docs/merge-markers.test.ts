// A merge left `<<<<<<<` markers in docs/api.md once and nothing noticed: no file of the project
// may keep the lines git writes around a conflict.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'coverage']);
const TEXT = /\.(ts|js|mjs|cjs|json|md|csv|txt|css|html|svg|yml|yaml|sh)$|^\.ci\/run$/;

function* projectFiles(dir: string, rel = ''): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* projectFiles(join(dir, entry.name), path);
    } else if (TEXT.test(path)) yield path;
  }
}

describe('the repository', () => {
  it('has no unresolved merge-conflict markers in any text file', () => {
    const hits: string[] = [];
    let files = 0;
    for (const path of projectFiles(ROOT)) {
      files++;
      readFileSync(join(ROOT, path), 'utf8').split('\n').forEach((line, i) => {
        if (/^(<{7} |>{7} |={7}$)/.test(line)) hits.push(`${path}:${i + 1}: ${line}`);
      });
    }
    expect(files).toBeGreaterThan(100);
    expect(hits, 'conflict markers left by a merge').toEqual([]);
  });
});
