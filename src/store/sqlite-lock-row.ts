// Named locks for SQLite, which has no advisory locks: a row in store_locks says who holds a
// name (token, pid, host). Other processes and other callers in this process wait until the row
// is gone. A row left by a process that died on this host is taken over; a holder on another
// host (a database file on a network share) is reported to the waiter, never broken.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { LockOptions } from './store-dialect.js';

/**
 * Created when a connection opens (not by a migration): it is how the SQLite dialect implements
 * locks, not part of the data model, and PostgreSQL does not need it.
 */
export const SQLITE_LOCK_TABLE_DDL =
  'create table if not exists store_locks (name text primary key, token text not null, pid integer not null, host text not null, acquired_at text not null)';

/** How long a waiter sleeps between looks at the lock row. */
const POLL_MS = 100;

interface Holder {
  token: string;
  pid: number;
  host: string;
  acquired_at: string;
}

export async function withSqliteLockRow<T>(db: Kysely<any>, name: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const token = randomUUID();
  const me = { pid: process.pid, host: hostname() };
  let told = false;
  for (;;) {
    // Look before writing: a write would wait (blocking this thread) while another connection
    // writes, but a WAL read never waits.
    const held = (await sql<Holder>`select token, pid, host, acquired_at from store_locks where name = ${name}`.execute(db)).rows[0];
    if (!held) {
      const r = await sql`insert into store_locks (name, token, pid, host, acquired_at) values (${name}, ${token}, ${me.pid}, ${me.host}, ${new Date().toISOString()}) on conflict (name) do nothing`.execute(db);
      if (Number(r.numAffectedRows ?? 0) === 1) break;
      continue;
    }
    if (held.host === me.host && !processAlive(Number(held.pid))) {
      await sql`delete from store_locks where name = ${name} and token = ${held.token}`.execute(db);
      continue;
    }
    if (!told) {
      told = true;
      options.onWait?.({ name, holder: `pid ${held.pid} on host ${held.host} since ${held.acquired_at}` });
    }
    await delay(POLL_MS);
  }
  try {
    return await fn();
  } finally {
    await sql`delete from store_locks where name = ${name} and token = ${token}`.execute(db);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
