// Which engine a --db / AIRACE_DB / DATABASE_URL value selects. No server needed: dialects are
// chosen from the target string and PostgreSQL connects only when the store opens.
import { describe, expect, it } from 'vitest';
import { dialectFor, openStore } from '../../src/store/database.js';
import { redactPassword } from '../../src/store/postgres-store-dialect.js';
import { resolveDbTarget } from '../../src/config/paths.js';

describe('dialectFor', () => {
  it('opens postgres:// and postgresql:// URLs with PostgreSQL and paths with SQLite', () => {
    expect(dialectFor('postgres://u:p@db.example/airace').name).toBe('postgres');
    expect(dialectFor('POSTGRESQL://db.example/airace').name).toBe('postgres');
    expect(dialectFor('/var/lib/airace/airace.db').name).toBe('sqlite');
    expect(dialectFor(':memory:').name).toBe('sqlite');
  });

  it('names capabilities instead of engines', () => {
    const pg = dialectFor('postgres://db.example/airace');
    const lite = dialectFor(':memory:');
    expect([pg.supportsCopy, pg.maxParameters, pg.autoIncrementType]).toEqual([true, 65535, 'bigserial']);
    expect([lite.supportsCopy, lite.maxParameters, lite.autoIncrementType]).toEqual([false, 32766, 'integer']);
  });

  it('rejects other URL schemes without echoing the password', () => {
    expect(() => dialectFor('mysql://root:hunter2@db/airace')).toThrow(/unsupported database URL: mysql:\/\/\*\*\*@db\/airace/);
  });

  it('takes DATABASE_URL when neither --db nor AIRACE_DB is given', () => {
    const env = { DATABASE_URL: 'postgres://db.example/airace' };
    expect(dialectFor(resolveDbTarget(undefined, env)).name).toBe('postgres');
    expect(dialectFor(resolveDbTarget('/tmp/x.db', env)).name).toBe('sqlite');
  });
});

describe('PostgreSQL location', () => {
  it('hides the password in messages', () => {
    expect(redactPassword('postgres://airace:s3cret@db.example:5432/airace')).toBe('postgres://airace:***@db.example:5432/airace');
    expect(redactPassword('postgres://db.example/airace')).toBe('postgres://db.example/airace');
    expect(dialectFor('postgres://airace:s3cret@db.example/airace').location).not.toContain('s3cret');
  });

  it('names the database, not the password, when it cannot connect', async () => {
    // Port 1 on localhost refuses at once: no server, no waiting.
    const error = await openStore('postgres://airace:s3cret@127.0.0.1:1/airace').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^cannot open the database at postgres:\/\/airace:\*\*\*@127\.0\.0\.1:1\/airace: /);
    expect((error as Error).message).not.toContain('s3cret');
  });
});
