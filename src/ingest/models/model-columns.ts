// Which source column feeds which field. Epoch renames and adds columns over time ("System"
// became "Model"; the all-models table says "Country (from Organization)"), and the transcribed
// selection uses snake_case names, so columns are found by name, never by position: a header
// matches after lower-casing, treating "_" as a space and collapsing whitespace.
import type { AiModelInput } from '../../model/ai-model.js';

export type ModelField = Exclude<keyof AiModelInput, 'line' | 'costBasis'>;

export interface ColumnSpec {
  field: ModelField;
  /** Accepted names, normalised (see normaliseHeader); the first is Epoch's current one. */
  names: string[];
  required?: boolean;
}

export const MODEL_COLUMNS: readonly ColumnSpec[] = [
  { field: 'name', names: ['model', 'system'], required: true },
  { field: 'organization', names: ['organization', 'organisation'] },
  { field: 'country', names: ['country (of organization)', 'country (from organization)', 'country (of organisation)', 'country'] },
  { field: 'publicationDate', names: ['publication date'], required: true },
  { field: 'domain', names: ['domain'] },
  { field: 'parameters', names: ['parameters'] },
  { field: 'trainingComputeFlop', names: ['training compute (flop)', 'training compute flop'] },
  // The cost column names its kind; see costColumn below.
  { field: 'trainingCostUsd', names: ['training compute cost usd'] },
  { field: 'hardware', names: ['training hardware'] },
  { field: 'hardwareQuantity', names: ['hardware quantity'] },
  { field: 'confidence', names: ['confidence'] },
  { field: 'accessibility', names: ['model accessibility', 'accessibility'] },
  { field: 'openWeights', names: ['open weights'] },
  { field: 'link', names: ['link'] },
  { field: 'dataset', names: ['dataset'] },
  { field: 'snapshot', names: ['snapshot'] },
];

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Epoch's cost columns say what they hold: "Training compute cost (2023 USD)" in the notable
 * table, "(cloud)" in the large-scale one. A dollar-year or cloud-rental estimate is the cost of
 * the final training run; "(upfront)" (buying the hardware) is a different quantity and is not read.
 */
export function costColumn(normalised: string): { basis: string; rank: number } | null {
  const m = /^training compute cost \((\d{4}) usd\)$/.exec(normalised);
  if (m) return { basis: `${m[1]} USD`, rank: 0 };
  if (normalised === 'training compute cost (cloud)') return { basis: 'cloud', rank: 1 };
  return null;
}

export interface ColumnMap {
  /** Field → index of the column that feeds it. */
  index: Partial<Record<ModelField, number>>;
  /** The cost column's kind, when the header names it; null for the transcribed `training_compute_cost_usd`. */
  costBasis: string | null;
  /** Source names of the columns read, in file order. */
  read: string[];
  /** Required fields with no column. */
  missing: ModelField[];
}

export function mapColumns(header: readonly string[]): ColumnMap {
  const normalised = header.map(normaliseHeader);
  const index: Partial<Record<ModelField, number>> = {};
  for (const spec of MODEL_COLUMNS) {
    // The first accepted name present wins, so an old and a new spelling side by side take the current one.
    for (const name of spec.names) {
      const i = normalised.indexOf(name);
      if (i >= 0) {
        index[spec.field] = i;
        break;
      }
    }
  }
  let costBasis: string | null = null;
  if (index.trainingCostUsd === undefined) {
    const costs = normalised.map((n, i) => ({ i, kind: costColumn(n) })).filter((c) => c.kind).sort((a, b) => a.kind!.rank - b.kind!.rank);
    if (costs[0]) {
      index.trainingCostUsd = costs[0].i;
      costBasis = costs[0].kind!.basis;
    }
  }
  const used = new Set(Object.values(index));
  return {
    index,
    costBasis,
    read: header.filter((_, i) => used.has(i)),
    missing: MODEL_COLUMNS.filter((s) => s.required && index[s.field] === undefined).map((s) => s.field),
  };
}
