// Statements are kept by SQL text, reads included; a kept read that is still iterating (Kysely's
// stream()) is not handed out again, so the same select can run while it streams.
import { expect, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import { withStatementCache } from '../../src/store/sqlite-statement-cache.js';

it('hands out a kept read again, but never one that is still iterating', () => {
  const raw = new Sqlite(':memory:');
  raw.exec('create table t (n integer); insert into t values (1), (2), (3)');
  let writes = 0;
  const db = withStatementCache(raw, 4, () => writes++);
  const select = 'select n from t order by n';
  const first = db.prepare(select);
  expect(db.prepare(select)).toBe(first);
  const rows: unknown[] = [];
  for (const row of first.iterate([]) as Iterable<{ n: number }>) {
    // The kept statement is busy: a second prepare gives another one, which runs to the end.
    const again = db.prepare(select);
    expect(again).not.toBe(first);
    rows.push([row.n, (again.all([]) as { n: number }[]).map((r) => r.n)]);
  }
  expect(rows).toEqual([[1, [1, 2, 3]], [2, [1, 2, 3]], [3, [1, 2, 3]]]);
  expect(db.prepare(select)).toBe(first);
  // Writes are still counted, and the least recently used statement goes first.
  db.prepare('insert into t values (?)').run([4]);
  expect(writes).toBe(1);
  for (const sql of ['select 1', 'select 2', 'select 3', 'select 4']) db.prepare(sql);
  expect(db.prepare(select)).not.toBe(first);
  expect((db.prepare(select).all([]) as { n: number }[]).map((r) => r.n)).toEqual([1, 2, 3, 4]);
  db.close();
});
