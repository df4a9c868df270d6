// A throwaway schema in a PostgreSQL database, for tests and benchmarks: cheap to create, dropped
// with everything in it, and needs only CREATE on the database (not CREATEDB).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchSchema {
  /** The database URL with `options=-c search_path=<schema>`, so every pooled connection works in it. */
  target: string;
  drop(): Promise<void>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createScratchSchema(url: string, prefix: string): Promise<ScratchSchema> {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create schema "${schema}"`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return { target: u.toString(), drop: () => adminQuery(url, `drop schema if exists "${schema}" cascade`) };
}
