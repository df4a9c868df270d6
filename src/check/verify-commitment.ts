// Checks a pledged amount ("pledged $53 billion for cloud and AI over three
// years") against the commitment facts: the figure in the claim's currency as
// quoted by sources, and the pledge in its own currency converted at the company's stated rate
// nearest before the announcement. Both are shown; the verdict rests on the first when sources
// quote that currency, else on the conversion.
import type { StoredFact } from '../model/fact.js';
import type { Claim } from './claim.js';
import type { CheckedClaim, Evidence, Figure } from './check-report.js';
import { evidence, notCheckable, skeleton, withPeriod } from './verify-common.js';
import { formatFigure } from '../model/format-figure.js';
import { evidenceDecimals } from './evidence-decimals.js';
import { judge, testFor } from './tolerance.js';
import { subjectCompanies } from './subject-companies.js';
import { fxRateOn } from './fx-rate-on.js';
import { COMMITMENT_METRIC, COMMITMENT_NAMES } from './extract-metric.js';
import { docOf, uniqueDocs } from './series-figure.js';
import type { DocumentRef } from '../model/fact.js';
import { monthsBetween } from '../series/months.js';
import type { VerifyContext } from './verify-context.js';

const byPreference = (a: StoredFact, b: StoredFact) => Number(b.preferred) - Number(a.preferred) || a.id - b.id;

export async function verifyCommitment(claim: Claim, ctx: VerifyContext, as: 'amount' | 'conversion' = 'amount'): Promise<CheckedClaim> {
  const base = skeleton(claim, ctx.companies);
  const q = claim.quantity!;
  const subject = subjectCompanies(claim, ctx.companies);
  if (subject.length !== 1) return notCheckable(base, 'no-subject', 'a commitment is checked for one company at a time');
  const company = subject[0]!;
  const metric = claim.metric && COMMITMENT_NAMES[claim.metric.id] ? claim.metric.id : COMMITMENT_METRIC;
  const names = COMMITMENT_NAMES[metric]!;
  const facts = (await ctx.cache.facts([company.ticker], [metric])).filter((f) => f.basis === 'commitment');
  if (facts.length === 0) return notCheckable(base, 'no-data', `no ${metric === COMMITMENT_METRIC ? 'investment commitment' : names.label} of ${company.name} on record`);

  const decimals = evidenceDecimals(q.decimals, q.unit);
  const figureOf = (f: StoredFact, value = f.value, unit = f.unit, fx: Figure['fx'] = null): Figure => ({
    value,
    unit,
    display: formatFigure(value, unit, decimals),
    label: `${company.name} ${names.label}, ${f.periodStart === f.periodEnd ? f.periodStart : `${f.periodStart} to ${f.periodEnd}`}${fx ? ` (${formatFigure(f.value, f.unit, 1)} converted)` : ''}`,
    start: f.periodStart,
    end: f.periodEnd,
    basis: 'commitment',
    fx,
    derivation: fx ? `${formatFigure(f.value, f.unit, 1)} ÷ ${fx.rate}` : null,
    statedOn: f.periodStart,
  });

  const quoted = facts.filter((f) => f.unit === q.unit).sort(byPreference);
  const pledge = facts.filter((f) => f.unit === company.currency).sort(byPreference)[0];
  const also: Evidence[] = [];
  let converted: { figure: Figure; sources: DocumentRef[] } | null = null;
  if (pledge && pledge.unit !== q.unit && q.unit === 'USD') {
    const fx = await fxRateOn(ctx.cache, company.ticker, pledge.unit, pledge.periodStart ?? pledge.periodEnd);
    if (fx) {
      const use = { pair: `${pledge.unit}/USD`, rate: fx.rate, date: fx.date, source: fx.source };
      converted = { figure: figureOf(pledge, pledge.value / fx.rate, 'USD', use), sources: uniqueDocs([docOf(pledge), fx.doc]) };
    }
  }

  const primary = quoted[0] ? { figure: figureOf(quoted[0]), sources: [docOf(quoted[0])], fact: quoted[0] } : converted ? { ...converted, fact: pledge! } : null;
  if (!primary) return notCheckable(base, 'no-fx-rate', `the ${names.what} is on record in ${facts[0]!.unit} only and no rate converts it`);

  const test = testFor(q);
  const judged = judge(test, primary.figure.value);
  let verdict = judged.verdict;
  const difference = judged.difference;
  // Other sources' quotes of the same pledge in the claim's currency.
  for (const f of quoted.slice(1)) if (f.value !== quoted[0]!.value) also.push(evidence(`the ${names.what} as another source quotes it`, q, figureOf(f), [docOf(f)], f.note));
  if (converted && primary.figure !== converted.figure) {
    also.push(evidence(`the ${pledge!.unit} ${names.what} converted at ${company.name}'s stated rate of ${converted.figure.fx!.date}, the last before the ${pledge!.periodStart} announcement`, q, converted.figure, converted.sources, pledge!.note));
  }
  const months = primary.fact.periodStart ? monthsBetween(primary.fact.periodStart, primary.fact.periodEnd) : null;
  const span = claim.period?.ref.kind === 'span' ? claim.period.ref.years : null;
  const notes: string[] = [];
  if (months) notes.push(`the ${names.what} covers ${months} months from ${primary.fact.periodStart}${span ? ` (the article: ${span} years${span * 12 === months ? ', consistent' : ', which differs'})` : ''}`);
  if (primary.fact.note) notes.push(primary.fact.note);
  // The amount can be right and the span wrong ("the RMB 380 billion, five-year programme" for a three-year pledge):
  // a span stated in the words that differs from the pledge's by more than rounding contradicts the claim.
  let reason = quoted[0] ? `checked against the ${q.unit} figure sources quote for the ${names.what}` : `checked against the ${pledge!.unit} ${names.what} converted to ${q.unit}`;
  if (span && months && Math.abs(span * 12 - months) > 6 && verdict !== 'contradicted' && claim.period?.firm !== false) {
    verdict = 'contradicted';
    reason = `the amount matches, but the ${names.what} covers ${Math.round(months / 12)} years (${primary.fact.periodStart} to ${primary.fact.periodEnd}), not ${span}`;
  }
  const label = primary.fact.periodStart === primary.fact.periodEnd ? `${primary.fact.periodStart}` : `${primary.fact.periodStart} to ${primary.fact.periodEnd}`;
  return {
    ...withPeriod(base, label, null, { start: primary.fact.periodStart, end: primary.fact.periodEnd }),
    kind: as === 'conversion' ? 'conversion' : base.kind,
    basis: 'commitment',
    verdict,
    difference,
    actual: primary.figure,
    tolerance: test.words,
    sources: primary.sources,
    reason,
    alsoAgainst: also,
    notes,
  };
}
