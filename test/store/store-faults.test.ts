// Store faults (issue #19, finding 9): a read-only database is read without writing anything and
// a write names the database; a damaged file fails `init` and `airace doctor` with what to do.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { openStore } from '../../src/store/database.js';
import { storeHealth } from '../../src/store/store-health.js';
import { ensureBundledData } from '../../src/ingest/bundled-data.js';
import { runCli } from '../helpers/run-cli.js';
import { forEachDialect } from '../helpers/dialects.js';
import { skipBecause } from '../helpers/requirements.js';

const bin = new URL('../../dist/src/cli/bin.js', import.meta.url).pathname;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A SQLite store with the bundled data, closed (so its WAL is checkpointed into the file). */
async function bundledDatabase(dir: string): Promise<string> {
  const file = join(dir, 'airace.db');
  const store = await openStore(file);
  await ensureBundledData(store);
  await store.close();
  return file;
}

/**
 * Runs the built CLI as a user the file permissions apply to: root ignores them, so as root the
 * child runs as nobody (uid 65534). Null when that user cannot run the CLI here.
 */
function cliAsReader(): ((args: string[], env?: Record<string, string>) => { code: number | null; stdout: string; stderr: string }) | null {
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: 65534, gid: 65534 } : {};
  const run = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [bin, ...args], { ...ids, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), TZ: 'UTC', ...env } });
    return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  if (!existsSync(bin)) return null;
  return run(['--version']).code === 0 ? run : null;
}

describe('a read-only database', () => {
  const cli = cliAsReader();
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'airace-ro-'));
    file = await bundledDatabase(dir);
  });
  afterAll(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });
  const unlessCli = skipBecause(cli ? null : existsSync(bin) ? 'the built CLI cannot run as another user here (file permissions cannot be tested)' : 'no dist/: the CLI is not built (npm test builds it first; or run npm run build)');

  it('in a read-only folder is read, and nothing is written', unlessCli, () => {
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    const before = sha(file);
    const series = cli!(['--db', file, 'series', '--companies', 'AMZN', '--from', '2024', '--to', '2024', '--format', 'csv']);
    expect(series.stderr).toBe('');
    expect(series.code).toBe(0);
    expect(series.stdout).toMatch(/^AMZN,Amazon,capex,fy,FY2024,/m);
    const served = cli!(['--db', file, 'serve', '--get', '/api/v1/series?companies=MSFT&from=2024&to=2024']);
    expect(served.code).toBe(0);
    expect(JSON.parse(served.stdout).series[0].points[0].value).toBeGreaterThan(0);
    const init = cli!(['--db', file, 'init']);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/^Up to date: .*\nDatabase: .*airace\.db \(\d+ facts in all; read-only: the file is not writable\)/);
    const doctor = cli!(['--db', file, 'doctor']);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/warning +access: read-only/);
    expect(doctor.stdout).toMatch(/ok +integrity: PRAGMA integrity_check: ok/);
    expect(readdirSync(dir)).toEqual(['airace.db']);
    expect(sha(file)).toBe(before);
  });

  it('refuses a write with a message naming the database and why', unlessCli, () => {
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    const reload = cli!(['--db', file, 'init', '--force']);
    expect(reload.code).toBe(1);
    expect(reload.stderr).toContain(`airace: the database at ${file} is read-only (the file is not writable), and loading the data needs to write to it`);
    const sync = cli!(['--db', file, 'sync', 'AMZN'], { AIRACE_SEC_USER_AGENT: 'airace tests tests@example.com', AIRACE_SEC_WWW_URL: 'http://127.0.0.1:9', AIRACE_SEC_DATA_URL: 'http://127.0.0.1:9' });
    expect(sync.code).toBe(1);
    expect(sync.stderr).toContain(`the database at ${file} is read-only`);
  });

  it('whose file alone is read-only is read in a writable folder', unlessCli, () => {
    chmodSync(dir, 0o777);
    chmodSync(file, 0o444);
    const before = sha(file);
    const series = cli!(['--db', file, 'series', '--companies', 'META', '--from', '2024', '--to', '2024', '--format', 'csv']);
    expect(series.code).toBe(0);
    expect(series.stdout).toMatch(/^META,Meta,capex,fy,FY2024,/m);
    expect(sha(file)).toBe(before);
    chmodSync(dir, 0o755);
  });
});

/**
 * Scrambles the cells of a facts index's root page (an interior b-tree page, so the damage is
 * in pointers SQLite follows), leaving the table, the page header and the other indexes intact.
 */
function damageFactsIndex(file: string): void {
  const db = new Sqlite(file);
  db.pragma('journal_mode = DELETE');
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const roots = (db.prepare("select rootpage from sqlite_master where type = 'index' and tbl_name = 'facts'").all() as { rootpage: number }[]).map((r) => r.rootpage);
  db.close();
  const bytes = readFileSync(file);
  const INTERIOR_INDEX_PAGE = 0x02;
  const root = roots.find((r) => bytes[(r - 1) * pageSize] === INTERIOR_INDEX_PAGE);
  if (root === undefined) throw new Error('no facts index with an interior root page to damage');
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize - 200, 0x5a), 0, pageSize - 200, (root - 1) * pageSize + 100);
  closeSync(fd);
}

describe('a damaged database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'airace-corrupt-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails init instead of passing as up to date, and says what to do', async () => {
    const file = await bundledDatabase(mkdtempSync(join(dir, 'init-')));
    expect((await runCli(['--db', file, 'init'])).stdout).toMatch(/^Up to date/);
    damageFactsIndex(file);
    const r = await runCli(['--db', file, 'init']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^airace: the database at ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged: .*page`));
    expect(r.stderr).toMatch(/Restore it from a backup.*airace init.*airace doctor/s);
  });

  it('fails airace doctor, full or quick, which a sound one passes', async () => {
    const file = await bundledDatabase(mkdtempSync(join(dir, 'doctor-')));
    const sound = await runCli(['--db', file, 'doctor']);
    expect(sound.code).toBe(0);
    expect(sound.stdout).toMatch(/ok +integrity: PRAGMA integrity_check: ok/);
    expect(sound.stdout).toMatch(/ok +contents: 6 companies, \d+ facts, \d+ events/);
    expect(sound.stdout).toMatch(/The database is sound\.\n$/);
    damageFactsIndex(file);
    for (const args of [['doctor'], ['doctor', '--quick']]) {
      const r = await runCli(['--db', file, ...args]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/FAILED +integrity: /);
      expect(r.stdout).toMatch(/→ Restore it from a backup/);
      expect(r.stderr).toMatch(/1 check failed: integrity/);
    }
  });
});

forEachDialect('airace doctor', (dialect) => {
  it('reports pending and unknown migrations without applying them', async () => {
    const database = await dialect.createDatabase();
    try {
      const bare = await openStore(database.target, { migrate: false });
      const pending = await storeHealth(bare);
      expect(pending.find((c) => c.name === 'connect')?.status).toBe('ok');
      expect(pending.find((c) => c.name === 'schema')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/^0 of \d+ migrations applied; pending: 0001-init/) });
      expect(pending.find((c) => c.name === 'contents')?.status).toBe('skipped');
      await bare.close();

      const store = await openStore(database.target);
      const healthy = await storeHealth(store);
      expect(healthy.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.name)).toEqual(['contents']);
      expect(healthy.find((c) => c.name === 'integrity')?.status).toBe(dialect.name === 'sqlite' ? 'ok' : 'skipped');
      const schema = await store.dialect.migrationSchema(store.db);
      await sql`insert into ${sql.table(schema ? `${schema}.kysely_migration` : 'kysely_migration')} (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(store.db);
      const newer = await storeHealth(store);
      expect(newer.find((c) => c.name === 'schema')).toMatchObject({ status: 'fail', detail: 'migrations unknown to this version: 9999-from-the-future', advice: expect.stringMatching(/upgrade airace/) });
      await store.close();
    } finally {
      await database.drop();
    }
  });
});

describe('airace doctor on an unreachable PostgreSQL server', () => {
  it('fails the connection check and says what to look at', async () => {
    const r = await runCli(['--db', 'postgres://airace:airace@127.0.0.1:9/nowhere', 'doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAILED +connect: .*\n +→ check DATABASE_URL \(or --db\)/);
    expect(r.stdout).toMatch(/skipped +schema/);
  });
});
