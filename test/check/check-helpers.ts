// Shared by the claim-checker tests: a bundled store, the seed article, the example articles,
// and a way to find a checked claim by a piece of its words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CheckReport, CheckedClaim } from '../../src/check/check-report.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const seedPath = path.resolve(repoRoot, '../shared/seed/alibaba-agi-race.txt');
export const readSeed = () => readFileSync(seedPath, 'utf8');
export const readExample = (name: string) => readFileSync(path.join(repoRoot, 'examples/articles', name), 'utf8');

/** The one claim that matches `predicate` (described for the failure message). */
export function claimWhere(report: CheckReport, what: string, predicate: (c: CheckedClaim) => boolean): CheckedClaim {
  const found = report.claims.filter(predicate);
  expect(found, `one claim: ${what}; claims: ${report.claims.map((c) => `${c.kind} ${c.metric ?? ''} ${c.claimed?.display ?? ''}`).join(' | ')}`).toHaveLength(1);
  return found[0]!;
}

/** The one claim of `kind` whose words contain `words`. */
export function claimWith(report: CheckReport, words: string, kind?: CheckedClaim['kind']): CheckedClaim {
  const found = report.claims.filter((c) => c.text.includes(words) && (!kind || c.kind === kind));
  expect(found, `one ${kind ?? ''} claim containing “${words}”; claims: ${report.claims.map((c) => `${c.kind}: ${c.text}`).join(' | ')}`).toHaveLength(1);
  return found[0]!;
}
