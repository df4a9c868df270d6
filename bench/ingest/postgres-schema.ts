// A throwaway schema per PostgreSQL ingest run (as the store tests do): created empty, dropped
// with everything in it afterwards, so runs never see each other's rows.
import { redactPassword } from '../../src/store/postgres-store-dialect.js';
import { createScratchSchema, type ScratchSchema } from '../../test/helpers/postgres-scratch-schema.js';

export async function createBenchSchema(url: string): Promise<ScratchSchema> {
  try {
    return await createScratchSchema(url, 'airace_bench');
  } catch (e) {
    throw new Error(`cannot create a schema for the benchmark in ${redactPassword(url)}: ${(e as Error).message}`);
  }
}
