// Claims about AI models: parameters ("671 billion parameters"), training compute ("3.8e25 FLOP"),
// training cost ("the final training run cost about $5.6 million"), release dates ("released on
// December 26, 2024"), checked against Epoch AI's table when it is loaded (verify-model-claim.ts
// holds the tolerances). Without it they are not checkable, "models data not loaded", with the
// command that loads it. A `ModelVerifier` on the context is still asked first (tests, other sources).
//
// The uncertainty rule holds here too: a model found after the figure, carried from an earlier
// sentence, or matched to Epoch's table only by the start of its name is a guess, and a figure that
// does not match it is not checkable, never contradicted.
import type { Claim } from './claim.js';
import type { CheckedClaim, ReasonCode } from './check-report.js';
import { notCheckable, skeleton } from './verify-common.js';
import type { VerifyContext } from './verify-context.js';
import { verifyAgainst, type ModelClaimReason, type ModelClaimResult, type ModelQuantity } from './verify-model-claim.js';
import { MODELS_EMPTY_NOTICE, modelSource } from '../series/model-catalog.js';
import { formatCount, formatFlop, formatMoney } from '../model/format-figure.js';
import type { ModelSourceRef } from '../model/model-series.js';

/** What a model source plugs in: the claim (its figure, unit and the model named near it) and the skeleton report; null leaves it to Epoch's table. */
export type { ModelVerifier } from './verify-context.js';

/** The verifier's reasons as the report's codes; the verifier's own is in `against.model.reason`. */
const CODE: Partial<Record<ModelClaimReason, ReasonCode>> = {
  'models-data-not-loaded': 'model-data',
  'unknown-model': 'no-subject',
  'ambiguous-model': 'no-subject',
  'no-date': 'no-data',
  'no-estimate': 'no-data',
  'speculative-estimate': 'definition-unclear',
  'active-parameters': 'definition-unclear',
  'cost-definition': 'definition-unclear',
};

/** The tolerance each quantity is checked with, in words (see verify-model-claim.ts). */
const RULE: Record<ModelQuantity, string> = {
  release_date: 'supported if the same day, month or year as written; close one unit off',
  parameters: 'supported within 5%; close within 15%; far below Epoch’s total may be an active-parameter count (not checkable)',
  training_compute: 'supported within 10%; close within a factor of 2 (3 as close); contradicted only on a Confident or Likely estimate',
  training_cost: 'supported within 15%; close within a factor of 2; not checkable up to a factor of 5 (costs are defined differently)',
};

const WHAT: Record<ModelQuantity, string> = { release_date: 'release date', parameters: 'parameter count', training_compute: 'training compute', training_cost: 'training cost' };

export async function verifyModel(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const skeletal = skeleton(claim, ctx.companies);
  // A model claim is about the model: a company or year near it is no subject or reporting period.
  const date = claim.model?.date ?? null;
  const base: CheckedClaim = {
    ...skeletal,
    period: null,
    figure: date ? { start: date.start, end: date.end } : skeletal.figure,
    claimed: date ? { value: Date.parse(`${date.value.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`), high: null, unit: 'date', display: date.value, bound: 'exact', hedge: null, negated: false } : claimedOf(claim, skeletal.claimed),
    against: { ...skeletal.against, company: null, period: null },
  };
  if (ctx.models) {
    const checked = await ctx.models(claim, base, ctx);
    if (checked) return checked;
  }
  const ref = claim.model ?? null;
  const what = ref?.quantity ? WHAT[ref.quantity] : (claim.metric?.id.replace(/^model_/, '').replaceAll('_', ' ') ?? 'figure');
  const catalog = ctx.modelData;
  if (!catalog?.load) return notCheckable(base, 'model-data', `models data not loaded: a model's ${what} is checked against Epoch AI's table. ${MODELS_EMPTY_NOTICE}`);
  if (!ref?.quantity) return notCheckable(base, 'model-data', `Epoch AI's table holds no ${what}: a model's parameters, training compute, training cost and release date are checked`);
  if (!ref.name) return notCheckable(base, 'no-subject', `the claim names no model (Epoch AI's table is matched by the model's name)`);
  const q = claim.quantity;
  if (q?.negated) return notCheckable(base, 'no-data', 'a negated model figure is not checked');
  const bound = q?.bound === 'lower' || q?.bound === 'upper' || q?.bound === 'approx' ? q.bound : 'exact';
  const claimed = ref.quantity === 'release_date' ? ref.date!.value : q!.bound === 'range' && q!.high !== null ? (q!.value + q!.high) / 2 : q!.value;
  if (ref.quantity !== 'release_date' && q!.unit !== 'parameters' && q!.unit !== 'FLOP' && q!.unit !== 'USD') {
    return notCheckable(base, 'no-fx-rate', `Epoch AI's training costs are in US dollars; the claim is in ${q!.unit}`);
  }
  const load = catalog.load;
  const r = verifyAgainst(catalog.models, { model: ref.name, quantity: ref.quantity, claimed, bound }, (m, value) => modelSource(m, load, value));
  return guardedModel(ref, withResult(base, claim, r, catalog.credit));
}

function withResult(base: CheckedClaim, claim: Claim, r: ModelClaimResult, credit: string): CheckedClaim {
  const ref = claim.model!;
  const quantity = ref.quantity!;
  const against = { ...base.against, model: { ...base.against.model!, epochName: r.model?.name ?? null, matched: r.model?.matched ?? null, reason: r.reason, candidates: r.candidates.slice(0, 6) } };
  const located: CheckedClaim = { ...base, against, tolerance: RULE[quantity] };
  if (r.verdict === 'not-checkable') return { ...notCheckable(located, CODE[r.reason] ?? 'model-data', r.explanation), sources: r.source ? [sourceOf(r.source)] : [], notes: r.source ? [credit] : [] };
  const actual =
    r.ours.value === null
      ? null
      : {
          value: typeof r.ours.value === 'number' ? r.ours.value : Date.parse(`${r.ours.value}T00:00:00Z`),
          unit: quantity === 'release_date' ? 'date' : quantity === 'parameters' ? 'parameters' : quantity === 'training_compute' ? 'FLOP' : 'USD',
          display: r.ours.text ?? String(r.ours.value),
          label: `${r.model!.name}, ${WHAT[quantity]} (Epoch AI${r.ours.confidence && quantity !== 'training_cost' && quantity !== 'release_date' ? `, confidence ${r.ours.confidence}` : ''})`,
          start: r.model!.publicationDate,
          end: r.model!.publicationDate,
          basis: 'actual',
          fx: null,
          derivation: null,
          statedOn: null,
        };
  const difference = differenceOf(quantity, claim, r);
  return { ...located, verdict: r.verdict, reason: r.explanation, actual, difference, sources: r.source ? [sourceOf(r.source)] : [], notes: [credit] };
}

function differenceOf(quantity: ModelQuantity, claim: Claim, r: ModelClaimResult): CheckedClaim['difference'] {
  if (quantity === 'release_date' || r.ratio === null || typeof r.ours.value !== 'number') return null;
  const q = claim.quantity!;
  const absolute = r.ours.value - q.value;
  const show = (v: number) => (quantity === 'parameters' ? formatCount(Math.abs(v)) : quantity === 'training_compute' ? formatFlop(Math.abs(v), { unit: true, digits: 2 }) : formatMoney(Math.abs(v), 'USD'));
  return { absolute, relative: absolute / q.value, display: `${absolute < 0 ? '-' : '+'}${show(absolute)} (Epoch’s figure is ${r.ratio.toFixed(2)}× the claim)` };
}

/** The Epoch row as a document: its link, the table and line it was read from, and when the table was retrieved. */
function sourceOf(s: ModelSourceRef): CheckedClaim['sources'][number] {
  return { url: s.url ?? 'https://epoch.ai/data/ai-models', form: 'Epoch AI', accession: null, filed: null, readAt: `${s.table} line ${s.line} (retrieved ${s.retrieved})`, verified: 'secondary' };
}

/** The claimed figure written as Epoch's are ("671B parameters", "3.30e24 FLOP", "$5.60M"). */
function claimedOf(claim: Claim, shown: CheckedClaim['claimed']): CheckedClaim['claimed'] {
  const q = claim.quantity;
  if (!q || !shown) return shown;
  const one = (v: number) => (q.unit === 'parameters' ? `${formatCount(v)} parameters` : q.unit === 'FLOP' ? formatFlop(v, { unit: true, digits: 2 }) : q.unit === 'tokens' ? `${formatCount(v)} tokens` : null);
  const value = one(q.value);
  if (value === null) return shown;
  const hedge = q.hedge && q.bound !== 'range' ? `${q.hedge} ` : '';
  return { ...shown, display: `${hedge}${q.high !== null ? `${value}–${one(q.high)}` : value}` };
}

/** A model found by a guess (after the figure, carried, or only by the start of its name) never contradicts. */
function guardedModel(ref: NonNullable<Claim['model']>, result: CheckedClaim): CheckedClaim {
  if (result.verdict !== 'contradicted') return result;
  const m = result.against.model;
  const guesses: string[] = [];
  if (ref.how === 'carried') guesses.push(`the model was carried from sentence ${ref.fromSentence}`);
  if (ref.how === 'inferred') guesses.push(`the model is named after the figure (${ref.name})`);
  if (m?.matched === 'version' && m.epochName && m.epochName.toLowerCase() !== (ref.name ?? '').toLowerCase()) guesses.push(`“${ref.name}” was matched to Epoch’s ${m.epochName} by the start of its name`);
  if (!guesses.length) return result;
  return { ...result, verdict: 'not-checkable', reasonCode: 'guessed', reason: `resolved by a guess (${guesses.join('; ')}): ${result.reason}` };
}
