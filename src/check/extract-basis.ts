// Whether a figure is a result, a plan or a pledge, and for a plan when it was stated. "Planned to
// spend more than $320 billion in 2025" is guidance and is checked against what was guided at the
// time; "in July it had said $85 billion" against what was guided in July; "previously" against
// the statement before the one in force.
import type { ClaimBasis, StatedWhen } from './claim.js';
import { COMMITMENT_METRIC } from './extract-metric.js';
import type { MonthMention } from './extract-period.js';

/** The many ways a plan is stated: expects, forecast, projected, budgeted, outlook lifted, cut or narrowed, reaffirmed, on track to spend. */
const GUIDANCE = new RegExp(
  [
    String.raw`set\s+to|plans?\s+to|planning\s+to|planned\s+to|plans\b|expects?|expected\s+to|expecting|on\s+track\s+to|poised\s+to|intends?\s+to|aims?\s+to|will\s+(?:spend|invest)|would\s+(?:spend|invest)|to\s+spend`,
    String.raw`guid(?:ance|ed|es|ing|e)|outlook|forecasts?|forecasted|budget(?:ed|s)?|projected\s+to|projects\s+to|projections?|earmark(?:ed|s)?|implying|implied|plan\s+(?:for|of)|(?:capex|spending|guidance|outlook)\s+range|range\s+(?:for|of)|targets?|(?:its|their|the|\w+['’]s?)\s+(?:(?:current|latest|new|updated|revised|official)\s+)?(?:(?:19|20)\d{2}\s+)?(?:capex\s+|spending\s+)?range\s+(?:is|was|now|stands|sits)|pencil(?:l?ed)?\s+in|on\s+course\s+for|now\s+sees|(?:is|are|was|were)\s+talking\s+(?:about|of)|(?:bottom|top|low\s+end|high\s+end|midpoint)\s+of\s+(?:its|their|the)\s+range`,
    String.raw`(?:raised|lifted|cut|lowered|narrowed|trimmed|reaffirmed|reiterated|maintained|upped|boosted)\s+(?:its|their|the)\s+(?:\w+\s+){0,3}?(?:outlook|guidance|forecast|plan|target|range)`,
  ].join('|'),
  'i',
);
const GUIDANCE_WORDS = new RegExp(String.raw`\b(?:${GUIDANCE.source})\b`, 'i');

/** Metrics that guidance is given for (in the bundled data: capex, company by company or for the big four). */
const GUIDED_METRICS = new Set(['capex', 'capex_incl_finance_leases', 'aws_capex']);

/** "previously", "had said", "originally": a statement earlier than the one in force. */
const EARLIER = /\b(?:previously|originally|initially|(?:the|its|an?)\s+earlier\s+(?:guidance|outlook|forecast|range|plan|target|figure)|earlier\s+guidance|prior\s+(?:outlook|guidance|forecast|range)|had\s+(?:said|guided|forecast|expected|planned|projected))\b/i;

/** Guidance words count only in the figure's own clause: "spent $44.5 billion, and will spend more" is a result. */
/** Whether words state a plan (for a metric guidance is given for). */
export function statesPlan(metricId: string | null, words: string): string | null {
  return metricId && GUIDED_METRICS.has(metricId) ? (GUIDANCE_WORDS.exec(words)?.[0] ?? null) : null;
}

export function basisFor(metricId: string | null, clauseText: string): { basis: ClaimBasis; words: string | null } {
  if (metricId === COMMITMENT_METRIC) return { basis: 'commitment', words: 'commitment' };
  if (metricId && GUIDED_METRICS.has(metricId)) {
    const m = GUIDANCE_WORDS.exec(clauseText);
    if (m) return { basis: 'guidance', words: m[0] };
  }
  return { basis: 'actual', words: null };
}

/**
 * When the words say a plan was stated: a month named before the figure in its sentence ("in July
 * it had said", "back in February", "On its July call"), or "previously". The year of a month
 * without one is the latest such month on or before the article's date.
 */
export function statedWhenOf(sentenceBefore: string, clauseText: string, months: MonthMention[], articleDate: string | null): StatedWhen | null {
  const month = months[months.length - 1];
  if (month) {
    let year = month.year;
    if (year === null && articleDate) {
      const ay = Number(articleDate.slice(0, 4));
      year = month.month <= Number(articleDate.slice(5, 7)) ? ay : ay - 1;
    }
    return { month: year === null ? null : `${year}-${String(month.month).padStart(2, '0')}`, earlier: EARLIER.test(clauseText), words: month.text.trim() };
  }
  const earlier = EARLIER.exec(clauseText) ?? EARLIER.exec(sentenceBefore);
  return earlier ? { month: null, earlier: true, words: earlier[0] } : null;
}
