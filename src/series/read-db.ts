// What readers (views, pages, the API, the checker) ask of the stored data, so they reach the
// store only through the series layer (docs/architecture.md): the read handle they pass on, the
// company list, the model loads. New reads a reader needs belong here or in another series
// module, never as an import of src/store from the reader.
import type { Kysely } from 'kysely';
import type { Company } from '../model/company.js';
import type { ModelLoad } from '../model/ai-model.js';
import type { Database } from '../store/schema.js';
import { companyDirectory } from './company-directory.js';
import { listModelLoads } from '../store/models-repository.js';
import { listFacts, type FactQuery } from '../store/facts-repository.js';

/** A read handle on the store (or on one read snapshot of it): what readers pass to the series layer. */
export type ReadDb = Kysely<Database>;

/** Every stored company and group. */
/** Every stored company and group (read once per store generation; the caller's own copy of the list). */
export async function allCompanies(db: ReadDb): Promise<Company[]> {
  return [...(await companyDirectory(db)).all];
}

/** Every models file loaded, newest retrieval first. */
export function modelLoads(db: ReadDb): Promise<ModelLoad[]> {
  return listModelLoads(db);
}

/** The stored facts for some companies and metrics, every version, with their provenance (the checker's evidence). */
export function storedFacts(db: ReadDb, query: FactQuery = {}): ReturnType<typeof listFacts> {
  return listFacts(db, query);
}
