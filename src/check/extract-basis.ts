// Whether a figure is a result, a plan or a pledge. "Planned to spend more than $320 billion in 2025" is
// guidance and is checked against what was guided at the time (and, separately, what was spent).
import type { ClaimBasis, MetricRef } from './claim.js';
import { COMMITMENT_METRIC } from './extract-metric.js';

const GUIDANCE = /\b(?:set to|plans? to|planning to|planned to|expects? to|expected to|on track to|poised to|intends? to|aims? to|will|guid(?:ance|ed|es|ing)|outlook|forecasts? (?:capex|capital)|budget(?:ed|s)?|projected to|projects to|earmark(?:ed|s)?)\b/i;

/** Metrics that guidance is given for (in the bundled data: capex, company by company or for the big four). */
const GUIDED_METRICS = new Set(['capex', 'capex_incl_finance_leases', 'aws_capex']);

/** Guidance words count only in the figure's own clause: "spent $44.5 billion, and will spend more" is a result. */
export function basisFor(metric: MetricRef | null, clauseText: string): { basis: ClaimBasis; words: string | null } {
  if (metric?.id === COMMITMENT_METRIC) return { basis: 'commitment', words: metric.words };
  if (metric && GUIDED_METRICS.has(metric.id)) {
    const m = GUIDANCE.exec(clauseText);
    if (m) return { basis: 'guidance', words: m[0] };
  }
  return { basis: 'actual', words: null };
}
