// What `airace doctor` checks: that the store answers, what it may do (read-only?), whether its
// schema matches this version, whether the engine finds its pages intact, what it holds, and runs
// left unfinished. Each check says what to do when it is not fine. Changes nothing.
import { sql } from 'kysely';
import type { Store } from './database.js';
import { migrationStatus, storeErrorOf } from './database.js';
import { CorruptStoreError } from '../model/errors.js';

export type HealthStatus = 'ok' | 'warn' | 'fail' | 'skipped';

export interface HealthCheck {
  name: 'connect' | 'access' | 'schema' | 'integrity' | 'contents' | 'runs';
  status: HealthStatus;
  detail: string;
  /** What to do about a warning or failure. */
  advice?: string;
}

/** Problems listed per check; SQLite stops after this many. */
const PROBLEM_LIMIT = 20;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** SQLite reports integrity problems as lines under a "*** in database main ***" heading. */
export function problemLines(reported: string[]): string[] {
  return reported.flatMap((r) => r.split('\n')).map((l) => l.trim()).filter((l) => l && !/^\*\*\* in database/.test(l));
}

export async function storeHealth(store: Store, { quick = false }: { quick?: boolean } = {}): Promise<HealthCheck[]> {
  const { db, dialect } = store;
  const checks: HealthCheck[] = [];
  const skipRest = (from: HealthCheck['name'][]) => from.forEach((name) => checks.push({ name, status: 'skipped', detail: 'not checked (see above)' }));

  try {
    await sql`select 1`.execute(db);
    checks.push({ name: 'connect', status: 'ok', detail: `opens and answers (${dialect.name})` });
  } catch (e) {
    const known = storeErrorOf(e, dialect, 'reading it');
    checks.push({
      name: 'connect',
      status: 'fail',
      detail: messageOf(known ?? e),
      advice: dialect.name === 'postgres' ? 'check DATABASE_URL (or --db): host, port, database name, user and password, and that the server is running' : 'check the path given by --db, AIRACE_DB or the default, and that the file is a SQLite database airace made',
    });
    skipRest(['access', 'schema', 'integrity', 'contents', 'runs']);
    return checks;
  }

  checks.push(
    dialect.readOnlyReason
      ? { name: 'access', status: 'warn', detail: `read-only: ${dialect.readOnlyReason}`, advice: 'reading works (series, chart, check, serve); init, sync, add and the admin reload need write access' }
      : { name: 'access', status: 'ok', detail: 'readable and writable' },
  );

  let schemaReady = false;
  try {
    const m = await migrationStatus(db, dialect);
    const total = m.applied.length + m.pending.length;
    if (m.unknown.length) {
      checks.push({ name: 'schema', status: 'fail', detail: `migrations unknown to this version: ${m.unknown.join(', ')}`, advice: 'a newer airace wrote this database: upgrade airace before using it' });
    } else if (m.pending.length) {
      checks.push({ name: 'schema', status: 'warn', detail: `${m.applied.length} of ${total} migrations applied; pending: ${m.pending.join(', ')}`, advice: dialect.readOnlyReason ? 'open it once with write access (`airace init`) to migrate it' : '`airace init` (or any other command) applies them' });
    } else {
      checks.push({ name: 'schema', status: 'ok', detail: `all ${total} migrations applied` });
    }
    schemaReady = m.applied.length > 0 && !m.unknown.length;
  } catch (e) {
    checks.push({ name: 'schema', status: 'fail', detail: `cannot read the migration table: ${messageOf(e)}`, advice: 'run `airace doctor` on a copy restored from a backup, or move the database aside and run `airace init`' });
  }

  if (!dialect.integrityProblems) {
    checks.push({ name: 'integrity', status: 'skipped', detail: `no page check airace can run on ${dialect.name}; its own tools are data checksums and the amcheck extension` });
  } else {
    try {
      const problems = problemLines(await dialect.integrityProblems(db, { quick, limit: PROBLEM_LIMIT }));
      const pragma = quick ? 'quick_check' : 'integrity_check';
      checks.push(
        problems.length
          ? { name: 'integrity', status: 'fail', detail: `PRAGMA ${pragma} reports ${problems.length}${problems.length >= PROBLEM_LIMIT ? '+' : ''} problem${problems.length === 1 ? '' : 's'}: ${problems.slice(0, 5).join('; ')}`, advice: CorruptStoreError.ADVICE }
          : { name: 'integrity', status: 'ok', detail: `PRAGMA ${pragma}: ok` },
      );
    } catch (e) {
      checks.push({ name: 'integrity', status: 'fail', detail: messageOf(e), advice: CorruptStoreError.ADVICE });
    }
  }

  if (!schemaReady) {
    skipRest(['contents', 'runs']);
    return checks;
  }
  try {
    const count = async (table: 'companies' | 'facts' | 'events') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const [companies, facts, events] = [await count('companies'), await count('facts'), await count('events')];
    checks.push(
      facts === 0
        ? { name: 'contents', status: 'warn', detail: `${companies} companies, no facts`, advice: '`airace init` loads the bundled data' }
        : { name: 'contents', status: 'ok', detail: `${companies} companies, ${facts} facts, ${events} events` },
    );
  } catch (e) {
    checks.push({ name: 'contents', status: 'fail', detail: messageOf(storeErrorOf(e, dialect, 'reading it') ?? e), advice: CorruptStoreError.ADVICE });
  }
  try {
    const open = await db.selectFrom('runs').select(['id', 'kind', 'started_at']).where('status', '=', 'running').orderBy('id').execute();
    checks.push(
      open.length
        ? {
            name: 'runs',
            status: 'warn',
            detail: `${open.length} run${open.length === 1 ? '' : 's'} still marked running: ${open.slice(0, 5).map((r) => `${r.kind} #${r.id} since ${r.started_at}`).join(', ')}`,
            advice: 'if no airace command is running now, they were interrupted: `airace sync --resume` continues an interrupted sync',
          }
        : { name: 'runs', status: 'ok', detail: 'no unfinished runs' },
    );
  } catch (e) {
    checks.push({ name: 'runs', status: 'fail', detail: messageOf(e) });
  }
  return checks;
}

