// Which segment each fact of a segmented metric is (Microsoft's Intelligent Cloud or Microsoft
// Cloud, …). A fact says it at the start of its note, which the engine reads apart from the
// figures (provenance), and only for the facts of metrics that have segments.
import type { FactFigure } from '../model/fact.js';
import { listFactProvenance } from '../store/facts-repository.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { segmentOfFact, segmentsOf } from './segments.js';

/** Segment name by fact id, for facts of a segmented metric (null: the note names no known segment). */
export async function factSegments(db: Kysely<Database>, facts: readonly FactFigure[]): Promise<Map<number, string | null>> {
  const segmented = facts.filter((f) => segmentsOf(f.ticker, f.metric).length > 0);
  if (!segmented.length) return new Map();
  const provenance = await listFactProvenance(db, segmented.map((f) => f.id));
  return new Map(segmented.map((f) => [f.id, segmentOfFact(f.ticker, f.metric, provenance.get(f.id)?.note ?? null)?.name ?? null]));
}
