// Shared pieces of every verifier: the report skeleton of a claim with what it is checked
// against, how to say "not checkable", and the rule that a guess never contradicts: when the
// company, metric or period was carried past a rival, inferred or matched, a figure that does not
// match is reported as not checkable with the candidate considered, never as contradicted.
import type { Company } from '../model/company.js';
import type { Claim, How, Quantity } from './claim.js';
import type { CheckedAgainst, CheckedClaim, ClaimedFigure, Evidence, Figure, ReasonCode, SourceDocument } from './check-report.js';
import { formatFigure } from '../model/format-figure.js';
import { metricDefinition, metricName, namesOf } from './series-figure.js';
import { judge, testFor } from './tolerance.js';

export function claimedFigure(q: Quantity): ClaimedFigure {
  const one = (v: number) => formatFigure(v, q.unit, q.decimals);
  const value = q.high !== null ? `${one(q.value)}–${one(q.high)}` : one(q.value);
  const signed = q.direction === 'down' ? `-${value}` : q.direction === 'up' ? `+${value}` : value;
  // "half of" is its own hedge: shown as "half (50%)"; "doubled" as "doubled (2.0x)".
  if (q.hedge && q.hedge === q.text.replace(/\s+of$/i, '')) return { value: q.value, high: q.high, unit: q.unit, display: `${q.hedge} (${value})`, bound: q.bound, hedge: q.hedge, negated: q.negated };
  if (q.kind === 'multiple') return { value: q.value, high: q.high, unit: q.unit, display: `${q.hedge ? `${q.hedge} ` : ''}${q.text.replace(/^(?:more than|nearly|almost)\s+/i, '')} (${value})`, bound: q.bound, hedge: q.hedge, negated: q.negated };
  const shown = `${q.unit === 'percent' && q.direction ? signed : value}${q.per ? ` a ${q.per}` : ''}`;
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

function againstOf(claim: Claim, companies: Company[]): CheckedAgainst {
  const s = claim.subject;
  const m = claim.metric;
  const tickers = s?.tickers ?? [];
  return {
    company: s ? { tickers, label: s.untracked ?? namesOf(tickers, companies), how: s.how, fromSentence: s.fromSentence, untracked: s.untracked } : null,
    metric: m ? { id: m.id, label: metricName(m.id), definition: metricDefinition(m.id, tickers, m.definition, m.segment), how: m.how, fromSentence: m.fromSentence, segment: m.segment } : null,
    period: claim.period ? { label: claim.period.ref.text.trim(), start: null, end: null, how: claim.period.how, fromSentence: claim.period.fromSentence, note: claim.period.ref.resolution } : null,
    basis: { value: claim.basis, words: claim.basisWords, statedWhen: claim.statedWhen?.month ?? (claim.statedWhen?.earlier ? 'an earlier statement' : null) },
    ...(claim.model ? { model: { name: claim.model.name, how: claim.model.how, fromSentence: claim.model.fromSentence, quantity: claim.model.quantity, epochName: null, matched: null, reason: null, candidates: [] } } : {}),
  };
}

/** Why the period words of a claim could not be resolved ("this year" without a date), if they could not. */
export const periodErrorOf = (claim: Claim): string | null => (claim as Claim & { periodError?: string | null }).periodError ?? null;

export function skeleton(claim: Claim, companies: Company[]): CheckedClaim {
  const shown = claim.kind === 'conversion' && claim.converted ? claim.converted : claim.quantity;
  return {
    id: claim.id,
    text: claim.text,
    start: claim.start,
    end: claim.end,
    figure: shown ? { start: shown.start, end: shown.end } : null,
    sentence: claim.sentence.index,
    kind: claim.kind,
    verdict: 'not-checkable',
    reasonCode: null,
    reason: null,
    claimed: shown ? claimedFigure(shown) : null,
    actual: null,
    difference: null,
    tolerance: null,
    sources: [],
    subject: claim.subject ? { tickers: claim.subject.tickers, label: claim.subject.untracked ?? namesOf(claim.subject.tickers, companies), carried: claim.subject.carried } : null,
    metric: claim.metric?.id ?? null,
    period: claim.period ? { text: claim.period.ref.text, label: null, note: claim.period.ref.resolution } : periodErrorOf(claim) ? { text: null, label: null, note: periodErrorOf(claim) } : null,
    basis: claim.basis,
    alsoAgainst: [],
    notes: [],
    against: againstOf(claim, companies),
  };
}

export function notCheckable(base: CheckedClaim, code: ReasonCode, reason: string): CheckedClaim {
  return { ...base, verdict: 'not-checkable', reasonCode: code, reason };
}

/** Evidence for a second figure, judged by the same test as the claim. */
export function evidence(label: string, q: Quantity, figure: Figure, sources: SourceDocument[], note: string | null = null, sign: 1 | -1 = 1): Evidence {
  const { verdict, difference } = judge(testFor(q, sign), figure.value);
  return { label, verdict, actual: figure, difference, sources, note };
}

/**
 * Sets the period a claim was checked for: its label, its dates (from our figure when there is one)
 * and the note on how it was read. `how` overrides how the period was found (inferred, matched).
 */
export function withPeriod(base: CheckedClaim, label: string, note: string | null, dates: { start: string | null; end: string | null } | null = null, how: How | null = null): CheckedClaim {
  const prior = base.against.period;
  const period = {
    label,
    start: dates?.start ?? prior?.start ?? null,
    end: dates?.end ?? prior?.end ?? null,
    how: how ?? prior?.how ?? 'stated',
    fromSentence: how ? null : (prior?.fromSentence ?? null),
    note: [prior?.note, note].filter(Boolean).join('; ') || null,
  };
  return { ...base, period: { text: base.period?.text ?? null, label, note: [base.period?.note, note].filter(Boolean).join('; ') || null }, against: { ...base.against, period } };
}

/**
 * Whether every part of the claim was found firmly enough to contradict it: stated, or carried
 * without a rival. `guesses` are a verifier's own (the share-price listing taken by default).
 */
export function firmness(claim: Claim, result: CheckedClaim, more: string[] = []): { firm: boolean; guesses: string[] } {
  const guesses: string[] = [...more];
  const s = claim.subject;
  if (s && !s.firm) guesses.push(`the company was carried from sentence ${s.fromSentence} past other companies (${result.against.company?.label})`);
  const m = claim.metric;
  if (m && !m.firm) guesses.push(m.how === 'inferred' ? `no metric is named (${m.words}, the one the article names most, was assumed)` : `the metric was carried from sentence ${m.fromSentence}`);
  const p = result.against.period;
  if (claim.period?.guess && !claim.period.firm) guesses.push(claim.period.guess);
  else if (claim.period && !claim.period.firm && p?.how !== 'inferred' && p?.how !== 'matched') guesses.push(`the period's year is not stated (${p?.label ?? claim.period.ref.text.trim()} was placed near the text's period)`);
  if (claim.base && !claim.base.firm) guesses.push(`the year of the base period is not stated (${claim.base.ref.text.trim()})`);
  if (p && (p.how === 'inferred' || p.how === 'matched')) guesses.push(p.how === 'inferred' ? `the period is not stated (${p.label} was inferred)` : `the period was matched by value (${p.label})`);
  if (claim.kind !== 'conversion' && claim.metric?.id === 'cloud_revenue' && !claim.metric.segment && (claim.subject?.tickers.includes('MSFT') ?? false)) guesses.push('Microsoft reports two cloud figures (Intelligent Cloud and Microsoft Cloud) and the words name neither');
  return { firm: guesses.length === 0, guesses };
}

/** The uncertainty rule: a contradiction that rests on a guess becomes not checkable, naming the candidate considered. */
export function guarded(claim: Claim, result: CheckedClaim, more: string[] = []): CheckedClaim {
  if (result.verdict !== 'contradicted') return result;
  const { firm, guesses } = firmness(claim, result, more);
  if (firm) return result;
  const candidate = result.actual ? `${result.actual.display} (${result.actual.label})` : 'no figure';
  return {
    ...result,
    verdict: 'not-checkable',
    reasonCode: 'guessed',
    reason: `resolved by a guess (${guesses.join('; ')}): the figure does not match the candidate considered, ${candidate}${result.difference ? `, ${result.difference.display}` : ''}`,
  };
}
