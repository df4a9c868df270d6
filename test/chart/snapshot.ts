// Golden-file snapshots in the style of Plot's test/plot-snapshot.js: outputs live in
// test/output/<name>.<ext>; a mismatch writes <name>-changed.<ext> next to it for diffing.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const outputDir = fileURLToPath(new URL('../output/', import.meta.url));

/**
 * Rounds long decimals (geometry like 81.31818181818181) to 2 places, re-indexes generated ids
 * and puts one tag per line so diffs are readable. Short decimals such as "$83.0B" in text stay.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const stableId = (id: string) => ids.get(id) ?? ids.set(id, `id${ids.size}`).get(id)!;
  return svg
    .replace(/-?\d+\.\d{3,}(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/\b(clip|gradient|pattern|marker)(\d+)\b/g, (id) => stableId(id))
    .replace(/>\s*</g, '>\n<')
    .trim()
    .concat('\n');
}

export function assertSnapshot(name: string, ext: 'svg' | 'vl.json', actual: string, dir = outputDir): void {
  mkdirSync(dir, { recursive: true });
  const golden = join(dir, `${name}.${ext}`);
  const changed = join(dir, `${name}-changed.${ext}`);
  if (!existsSync(golden)) {
    // CI must compare against committed goldens, never mint them.
    if (process.env.CI === 'true') throw new Error(`missing snapshot ${golden}: run the tests locally and commit it`);
    writeFileSync(golden, actual);
    return;
  }
  const expected = readFileSync(golden, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`snapshot ${name}.${ext} changed: compare ${changed} with ${golden}, then replace the golden if the change is intended`);
}
