// Checks a claim about an AI model (its release date, parameter count, training compute or
// training cost) against Epoch AI's table, with the Epoch row as the source. Given the model as
// the article names it and the claimed quantity; the claim checker extracts both.
//
// Tolerances are airace's, chosen so a true figure is never called false:
//   release date  the same day, month or year as written → supported; one unit off (announced
//                 in December, published in January) → close; further → contradicted.
//   parameters    within 5% → supported; within 15% → close; a claim far below Epoch's total
//                 may be a mixture-of-experts model's active count → not checkable; else contradicted.
//   compute       within 10% → supported; within a factor of 2 → close; beyond a factor of 3 →
//                 contradicted if Epoch is Confident or Likely, not checkable if Speculative.
//   cost          within 15% → supported; within a factor of 2 → close; beyond a factor of 5 →
//                 contradicted; between → not checkable (costs are defined differently: Epoch's is
//                 the final training run at cloud rental prices, articles often quote other totals).
// "About" widens nothing; "over"/"more than" and "under"/"up to" are checked as bounds.
import { type ReadDb } from '../series/read-db.js';
import type { CatalogModel, ModelSourceRef } from '../model/model-series.js';
import { modelCatalog, modelSource, MODELS_EMPTY_NOTICE } from '../series/model-catalog.js';
import { formatCount, formatFlop, formatMoney } from '../model/format-figure.js';
import { matchModel } from './model-mention.js';
import { InvalidOptionError } from '../model/errors.js';

export const MODEL_QUANTITIES = ['release_date', 'parameters', 'training_compute', 'training_cost'] as const;
export type ModelQuantity = (typeof MODEL_QUANTITIES)[number];

export type ModelClaimVerdict = 'supported' | 'close' | 'contradicted' | 'not-checkable';

export type ModelClaimReason =
  | 'models-data-not-loaded'
  | 'unknown-model'
  | 'ambiguous-model'
  | 'no-date'
  | 'no-estimate'
  | 'speculative-estimate'
  | 'active-parameters'
  | 'cost-definition'
  | 'matches'
  | 'near'
  | 'differs';

export interface ModelClaim {
  /** The model as the article names it. */
  model: string;
  quantity: ModelQuantity;
  /** A date for release_date (2024-12-26, 2024-12 or 2024); a number otherwise: parameters, FLOP, US dollars. */
  claimed: string | number;
  /** As the checker's quantities have it: "over" is lower, "up to" upper. */
  bound?: 'exact' | 'approx' | 'lower' | 'upper';
  /** Check against the retrieval of Epoch's table current on this day (the article's date). */
  asOf?: string;
}

export interface ModelClaimResult {
  verdict: ModelClaimVerdict;
  reason: ModelClaimReason;
  /** Said plainly, with both figures. */
  explanation: string;
  /** The model the mention was matched to, and how. */
  model: { name: string; organizations: string[]; publicationDate: string | null; matched: 'exact' | 'version' } | null;
  /** Other models the mention could mean (ambiguous or unknown mentions). */
  candidates: string[];
  /** Our figure: Epoch's value, as a number (or a date) and as text. */
  ours: { value: number | string | null; text: string | null; confidence: string | null; costBasis: string | null };
  /** ours / claimed for numbers (2 = Epoch's figure is twice the claim), null otherwise. */
  ratio: number | null;
  /** The Epoch row: where to look. */
  source: ModelSourceRef | null;
}

const base = (verdict: ModelClaimVerdict, reason: ModelClaimReason, explanation: string): ModelClaimResult => ({
  verdict,
  reason,
  explanation,
  model: null,
  candidates: [],
  ours: { value: null, text: null, confidence: null, costBasis: null },
  ratio: null,
  source: null,
});

export async function verifyModelClaim(db: ReadDb, claim: ModelClaim): Promise<ModelClaimResult> {
  const catalog = await modelCatalog(db, { asOf: claim.asOf });
  if (!catalog.load) return base('not-checkable', 'models-data-not-loaded', `models data not loaded: ${MODELS_EMPTY_NOTICE}`);
  return verifyAgainst(catalog.models, claim, (m, value) => modelSource(m, catalog.load!, value));
}

/** The same check against models already read (a checker verifying many claims reads the table once). */
export function verifyAgainst(models: readonly CatalogModel[], claim: ModelClaim, sourceOf: (m: CatalogModel, value: number | null) => ModelSourceRef): ModelClaimResult {
  const match = matchModel(models, claim.model);
  if (match.kind === 'unknown') {
    return { ...base('not-checkable', 'unknown-model', `“${claim.model}” is not in Epoch AI’s table of notable models`), candidates: match.near.map((m) => m.displayName) };
  }
  if (match.kind === 'ambiguous') {
    const names = match.candidates.map((m) => `${m.displayName} (${m.publicationDate ?? 'undated'})`);
    return { ...base('not-checkable', 'ambiguous-model', `“${claim.model}” could be ${names.length} models in Epoch AI’s table: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`), candidates: names };
  }
  const m = match.model;
  const described = { name: m.displayName, organizations: m.organizations, publicationDate: m.publicationDate, matched: match.how };
  const withModel = (r: ModelClaimResult, value: number | null): ModelClaimResult => ({ ...r, model: described, source: sourceOf(m, value) });
  switch (claim.quantity) {
    case 'release_date':
      return withModel(checkDate(m, String(claim.claimed)), null);
    case 'parameters':
      return withModel(checkNumber(m, Number(claim.claimed), claim.bound ?? 'exact', 'parameters'), m.parameters);
    case 'training_compute':
      return withModel(checkNumber(m, Number(claim.claimed), claim.bound ?? 'exact', 'training_compute'), m.trainingComputeFlop);
    case 'training_cost':
      return withModel(checkNumber(m, Number(claim.claimed), claim.bound ?? 'exact', 'training_cost'), m.trainingCostUsd);
  }
}

function checkDate(m: CatalogModel, claimed: string): ModelClaimResult {
  const ours = { value: m.publicationDate, text: m.publicationDate, confidence: null, costBasis: null };
  if (!m.publicationDate) return { ...base('not-checkable', 'no-date', `Epoch AI has no publication date for ${m.displayName}`), ours };
  const precision = /^\d{4}-\d{2}-\d{2}$/.test(claimed) ? 10 : /^\d{4}-\d{2}$/.test(claimed) ? 7 : /^\d{4}$/.test(claimed) ? 4 : 0;
  if (!precision) throw new InvalidOptionError('claimed', claimed, ['a release date YYYY-MM-DD, YYYY-MM or YYYY']);
  const theirs = m.publicationDate.slice(0, precision);
  const say = (v: ModelClaimVerdict, r: ModelClaimReason, how: string) => ({ ...base(v, r, `${m.displayName} was first published on ${m.publicationDate} (Epoch AI); the claim says ${claimed}: ${how}`), ours });
  if (theirs === claimed) return say('supported', 'matches', 'the same');
  // One unit of the stated precision apart (announced in December, paper in January).
  const off = unitsApart(claimed, theirs, precision);
  if (off <= 1) return say('close', 'near', `one ${precision === 4 ? 'year' : precision === 7 ? 'month' : 'day'} apart`);
  return say('contradicted', 'differs', `${off} ${precision === 4 ? 'years' : precision === 7 ? 'months' : 'days'} apart`);
}

function unitsApart(a: string, b: string, precision: number): number {
  if (precision === 4) return Math.abs(Number(a) - Number(b));
  if (precision === 7) return Math.abs(Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)) - (Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7))));
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

const WHAT: Record<Exclude<ModelQuantity, 'release_date'>, string> = { parameters: 'parameter count', training_compute: 'training compute', training_cost: 'training cost' };

function checkNumber(m: CatalogModel, claimed: number, bound: NonNullable<ModelClaim['bound']>, q: Exclude<ModelQuantity, 'release_date'>): ModelClaimResult {
  if (!(claimed > 0)) throw new InvalidOptionError('claimed', String(claimed), [`a positive ${WHAT[q]}`]);
  const value = q === 'parameters' ? m.parameters : q === 'training_compute' ? m.trainingComputeFlop : m.trainingCostUsd;
  const text = (v: number) => (q === 'parameters' ? `${formatCount(v)} parameters` : q === 'training_compute' ? formatFlop(v, { unit: true, digits: 2 }) : `${formatMoney(v, 'USD')}${m.costBasis ? ` (${m.costBasis})` : ''}`);
  const ours = { value, text: value === null ? null : text(value), confidence: m.confidence, costBasis: q === 'training_cost' ? m.costBasis : null };
  if (value === null) {
    return { ...base('not-checkable', 'no-estimate', `Epoch AI has no public estimate of ${m.displayName}’s ${WHAT[q]}`), ours };
  }
  const ratio = value / claimed;
  const say = (v: ModelClaimVerdict, r: ModelClaimReason, how: string): ModelClaimResult => ({
    ...base(v, r, `Epoch AI gives ${m.displayName} ${text(value)}${m.confidence && q !== 'training_cost' ? ` (confidence: ${m.confidence})` : ''}; the claim says ${bound === 'lower' ? 'over ' : bound === 'upper' ? 'up to ' : ''}${text(claimed)}: ${how}`),
    ours,
    ratio,
  });
  const within = (tolerance: number) => Math.abs(ratio - 1) <= tolerance;
  const factor = Math.max(ratio, 1 / ratio);
  const [supported, close] = q === 'parameters' ? [0.05, 0.15] : q === 'training_compute' ? [0.1, 1] : [0.15, 1];
  // Bounds: "over 600 billion" holds for anything above it (within the tolerance of rounding).
  if (bound === 'lower' && ratio >= 1 - supported) return say('supported', 'matches', 'above the bound');
  if (bound === 'upper' && ratio <= 1 + supported) return say('supported', 'matches', 'within the bound');
  if (bound !== 'lower' && bound !== 'upper') {
    if (within(supported)) return say('supported', 'matches', 'the same, to the precision of the estimate');
    if (factor <= 1 + close) return say('close', 'near', `a factor of ${factor.toFixed(2)} apart`);
  }
  if (q === 'parameters' && ratio > 3) {
    return say('not-checkable', 'active-parameters', `Epoch counts all parameters; a mixture-of-experts model activates only some of them per token, and the claim may be that active count`);
  }
  if (q === 'training_compute' && !/^(confident|likely)$/i.test(m.confidence ?? '')) {
    return say('not-checkable', 'speculative-estimate', `a factor of ${factor.toFixed(1)} apart, but Epoch’s estimate is ${m.confidence ?? 'of unstated confidence'}`);
  }
  if (q === 'training_compute' && factor <= 3) return say('close', 'near', `a factor of ${factor.toFixed(1)} apart, within the uncertainty of such estimates`);
  if (q === 'training_cost' && factor <= 5) {
    return say('not-checkable', 'cost-definition', `a factor of ${factor.toFixed(1)} apart; Epoch’s figure is the final training run at cloud rental prices${m.costBasis ? ` (${m.costBasis})` : ''}, which articles often define differently`);
  }
  return say('contradicted', 'differs', `a factor of ${factor.toFixed(1)} apart`);
}
