// `airace doctor`: is the database sound? Opens it without migrating or loading anything, runs
// the checks of src/store/store-health.ts and says what to do about each problem.
import type { Program } from '../cli-context.js';
import { openStore } from '../../store/database.js';
import { storeHealth, type HealthStatus } from '../../store/store-health.js';
import { resolveDbTarget } from '../../config/paths.js';

const LABEL: Record<HealthStatus, string> = { ok: 'ok', warn: 'warning', fail: 'FAILED', skipped: 'skipped' };

export function registerDoctor(program: Program): void {
  program
    .command('doctor')
    .description("check the database without changing it: connection, read-only access, schema, SQLite's integrity check, contents, unfinished runs; says what to do about each problem (exit 1 if one fails)")
    .option('--quick', 'run PRAGMA quick_check instead of the full integrity_check (faster on a large database)')
    .action(async (o, cmd) => {
      const store = await openStore(resolveDbTarget((cmd.optsWithGlobals()).db), { migrate: false });
      try {
        process.stdout.write(`Database: ${store.dialect.location}\n`);
        const checks = await storeHealth(store, { quick: o.quick });
        const width = Math.max(...Object.values(LABEL).map((l) => l.length));
        for (const c of checks) {
          process.stdout.write(`${LABEL[c.status].padEnd(width)}  ${c.name}: ${c.detail}\n`);
          if (c.advice && (c.status === 'warn' || c.status === 'fail')) process.stdout.write(`${''.padEnd(width)}  → ${c.advice}\n`);
        }
        const failed = checks.filter((c) => c.status === 'fail');
        if (failed.length) throw new Error(`${failed.length} check${failed.length === 1 ? '' : 's'} failed: ${failed.map((c) => c.name).join(', ')}`);
        process.stdout.write('The database is sound.\n');
      } finally {
        await store.close();
      }
    });
}
