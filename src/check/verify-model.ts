// Claims about AI models: parameters ("671 billion parameters"), training compute ("3.8e25 FLOP"),
// training tokens, training cost ("the final training run cost about $5.6 million"), release dates.
// airace holds no model data yet, so they are not checkable. This is the seam for a model source
// (Epoch AI's data): a `ModelVerifier` on the context is asked first, and its verdict stands.
import type { Claim } from './claim.js';
import type { CheckedClaim } from './check-report.js';
import { notCheckable, skeleton } from './verify-common.js';
import type { VerifyContext } from './verify-context.js';

/** What a model source plugs in: the claim (its figure, unit and the model named near it) and the skeleton report; null leaves it not checkable. */
export type ModelVerifier = (claim: Claim, base: CheckedClaim, ctx: VerifyContext) => Promise<CheckedClaim | null>;

export async function verifyModel(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  if (ctx.models) {
    const checked = await ctx.models(claim, base, ctx);
    if (checked) return checked;
  }
  const what = claim.metric?.id.replace(/^model_/, '').replaceAll('_', ' ') ?? 'figure';
  return notCheckable(base, 'model-data', `model data not in airace yet: a model's ${what} cannot be checked${claim.subject?.untracked ? ` (${claim.subject.untracked})` : ''}`);
}
