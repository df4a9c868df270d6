// A throwaway schema per PostgreSQL ingest run (as the store tests do): created empty, dropped
// with everything in it afterwards, so runs never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactPassword } from '../../src/store/postgres-store-dialect.js';

export interface PostgresSchema {
  /** The URL with search_path set to the schema. */
  target: string;
  drop(): Promise<void>;
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createBenchSchema(url: string): Promise<PostgresSchema> {
  const schema = `airace_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  try {
    await admin(url, `create schema "${schema}"`);
  } catch (e) {
    throw new Error(`cannot create a schema for the benchmark in ${redactPassword(url)}: ${(e as Error).message}`);
  }
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return { target: u.toString(), drop: () => admin(url, `drop schema if exists "${schema}" cascade`) };
}
