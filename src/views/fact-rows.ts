// Facts with provenance as flat rows (CLI `facts`, API facts CSV).
import { documentRefOf, sourceRefOf, type DocumentRef, type StoredFact } from '../model/fact.js';

export const FACT_COLUMNS = [
  'id', 'ticker', 'metric', 'period_start', 'period_end', 'value', 'unit', 'basis', 'confidence', 'verified', 'preferred', 'used',
  'source_kind', 'source_url', 'read_at_url', 'concept', 'form', 'accession', 'filed', 'fy', 'fp', 'frame', 'note', 'superseded_by',
] as const;

export function factRows(facts: StoredFact[], used: Set<number>): (string | number | null)[][] {
  return facts.map((f) => [
    f.id, f.ticker, f.metric, f.periodStart, f.periodEnd, f.value, f.unit, f.basis, f.confidence, f.verified, f.preferred ? 1 : 0, used.has(f.id) ? 1 : 0,
    f.sourceKind, f.sourceUrl, f.readAt, f.concept, f.form, f.accession, f.filed, f.fy, f.fp, f.frame, f.note, f.supersededBy,
  ]);
}

/** A fact in JSON (`airace facts`, /api/v1/facts, company pages): every stored field, whether the engine uses it, and its document as every source reference has it. */
export type FactJson = StoredFact & { used: boolean; source: DocumentRef };

export function factJson(f: StoredFact, used: boolean): FactJson {
  return { ...f, used, source: documentRefOf(sourceRefOf(f)) };
}
