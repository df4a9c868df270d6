// Our figure for a claim when the words ask for something other than the metric's default: a named
// segment (Microsoft's Intelligent Cloud, not its Microsoft Cloud), a definition the article states
// (free cash flow less finance-lease principal; Amazon's capex net of proceeds), or a group total
// the engine cannot sum (the big four's capex including finance leases, as reported). Also the
// other definitions of an unqualified "capex" a true figure may follow, so a company's own headline
// figure is never called false.
import type { StoredFact } from '../model/fact.js';
import type { Company } from '../model/company.js';
import type { Figure } from './check-report.js';
import { slotDates, type PeriodSlot } from './resolve-period.js';
import type { VerifyContext } from './verify-context.js';
import { segmentOfFact } from '../series/segments.js';
import type { Segment } from '../series/segments.js';
import { formatFigure } from '../model/format-figure.js';
import { docOf, metricName, namesOf, seriesFigure, slotLabel, uniqueDocs, type SeriesFigure } from './series-figure.js';
import type { DocumentRef } from '../model/fact.js';

export interface VariantFigure {
  figure: Figure;
  sources: DocumentRef[];
  /** What the figure is, for the report: "Intelligent Cloud segment revenue", "capex net of proceeds". */
  definition: string;
  /** The data does not say which definition the value follows. */
  unclear?: boolean;
}

/** The facts stating exactly the dates of a series figure. */
async function factsFor(ctx: VerifyContext, ticker: string, metric: string, start: string, end: string): Promise<StoredFact[]> {
  return (await ctx.cache.facts([ticker], [metric]))
    .filter((f) => f.basis === 'actual' && f.periodStart === start && f.periodEnd === end)
    .sort((a, b) => Number(b.preferred) - Number(a.preferred) || (b.filed ?? '').localeCompare(a.filed ?? ''));
}

function factFigure(f: StoredFact, label: string, decimals: number, derivation: string | null = null): Figure {
  return { value: f.value, unit: f.unit, display: formatFigure(f.value, f.unit, decimals), label: `${label} (${f.periodStart} to ${f.periodEnd})`, start: f.periodStart, end: f.periodEnd, basis: f.basis, fx: null, derivation, statedOn: null };
}

/** A segment's figure read from the facts whose note names that segment (a single period only). */
export async function segmentFigure(ctx: VerifyContext, company: Company, segment: Segment, slot: PeriodSlot, decimals: number): Promise<VariantFigure | { missing: string }> {
  const dates = slotDates(slot, company);
  const facts = (await factsFor(ctx, company.ticker, 'cloud_revenue', dates.start, dates.end)).filter((f) => (segment.note ? segment.note.test(f.note ?? '') : true));
  const f = facts[0];
  if (!f) return { missing: `no ${segment.name} figure for ${slotLabel(slot)} on record` };
  return { figure: factFigure(f, `${company.name} ${segment.name} revenue`, decimals), sources: [docOf(f)], definition: segment.definition };
}

/** Free cash flow as the company itself reports it (its own definition, often less finance-lease principal), for the slot's dates. */
export async function reportedFcfFigure(ctx: VerifyContext, company: Company, slot: PeriodSlot, decimals: number): Promise<VariantFigure | null> {
  const dates = slotDates(slot, company);
  const f = (await factsFor(ctx, company.ticker, 'free_cash_flow_reported', dates.start, dates.end))[0];
  if (!f) return null;
  return { figure: factFigure(f, `${company.name} free cash flow as the company reports it`, decimals), sources: [docOf(f)], definition: `free cash flow as ${company.name} defines and reports it${f.note ? ` (${f.note})` : ''}` };
}

/** Amazon's own capex: purchases of property and equipment net of proceeds and incentives, stated, or capex less the proceeds. */
export async function netCapexFigure(ctx: VerifyContext, company: Company, slot: PeriodSlot, decimals: number): Promise<VariantFigure | { missing: string }> {
  const gross = await seriesFigure(ctx.cache, ctx.companies, [company.ticker], 'capex', slot, undefined, decimals);
  if ('missing' in gross) return gross;
  const { start, end } = gross.figure;
  const definition = 'purchases of property and equipment net of proceeds from sales and incentives';
  const stated = (await factsFor(ctx, company.ticker, 'capex_net_of_proceeds', start!, end!))[0];
  if (stated) return { figure: factFigure(stated, `${company.name} capex net of proceeds`, decimals), sources: [docOf(stated)], definition };
  const proceeds = (await factsFor(ctx, company.ticker, 'capex_proceeds', start!, end!))[0];
  if (!proceeds) return { missing: `no proceeds from property and equipment on record for ${slotLabel(slot)}` };
  const value = gross.figure.value - proceeds.value;
  return {
    figure: { ...gross.figure, value, display: formatFigure(value, gross.figure.unit, decimals), label: `${company.name} capex net of proceeds, ${slotLabel(slot)} (${start} to ${end})`, derivation: `${gross.figure.display} purchases − ${formatFigure(proceeds.value, proceeds.unit, decimals)} proceeds` },
    sources: uniqueDocs([...gross.sources, docOf(proceeds)]),
    definition,
  };
}

/** Free cash flow as an article defines it: operating cash flow less capex and principal payments on finance leases. */
export async function fcfLessLeasesFigure(ctx: VerifyContext, company: Company, slot: PeriodSlot, decimals: number): Promise<VariantFigure | { missing: string }> {
  const parts: SeriesFigure[] = [];
  for (const metric of ['operating_cash_flow', 'capex', 'finance_lease_principal']) {
    const r = await seriesFigure(ctx.cache, ctx.companies, [company.ticker], metric, slot, undefined, decimals);
    if ('missing' in r) return { missing: `${metricName(metric)}: ${r.missing}` };
    parts.push(r);
  }
  const [ocf, capex, leases] = parts as [SeriesFigure, SeriesFigure, SeriesFigure];
  const value = ocf.figure.value - capex.figure.value - leases.figure.value;
  const unit = ocf.figure.unit;
  return {
    figure: { ...ocf.figure, value, display: formatFigure(value, unit, decimals), label: `${company.name} operating cash flow less capex and finance-lease principal, ${slotLabel(slot)} (${ocf.figure.start} to ${ocf.figure.end})`, derivation: `${ocf.figure.display} − ${capex.figure.display} − ${leases.figure.display}` },
    sources: uniqueDocs([...ocf.sources, ...capex.sources, ...leases.sources]),
    definition: 'operating cash flow less capex and principal payments on finance leases (the article’s definition)',
  };
}

/** A group's combined capex as the press reported it for a calendar year, when the words' definition matches its note. */
export async function reportedGroupFigure(ctx: VerifyContext, group: Company, slot: PeriodSlot, inclLeases: boolean, decimals: number): Promise<VariantFigure | null> {
  if (slot.period !== 'cy' || slot.from !== slot.to) return null;
  const facts = await factsFor(ctx, group.ticker, 'capex_combined', `${slot.from}-01-01`, `${slot.from}-12-31`);
  const f = facts.find((x) => /\bincl(?:udes|uding|\.)\s+finance\s+leases\b/i.test(x.note ?? '') === inclLeases);
  if (!f) return null;
  return {
    figure: factFigure(f, `${namesOf([group.ticker], ctx.companies)} combined capex${inclLeases ? ' incl. finance leases' : ''}, as reported`, decimals),
    sources: [docOf(f)],
    definition: `the combined figure as reported${f.note ? ` (${f.note})` : ''}`,
  };
}

/**
 * Other definitions an unqualified "capex" can follow, for one company and period: its capex
 * including finance leases (Meta's and Microsoft's headline figures), Amazon's net of proceeds, and
 * figures whose definition the data leaves unclear.
 */
export async function otherCapexDefinitions(ctx: VerifyContext, company: Company, slot: PeriodSlot, currency: string | undefined, decimals: number): Promise<VariantFigure[]> {
  const out: VariantFigure[] = [];
  const incl = await seriesFigure(ctx.cache, ctx.companies, [company.ticker], 'capex_incl_finance_leases', slot, currency, decimals);
  if ('figure' in incl) out.push({ figure: incl.figure, sources: incl.sources, definition: 'capex including finance leases' });
  if (currency === undefined) {
    const net = await netCapexFigure(ctx, company, slot, decimals);
    if ('figure' in net) out.push(net);
    const gross = await seriesFigure(ctx.cache, ctx.companies, [company.ticker], 'capex', slot, undefined, decimals);
    if ('figure' in gross) {
      for (const f of await factsFor(ctx, company.ticker, 'capex_ambiguous', gross.figure.start!, gross.figure.end!)) {
        out.push({ figure: factFigure(f, `${company.name} capex as a source reported it (definition unclear)`, decimals), sources: [docOf(f)], definition: `a reported capex figure whose definition is unclear${f.note ? `: ${f.note}` : ''}`, unclear: true });
      }
    }
  }
  return out;
}

/**
 * Other definitions an unqualified "free cash flow" can follow, for one company and period: the
 * company's own figure as it reports it (Amazon's subtracts capex net of proceeds, Meta's
 * finance-lease principal too) and operating cash flow less capex and finance-lease principal.
 */
export async function otherFreeCashFlowDefinitions(ctx: VerifyContext, company: Company, slot: PeriodSlot, ours: Figure, decimals: number): Promise<VariantFigure[]> {
  const out: VariantFigure[] = [];
  if (ours.start && ours.end && !ours.fx) {
    const reported = await reportedFcfFigure(ctx, company, slot, decimals);
    if (reported) out.push(reported);
  }
  if (!ours.fx) {
    const less = await fcfLessLeasesFigure(ctx, company, slot, decimals);
    if ('figure' in less) out.push({ ...less, definition: 'operating cash flow less capex and principal payments on finance leases' });
  }
  return out;
}

/**
 * The other stored versions of the same figure (other sources for exactly the same period), as
 * figures: where the data itself disagrees, a claim that matches one source is not false.
 */
export async function otherVersions(ctx: VerifyContext, company: Company, metric: string, ours: Figure, decimals: number): Promise<VariantFigure[]> {
  if (!ours.start || !ours.end || ours.fx) return [];
  const all = await factsFor(ctx, company.ticker, metric, ours.start, ours.end);
  // Another source is another version of the same figure: never a figure of another segment (Microsoft Cloud for Intelligent Cloud).
  const used = all.find((f) => f.value === ours.value);
  const segment = used ? segmentOfFact(company.ticker, metric, used.note)?.name ?? null : null;
  const facts = all.filter((f) => f.unit === ours.unit && f.value !== ours.value && (segmentOfFact(company.ticker, metric, f.note)?.name ?? null) === segment);
  return facts.map((f) => ({ figure: factFigure(f, `${company.name} ${metricName(metric)}, another source`, decimals), sources: [docOf(f)], definition: metricName(metric) }));
}
