// The period a claim is checked for: the one it states (or that its words resolve to), else the
// one its sentence's amount was checked for, else one inferred from the article date or matched by
// value; each says how it was found, because only a stated or firmly carried period can contradict.
import type { Company } from '../model/company.js';
import type { Claim, How } from './claim.js';
import type { ReasonCode } from './check-report.js';
import { resolvePeriod, type PeriodSlot } from './resolve-period.js';
import { inferPeriod } from './infer-period.js';
import type { VerifyContext } from './verify-context.js';

export type SlotChoice = { primary: PeriodSlot; alternates: PeriodSlot[]; note: string | null; ambiguous: boolean; how: How } | { code: ReasonCode; reason: string };

export async function claimSlot(claim: Claim, subject: Company[], metric: string, currency: string | undefined, ctx: VerifyContext, infer = true): Promise<SlotChoice> {
  if (claim.period) {
    const plan = resolvePeriod(claim.period.ref, subject);
    if (!plan.primary) return { code: 'period-unresolved', reason: plan.error ?? 'the period cannot be resolved' };
    // A quarter named without its year, placed near the text's period: the latest reported is the other natural reading.
    const other = !claim.period.firm && claim.period.ref.otherYear !== undefined ? resolvePeriod({ ...claim.period.ref, year: claim.period.ref.otherYear }, subject).primary : null;
    if (other) return { primary: plan.primary, alternates: [...plan.alternates, other], note: plan.note, ambiguous: true, how: claim.period.how };
    return { primary: plan.primary, alternates: plan.alternates, note: plan.note, ambiguous: plan.ambiguous, how: claim.period.how };
  }
  const error = (claim as Claim & { periodError?: string | null }).periodError;
  if (error) return { code: 'period-unresolved', reason: error };
  const sibling = claim.siblingOf !== null ? ctx.slots.get(claim.siblingOf) : undefined;
  if (sibling) {
    const words = ctx.claims.get(claim.siblingOf!)?.quantity?.text;
    return { primary: sibling.slot, alternates: [], note: `period not stated: the same as “${words}” in this sentence${sibling.note ? ` (${sibling.note})` : ''}`, ambiguous: false, how: sibling.how };
  }
  if (!infer || !claim.quantity) return { code: 'period-unstated', reason: 'the claim states no period' };
  const inferred = await inferPeriod(ctx.cache, subject, metric, claim.quantity, currency, ctx.articleDate);
  if ('reason' in inferred) return { code: 'period-unstated', reason: inferred.reason };
  return { primary: inferred.slot, alternates: [], note: inferred.note, ambiguous: false, how: inferred.how };
}
