// What some suites need beyond `npm ci`: Debian's chromium, a PostgreSQL test database, the
// third-party files in ../shared, the built CLI in dist/. A suite that needs one declares it with
// `needs(...)`, so a missing one skips it with the reason recorded on the suite; the skip reporter
// (test/helpers/skip-reporter.ts) prints those reasons at the start and end of `npm test` and fails
// a run under CI=true that skipped anything. One list, read by the tests and by the reporter.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');
export const CHROMIUM = '/usr/bin/chromium';
export const BUILT_CLI = join(REPO_ROOT, 'dist', 'src', 'cli', 'bin.js');

export type Requirement = 'chromium' | 'postgres' | 'shared-seed' | 'shared-sec-real' | 'shared-models' | 'dist';

interface RequirementCheck {
  available: () => boolean;
  /** Why the suites that need it did not run, and how to make them run. */
  missing: string;
}

function configuredDialects(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.AIRACE_TEST_DIALECTS || 'sqlite').split(',').map((s) => s.trim()).filter(Boolean);
}

const CHECKS: Record<Requirement, RequirementCheck> = {
  chromium: { available: () => existsSync(CHROMIUM), missing: `no chromium at ${CHROMIUM} (apt-get install chromium)` },
  postgres: {
    available: () => configuredDialects().includes('postgres'),
    missing: 'no PostgreSQL: AIRACE_TEST_DIALECTS does not include postgres (set AIRACE_TEST_DIALECTS=sqlite,postgres and AIRACE_TEST_PG_URL; docs/postgres.md)',
  },
  'shared-seed': {
    available: () => existsSync(join(SHARED_DIR, 'seed', 'alibaba-agi-race.txt')),
    missing: `no ../shared: ${join(SHARED_DIR, 'seed', 'alibaba-agi-race.txt')} is absent`,
  },
  'shared-sec-real': {
    available: () => existsSync(join(SHARED_DIR, 'sec-real', 'api', 'xbrl', 'companyfacts', 'CIK0001835632.json')),
    missing: `no ../shared: the recorded SEC responses in ${join(SHARED_DIR, 'sec-real')} are absent`,
  },
  'shared-models': {
    available: () => ['models.csv', 'epoch-notable-ai-models-2025-04.csv'].every((f) => existsSync(join(SHARED_DIR, 'data', 'models', f))),
    missing: `no ../shared: Epoch AI's files in ${join(SHARED_DIR, 'data', 'models')} are absent`,
  },
  dist: { available: () => existsSync(BUILT_CLI), missing: 'no dist/: the CLI is not built (npm test builds it first; or run npm run build)' },
};

/** What .ci/run installs or builds: a suite skipped for one of these in CI has silently stopped running.
 *  Other skips (third-party files kept in ../shared, a file-permission test that cannot switch user in
 *  this checkout) are printed, not failed. */
const INSTALLED_BY_CI: readonly Requirement[] = ['chromium', 'postgres', 'dist'];

/** Whether a skip reason names something CI installs (`needs` joins several reasons with '; '). */
export function isInstallableReason(reason: string): boolean {
  return reason.split('; ').some((part) => INSTALLED_BY_CI.some((r) => CHECKS[r].missing === part));
}

export function isAvailable(requirement: Requirement): boolean {
  return CHECKS[requirement].available();
}

/** The requirements missing on this machine, each with the reason the suites needing it skip. */
export function missingRequirements(): { requirement: Requirement; reason: string }[] {
  return (Object.keys(CHECKS) as Requirement[]).filter((r) => !isAvailable(r)).map((requirement) => ({ requirement, reason: CHECKS[requirement].missing }));
}

declare module '@vitest/runner' {
  interface TaskMeta {
    /** Why the suite or test was skipped: set by `needs` and `skipBecause`, read by the skip reporter. */
    skippedBecause?: string;
  }
}

/** Options for `describe`/`it`: skipped, with the reason, unless every requirement is available. */
export function needs(...requirements: Requirement[]): { skip: boolean; meta: { skippedBecause?: string } } {
  const reasons = requirements.filter((r) => !isAvailable(r)).map((r) => CHECKS[r].missing);
  return skipBecause(reasons.length > 0 ? reasons.join('; ') : null);
}

/** Options for `describe`/`it`: skipped when `reason` is given, recording it for the skip reporter. */
export function skipBecause(reason: string | null): { skip: boolean; meta: { skippedBecause?: string } } {
  return reason ? { skip: true, meta: { skippedBecause: reason } } : { skip: false, meta: {} };
}
