// SQLite has no advisory locks: withSyncLock writes a row naming its holder. Checked on its own
// (it needs no PostgreSQL, so it always runs).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/database.js';
import { withSyncLock } from '../../src/store/sync-lock.js';

async function withFileStore(fn: (store: Store, file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'airace-lock-'));
  const file = join(dir, 'airace.db');
  const store = await openStore(file);
  try {
    await fn(store, file);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SQLite lock row', () => {
  it('takes over a lock left by a process that died on this host', () =>
    withFileStore(async (store) => {
      const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
      await sql`insert into store_locks (name, token, pid, host, acquired_at) values ('sync:sec', 'stale', ${dead}, ${hostname()}, '2020-01-01T00:00:00Z')`.execute(store.db);
      let waited = false;
      expect(await withSyncLock(store, 'sec', async () => 'ran', { onWait: () => (waited = true) })).toBe('ran');
      expect(waited).toBe(false);
      expect((await sql`select count(*) as n from store_locks`.execute(store.db)).rows).toEqual([{ n: 0 }]);
    }));

  it('waits for a live holder on another host and names it', () =>
    withFileStore(async (store) => {
      await sql`insert into store_locks (name, token, pid, host, acquired_at) values ('sync:sec', 'remote', 1, 'other-host', '2020-01-01T00:00:00Z')`.execute(store.db);
      let holder = '';
      const sync = withSyncLock(store, 'sec', async () => 'ran', {
        onWait: (info) => {
          holder = info.holder;
          // The other host finishes: its row goes.
          void sql`delete from store_locks where token = 'remote'`.execute(store.db);
        },
      });
      expect(await sync).toBe('ran');
      expect(holder).toBe('pid 1 on host other-host since 2020-01-01T00:00:00Z');
    }));
});
