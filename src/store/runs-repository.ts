import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function startRun(db: Kysely<Database>, kind: string, detail?: string): Promise<number> {
  const r = await db
    .insertInto('runs')
    .values({ kind, started_at: new Date().toISOString(), status: 'running', detail: detail ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function finishRun(db: Kysely<Database>, id: number, status: 'ok' | 'failed' | 'partial', detail?: string): Promise<void> {
  await db
    .updateTable('runs')
    .set({ finished_at: new Date().toISOString(), status, ...(detail === undefined ? {} : { detail }) })
    .where('id', '=', id)
    .execute();
}
