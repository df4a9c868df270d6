// Shared pieces of every verifier: the report skeleton of a claim, and how to say "not checkable".
import type { Company } from '../model/company.js';
import type { Claim, Quantity } from './claim.js';
import type { CheckedClaim, ClaimedFigure, Evidence, Figure, ReasonCode } from './check-report.js';
import { formatFigure } from '../model/format-figure.js';
import { namesOf } from './series-figure.js';
import { judge, testFor } from './tolerance.js';

export function claimedFigure(q: Quantity): ClaimedFigure {
  const one = (v: number) => formatFigure(v, q.unit, q.decimals);
  const value = q.high !== null ? `${one(q.value)}–${one(q.high)}` : one(q.value);
  const signed = q.direction === 'down' ? `-${value}` : q.direction === 'up' ? `+${value}` : value;
  // "half of" is its own hedge: shown as "half (50%)".
  if (q.hedge && q.hedge === q.text.replace(/\s+of$/i, '')) return { value: q.value, high: q.high, unit: q.unit, display: `${q.hedge} (${value})`, bound: q.bound, hedge: q.hedge, negated: q.negated };
  const shown = q.unit === 'percent' && q.direction ? signed : value;
  const hedged = `${q.hedge && q.bound !== 'range' ? `${q.hedge} ` : ''}${shown}`;
  // Negations read as what they claim: "did not reach $70B" is "below $70B".
  const display = !q.negated
    ? hedged
    : q.shortOf
      ? `below ${shown}`
      : q.bound === 'lower'
        ? `at most ${shown}`
        : q.bound === 'upper'
          ? `at least ${shown}`
          : `not ${hedged}`;
  return { value: q.value, high: q.high, unit: q.unit, display, bound: q.bound, hedge: q.hedge, negated: q.negated };
}

export function skeleton(claim: Claim, companies: Company[]): CheckedClaim {
  return {
    id: claim.id,
    text: claim.text,
    start: claim.start,
    end: claim.end,
    kind: claim.kind,
    verdict: 'not-checkable',
    reasonCode: null,
    reason: null,
    claimed: claim.quantity ? claimedFigure(claim.kind === 'conversion' && claim.converted ? claim.converted : claim.quantity) : null,
    actual: null,
    difference: null,
    tolerance: null,
    sources: [],
    subject: claim.subject ? { tickers: claim.subject.tickers, label: namesOf(claim.subject.tickers, companies), carried: claim.subject.carried } : null,
    metric: claim.metric?.id ?? null,
    period: claim.period ? { text: claim.period.text, label: null, note: claim.period.resolution } : null,
    basis: claim.basis,
    alsoAgainst: [],
    notes: [],
  };
}

export function notCheckable(base: CheckedClaim, code: ReasonCode, reason: string): CheckedClaim {
  return { ...base, verdict: 'not-checkable', reasonCode: code, reason };
}

/** Evidence for a second figure, judged by the same test as the claim. */
export function evidence(label: string, q: Quantity, figure: Figure, sources: string[], note: string | null = null, sign: 1 | -1 = 1): Evidence {
  const { verdict, difference } = judge(testFor(q, sign), figure.value);
  return { label, verdict, actual: figure, difference, sources, note };
}

/** Sets the period label and note of a checked claim. */
export function withPeriod(base: CheckedClaim, label: string, note: string | null): CheckedClaim {
  return { ...base, period: { text: base.period?.text ?? null, label, note: [base.period?.note, note].filter(Boolean).join('; ') || null } };
}
