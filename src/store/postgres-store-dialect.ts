// PostgreSQL for shared deployments (DATABASE_URL=postgres://...). Same migrations, queries and
// results as SQLite: the pool parses bigint and numeric columns into JS numbers and leaves dates
// as text, text columns sort by code point, and COPY and advisory locks are capabilities the
// code above asks for by name. `pg` and `pg-copy-streams` load only when a URL asks for them.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PostgresDialect, sql, type DatabaseIntrospector, type Kysely, type Transaction } from 'kysely';
import type { Pool, PoolClient, CustomTypesConfig } from 'pg';
import type { LockOptions, StoreDialect, StoreExecutor } from './store-dialect.js';
import { copyCsvChunks } from './copy-csv.js';
import { CodePointTextPlugin } from './code-point-text-plugin.js';
import { CurrentSchemaIntrospector } from './current-schema-introspector.js';
import { readGenerationRow } from './store-generation.js';

/** Dialect factory for `registerDialect`: claims postgres:// and postgresql:// URLs. */
export function postgresStoreDialectFor(target: string): StoreDialect | null {
  return /^postgres(ql)?:\/\//i.test(target) ? postgresStoreDialect(target) : null;
}

export function postgresStoreDialect(url: string): StoreDialect {
  // COPY must run on the very connection of the caller's transaction; Kysely does not hand out
  // its pg client, so clients are found by backend pid (pg_backend_pid() inside the transaction).
  const clients = new Map<number, PoolClient>();
  const pidOf = (c: PoolClient) => (c as unknown as { processID: number | null }).processID;

  const dialect: StoreDialect = {
    name: 'postgres',
    // bigserial: every sync replaces a company's rows with new ids, so ids run out faster than rows.
    autoIncrementType: 'bigserial',
    needsAutoIncrementModifier: false,
    kyselyPlugins: [new CodePointTextPlugin()],
    maxParameters: 65535,
    supportsCopy: true,
    location: redactPassword(url),
    // A read-only role or standby is found out by its first write (see readOnlyStoreErrorOf).
    readOnlyReason: null,

    createKyselyDialect() {
      return new StorePostgresDialect({
        pool: async () => {
          const pg = (await import('pg')).default;
          const pool: Pool = new pg.Pool({ connectionString: url, application_name: 'airace', types: storeTypes(pg.types) });
          pool.on('connect', (c) => {
            const pid = pidOf(c);
            if (pid !== null) clients.set(pid, c);
          });
          pool.on('remove', (c) => {
            const pid = pidOf(c);
            if (pid !== null && clients.get(pid) === c) clients.delete(pid);
          });
          // An idle connection that dies (server restart) is dropped by the pool; the next query
          // opens a new one or fails with its own error. Without a listener the process would exit.
          pool.on('error', () => {});
          return pool;
        },
      });
    },

    async migrationSchema(db) {
      const r = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
      const schema = r.rows[0]?.schema;
      if (!schema) {
        const path = await sql<{ search_path: string }>`show search_path`.execute(db);
        throw new Error(`PostgreSQL: no schema on the search_path (${path.rows[0]?.search_path}) exists; create it first`);
      }
      return schema;
    },

    // Kysely already migrates PostgreSQL in a transaction under an advisory lock.
    withMigrationLock(db, fn) {
      return fn(db);
    },

    async copyRows(db, table, columns, rows) {
      if (!db.isTransaction) return db.transaction().execute((trx) => dialect.copyRows(trx, table, columns, rows));
      const r = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      const client = clients.get(Number(r.rows[0]!.pid));
      if (!client) throw new Error('PostgreSQL COPY: cannot find the connection of the current transaction');
      const { from } = (await import('pg-copy-streams')).default;
      const ident = (s: string) => '"' + s.replace(/"/g, '""') + '"';
      const stream = client.query(from(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(Readable.from(copyCsvChunks(rows)), stream);
      return stream.rowCount;
    },

    generation(db) {
      return readGenerationRow(db);
    },

    async lockInTransaction(trx: Transaction<any>, name: string) {
      await sql`select pg_advisory_xact_lock(${lockKey(name)})`.execute(trx);
    },

    async withLock<T>(db: Kysely<any>, name: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
      // A session lock lives on one connection: hold that connection (idle) while fn works on others.
      // If the connection dies the server releases the lock; per-company replaces still take their
      // own transaction locks, so a lost sync lock can cost time but never duplicate rows.
      return db.connection().execute(async (conn) => {
        const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lockKey(name)}) as ok`.execute(conn);
        if (!got.rows[0]!.ok) {
          options.onWait?.({ name, holder: await describeHolder(conn, name) });
          await sql`select pg_advisory_lock(${lockKey(name)})`.execute(conn);
        }
        try {
          return await fn();
        } finally {
          await sql`select pg_advisory_unlock(${lockKey(name)})`.execute(conn);
        }
      });
    },
  };
  return dialect;
}

/** Kysely's PostgresDialect, looking only at the store's own schema (see CurrentSchemaIntrospector). */
class StorePostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

/**
 * The 64-bit advisory lock key for a name. It includes the schema, so two airace stores in two
 * schemas of one database (as the tests run) never wait for each other.
 */
function lockKey(name: string) {
  return sql<string>`hashtextextended('airace:' || current_schema() || ':' || ${name}, 0)`;
}

async function describeHolder(db: StoreExecutor, name: string): Promise<string> {
  const r = await sql<{ pid: number; application_name: string | null; backend_start: string | null }>`
    select a.pid, a.application_name, a.backend_start::text as backend_start
    from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'advisory' and l.granted and l.objsubid = 1
      and ((l.classid::bigint << 32) | l.objid::bigint) = ${lockKey(name)}`.execute(db);
  const h = r.rows[0];
  return h ? `PostgreSQL backend pid ${h.pid}${h.application_name ? ` (${h.application_name})` : ''} since ${h.backend_start}` : 'another PostgreSQL session';
}

/**
 * Type parsers for this pool only (not pg's global ones): int8 (ids, CIKs, count(*)) and numeric
 * (sum, avg) become numbers as SQLite returns them; date and timestamp stay text.
 */
function storeTypes(defaults: CustomTypesConfig): CustomTypesConfig {
  const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 };
  const int8 = (s: string) => {
    const n = Number(s);
    if (!Number.isSafeInteger(n)) throw new Error(`PostgreSQL returned ${s}, beyond the integers a JavaScript number holds exactly`);
    return n;
  };
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (format === 'binary') return defaults.getTypeParser(oid, format);
      switch (oid) {
        case OID.int8:
          return int8;
        case OID.numeric:
          return (s: string) => Number(s);
        case OID.date:
        case OID.timestamp:
        case OID.timestamptz:
          return (s: string) => s;
        default:
          return defaults.getTypeParser(oid, format);
      }
    }) as CustomTypesConfig['getTypeParser'],
  };
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages and logs. */
export function redactPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
