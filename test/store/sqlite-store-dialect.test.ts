// What only the SQLite dialect does, checked with a second raw connection (always runs: SQLite
// needs no server).
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { openStore, type Store } from '../../src/store/database.js';

let dir: string;
let file: string;
let store: Store;
let other: Sqlite.Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'airace-sqlite-'));
  file = join(dir, 'airace.db');
  store = await openStore(file);
  // Another process, in effect: a second connection that never waits for a lock.
  other = new Sqlite(file);
  other.pragma('busy_timeout = 0');
});
afterEach(async () => {
  other.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite lockInTransaction', () => {
  it('takes the write lock at once, as BEGIN IMMEDIATE would', async () => {
    await store.db.transaction().execute(async (trx) => {
      await store.dialect.lockInTransaction(trx, 'anything');
      expect(() => other.exec('begin immediate')).toThrow(/locked|busy/i);
    });
    other.exec('begin immediate');
    other.exec('rollback');
  });
});

describe('SQLite migrations', () => {
  it('hold the write lock while they run, so another process cannot migrate at the same time', async () => {
    let blocked: boolean | undefined;
    await store.dialect.withMigrationLock(store.db, async () => {
      try {
        other.exec('begin immediate');
        other.exec('rollback');
        blocked = false;
      } catch {
        blocked = true;
      }
    });
    expect(blocked).toBe(true);
  });

  it('leave nothing behind when one fails', async () => {
    const failing = store.dialect.withMigrationLock(store.db, async (conn) => {
      await conn.schema.createTable('half_made').addColumn('x', 'integer').execute();
      throw new Error('second step failed');
    });
    await expect(failing).rejects.toThrow('second step failed');
    expect(other.prepare("select count(*) as n from sqlite_master where name = 'half_made'").get()).toEqual({ n: 0 });
  });
});
