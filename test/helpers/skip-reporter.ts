// Says what did not run. At the start of a run: which requirements are missing on this machine
// (test/helpers/requirements.ts), so nobody reads a green run as a full one. At the end: every
// suite that was skipped, grouped by why. Under CI=true a run that skipped anything CI installs
// (.ci/run: chromium, PostgreSQL, dist/) fails, since a skip there means a suite silently stopped
// running. Other skips are printed, not failed: third-party files in ../shared are never copied
// into the repository, and a test that must switch user cannot in every checkout.
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';
import { isInstallableReason, missingRequirements } from './requirements.js';

type Entity = TestCase | TestSuite;

/** The outermost suite (or the test itself) skipped for `reason`: what the summary names. */
function skippedUnit(test: TestCase, reason: string): Entity {
  let unit: Entity = test;
  while (unit.parent.type === 'suite' && unit.parent.meta().skippedBecause === reason) unit = unit.parent;
  return unit;
}

/** Skipped tests by reason, then by the suite that carried it, with how many tests each held. */
export function skippedByReason(modules: readonly TestModule[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const module of modules) {
    for (const test of module.children.allTests('skipped')) {
      const reason = test.meta().skippedBecause;
      if (!reason) continue; // skipped by a filter (-t, .only), not for something missing
      const unit = skippedUnit(test, reason);
      const name = `${module.relativeModuleId} › ${unit.fullName}`;
      const units = out.get(reason) ?? new Map<string, number>();
      units.set(name, (units.get(name) ?? 0) + 1);
      out.set(reason, units);
    }
  }
  return out;
}

function print(lines: string[]): void {
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
}

export default class SkipReporter implements Reporter {
  onInit(): void {
    const missing = missingRequirements();
    if (missing.length === 0) {
      print(['', 'airace tests: everything the suites need is here (chromium, PostgreSQL, ../shared, dist/); nothing will be skipped for a missing requirement.', '']);
      return;
    }
    print(['', 'airace tests: the suites needing these will be SKIPPED:', ...missing.map((m) => `  - ${m.reason}`), '']);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = skippedByReason(modules);
    if (skipped.size === 0) {
      print(['', 'airace tests: no suite was skipped for a missing requirement.', '']);
      return;
    }
    const total = [...skipped.values()].flatMap((units) => [...units.values()]).reduce((a, b) => a + b, 0);
    const lines = ['', `airace tests: ${total} tests were SKIPPED:`];
    for (const [reason, units] of skipped) {
      lines.push(`  ${reason}:`);
      for (const [name, count] of units) lines.push(`    - ${name} (${count} test${count === 1 ? '' : 's'})`);
    }
    const installable = [...skipped.keys()].filter(isInstallableReason);
    if (process.env.CI && installable.length > 0) {
      lines.push('airace tests: failing the run: CI=true and tests were skipped for something .ci/run installs:', ...installable.map((r) => `  - ${r}`));
      process.exitCode = 1;
    }
    print([...lines, '']);
  }
}
