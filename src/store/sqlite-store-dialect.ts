import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import type { StoreDialect } from './store-dialect.js';

export function sqliteStoreDialect(path: string): StoreDialect {
  return {
    name: 'sqlite',
    autoIncrementType: 'integer',
    needsAutoIncrementModifier: true,
    maxParameters: 32766,
    location: path,
    createKyselyDialect() {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      const db = new Sqlite(path);
      // WAL lets the dashboard read while a sync writes; readers see the last committed company.
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      return new SqliteDialect({ database: db });
    },
  };
}
