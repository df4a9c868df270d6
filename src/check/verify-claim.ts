// Gives one claim its verdict: opinions and attributed forecasts are not checkable, nor are figures
// about companies airace does not track; the rest go to the verifier for their kind (amount, change,
// share, conversion, guidance, commitment, share price, AI model).
import type { Claim } from './claim.js';
import type { CheckedClaim } from './check-report.js';
import { notCheckable, skeleton } from './verify-common.js';
import { verifyAmount } from './verify-amount.js';
import { verifyChange } from './verify-change.js';
import { verifyConversion } from './verify-conversion.js';
import { verifyGuidance } from './verify-guidance.js';
import { verifyCommitment } from './verify-commitment.js';
import { verifyPrice } from './verify-price.js';
import { verifyModel } from './verify-model.js';
import { verifyShare } from './verify-share.js';
import { verifyFxRate } from './verify-fx-rate.js';
import { FX_METRIC } from '../series/fx-table.js';
import { COMMITMENT_NAMES, SHARE_PRICE_METRIC, UNHELD_METRICS } from './extract-metric.js';
import { segmentNamed } from '../series/segments.js';
import type { VerifyContext } from './verify-context.js';

export async function verifyClaim(claim: Claim, ctx: VerifyContext): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  if (claim.attribution) {
    const a = claim.attribution;
    if (a.reason === 'corrected') return notCheckable(base, 'corrected', `a figure the text corrects (“${a.words}”): what was said before, not what the article states`);
    return a.reason === 'opinion'
      ? notCheckable(base, 'opinion', `opinion: “${a.words}” states a guess or a possibility, not a reported figure`)
      : notCheckable(base, 'forecast-attributed', `forecast attributed to a person${a.who ? ` (${a.who})` : ''}: a view of the future, not a reported figure`);
  }
  if (claim.kind === 'statement') return notCheckable(base, 'opinion', 'opinion: no figure to check');
  if (claim.kind === 'model') return verifyModel(claim, ctx);
  if (claim.subject?.untracked) return notCheckable(base, 'not-tracked', `not tracked: ${claim.subject.untracked} is not a company airace follows, so its figures are not checked (and never given to a company it follows)`);
  if (claim.subject?.recountedBy) return notCheckable(base, 'definition-unclear', `the total counts ${claim.subject.recountedBy} on a basis of its own, and airace does not add up a group on mixed bases`);
  if (claim.metric?.id === SHARE_PRICE_METRIC) return verifyPrice(claim, ctx);
  if (claim.metric?.id === FX_METRIC && claim.kind === 'amount') return verifyFxRate(claim, ctx);
  if (claim.metric && UNHELD_METRICS[claim.metric.id]) return notCheckable(base, 'no-metric', UNHELD_METRICS[claim.metric.id]!);
  if (claim.metric?.segment && segmentNamed(claim.metric.segment)?.name === 'Azure') return notCheckable(base, 'no-data', `${segmentNamed('Azure')!.definition}`);
  if (claim.kind === 'share' && (claim.shareOf === 'group' || claim.shareOf === 'revenue' || claim.shareOf === 'metric')) {
    if (!claim.subject) return notCheckable(base, 'no-subject', 'the claim names no company airace knows');
    return verifyShare(claim, ctx);
  }
  if (claim.kind === 'share') {
    return notCheckable(base, 'no-metric', claim.metric ? `a share of ${claim.metric.words} is not a series airace holds` : 'a share of something airace has no series for');
  }
  if (!claim.subject) return notCheckable(base, 'no-subject', 'the claim names no company airace knows');
  if (!claim.metric) return notCheckable(base, 'no-metric', 'the claim names no metric airace knows');
  if (claim.kind === 'conversion') return verifyConversion(claim, ctx);
  if (claim.kind === 'change') return verifyChange(claim, ctx);
  if (claim.basis === 'commitment' || COMMITMENT_NAMES[claim.metric.id]) return verifyCommitment(claim, ctx);
  if (claim.basis === 'guidance') return verifyGuidance(claim, ctx);
  return verifyAmount(claim, ctx);
}
