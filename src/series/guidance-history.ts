// A company's capex guidance for one year as it changed over time (Alphabet's 2025: about
// $75bn, then $85bn, then $91–93bn), next to what it actually spent that year. Steps come from
// guidance events (data/events.csv) and guidance facts (data/facts.csv): each statement is
// dated by the event, by the fact's note, or by the one event or dated fact it matches.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { documentRefOf, sourceRefOf, type DocumentRef, type StoredFact } from '../model/fact.js';
import { eventDocument, type RaceEvent } from '../model/race-event.js';
import type { SeriesPoint } from '../model/series.js';
import { guidedYearOf } from '../model/guided-year.js';
import { listCompanies } from '../store/companies-repository.js';
import { listFacts } from '../store/facts-repository.js';
import { getSeries } from './engine.js';
import { listEvents } from './events.js';
import { resolveCompanies } from './company-lookup.js';
import { rankVersions } from './fact-index.js';
import { fiscalYearEnd } from './fiscal-year.js';
import { endDateOf, monthIndexOf, monthsBetween, startDateOf } from './months.js';
import { statementDateOf } from './statement-date.js';
import { combineDataAsOf, dataAsOf, type DataAsOf } from './data-as-of.js';
import { GUIDANCE_METRICS, eventRange, guidanceEndOf, isQuarterlyPace, type GuidanceEnd } from './guidance-figure.js';
import { InvalidOptionError } from '../model/errors.js';

/** One piece of evidence behind a step, with its document as every source reference has it. */
export interface GuidanceSource extends DocumentRef {
  kind: 'event' | 'fact';
  /** Event id, or fact id as a string. */
  id: string;
  note: string | null;
  /** What the row states: a point figure or one end of a range, in currency units. */
  end: GuidanceEnd;
  value: number;
  /** How the statement date was found. */
  dated: 'event' | 'note' | 'matched';
}

/** Guidance as it stood from `date` until the next step. */
export interface GuidanceStep {
  date: string;
  /** Point guidance has low === high. */
  low: number;
  high: number;
  /** True when the figure is the same as the step before: restated, not changed. */
  reiterated: boolean;
  sources: GuidanceSource[];
}

export interface GuidanceHistory {
  ticker: string;
  name: string;
  colour: string;
  /** The guided year: the company's fiscal year ending in this calendar year. */
  year: number;
  /** FY2025, as the series engine labels it. */
  label: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  steps: GuidanceStep[];
  /** Metric the actual figure is: the one the company's guidance is stated in. */
  actualMetric: string;
  /** Why that metric, in a sentence. */
  actualBasis: string;
  /** The year's actual figure from the series engine (value null, with a reason, until reported). */
  actual: SeriesPoint | null;
  /** Rows that say something about the year but could not be placed, and why. */
  skipped: { source: GuidanceSource; reason: string }[];
  /** How current the statements and the actual are. */
  dataAsOf: DataAsOf;
}

/**
 * Meta guides capex including principal payments on finance leases and Microsoft's commentary
 * uses its headline figure including finance leases, so their plans are compared with that
 * metric; everyone else's with capex.
 */
const ACTUAL_METRIC: Record<string, { metric: string; basis: string }> = {
  META: { metric: 'capex_incl_finance_leases', basis: 'Meta states its capex guidance including principal payments on finance leases.' },
  MSFT: { metric: 'capex_incl_finance_leases', basis: 'Microsoft’s commentary uses its headline capex, which includes assets acquired under finance leases.' },
};
const DEFAULT_ACTUAL = { metric: 'capex', basis: 'Guidance is compared with capex as cash paid for property and equipment.' };

export async function guidanceHistory(db: Kysely<Database>, { ticker, year }: { ticker: string; year: number }): Promise<GuidanceHistory> {
  const [company] = resolveCompanies(await listCompanies(db), [ticker]);
  if (!company || company.kind !== 'company') throw new InvalidOptionError('ticker', ticker, ['a company (not a group)'], 'guidance history is per company, not for groups');
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new InvalidOptionError('year', String(year), ['a year such as 2025']);
  const endMonth = fiscalYearEnd(year, company.fiscalYearEndMonth);
  const period = { start: startDateOf(endMonth, 12), end: endDateOf(endMonth) };
  const currency = company.currency;
  const skipped: GuidanceHistory['skipped'] = [];

  // Events: dated by definition; the title names the year they guide.
  const dated: GuidanceSource[] = [];
  const events = await listEvents(db, { companies: [company.ticker], kinds: ['guidance'] });
  for (const e of events) {
    const range = eventRange(e);
    const guided = guidedYearOf(e.title);
    if (!range || !guided || guided.year !== year) continue;
    const sources = eventSources(e, range);
    // A plain "2025" is a calendar year: the same as FY2025 only for December year-ends.
    if (!guided.fiscal && company.fiscalYearEndMonth !== 12) {
      for (const s of sources) skipped.push({ source: s, reason: `guidance for calendar ${year}, not ${company.ticker}’s FY${year}` });
      continue;
    }
    if (e.currency !== currency) {
      for (const s of sources) skipped.push({ source: s, reason: `stated in ${e.currency}, not ${currency}` });
      continue;
    }
    dated.push(...sources);
  }

  // Facts for exactly the guided year, in the reporting currency, newest-best first.
  const facts = rankVersions(
    (await listFacts(db, { tickers: [company.ticker], metrics: [...GUIDANCE_METRICS], basis: ['guidance'] })).filter((f) => f.periodStart !== null && monthsBetween(f.periodStart, f.periodEnd) === 12 && monthIndexOf(f.periodEnd) === endMonth),
  ).facts;
  const undated: GuidanceSource[] = [];
  for (const f of facts) {
    const s = factSource(f);
    if (f.unit !== currency) skipped.push({ source: s, reason: `stated in ${f.unit}, not ${currency}` });
    else if (isQuarterlyPace(f.note)) skipped.push({ source: s, reason: 'a quarterly pace, not a figure for the year' });
    else if (s.dated === 'note') dated.push(s);
    else undated.push(s);
  }

  const steps = stepsFrom(dated, skipped);
  // An undated row joins the one statement it agrees with; if none or several, it is left out.
  for (const s of undated) {
    const matches = steps.filter((st) => stated(st, s.end) === s.value);
    if (matches.length === 1) matches[0]!.sources.push({ ...s, dated: 'matched' });
    else skipped.push({ source: s, reason: matches.length ? `no statement date, and ${matches.length} statements give this figure` : 'no statement date, and no dated statement gives this figure' });
  }
  steps.forEach((st, i) => (st.reiterated = i > 0 && st.low === steps[i - 1]!.low && st.high === steps[i - 1]!.high));

  const choice = ACTUAL_METRIC[company.ticker] ?? DEFAULT_ACTUAL;
  const actual = await getSeries(db, { metric: choice.metric, tickers: [company.ticker], period: 'fy', from: String(year), to: String(year) });
  return {
    ticker: company.ticker,
    name: company.name,
    colour: company.colour,
    year,
    label: `FY${year}`,
    periodStart: period.start,
    periodEnd: period.end,
    currency,
    steps,
    actualMetric: choice.metric,
    actualBasis: choice.basis,
    actual: actual.series[0]?.points[0] ?? null,
    skipped,
    dataAsOf: combineDataAsOf([dataAsOf(steps.map((s) => ({ end: period.end, basis: 'guidance' as const, sources: s.sources }))), actual.dataAsOf]),
  };
}

function eventSources(e: RaceEvent, range: { low: number; high: number }): GuidanceSource[] {
  const base = { kind: 'event' as const, id: e.id, ...eventDocument(e), note: e.note, dated: 'event' as const };
  return range.low === range.high
    ? [{ ...base, end: 'point', value: range.low }]
    : [{ ...base, end: 'low', value: range.low }, { ...base, end: 'high', value: range.high }];
}

function factSource(f: StoredFact): GuidanceSource & { date?: string } {
  const date = statementDateOf(f.note);
  return { kind: 'fact', id: String(f.id), ...documentRefOf(sourceRefOf(f)), note: f.note, end: guidanceEndOf(f), value: f.value, dated: date ? 'note' : 'matched', ...(date ? { date } : {}) };
}

function dateOf(s: GuidanceSource): string {
  return s.kind === 'event' ? s.id.slice(0, 10) : (s as GuidanceSource & { date: string }).date;
}

/** The figure a step gives for one end (a point stands for both ends). */
function stated(step: GuidanceStep, end: GuidanceEnd): number | null {
  if (end === 'point') return step.low === step.high ? step.low : null;
  return end === 'low' ? step.low : step.high;
}

/**
 * One step per statement date. Events are listed before facts, and facts best version first,
 * so the first figure for each end wins; a source that disagrees with it is set aside.
 */
function stepsFrom(sources: GuidanceSource[], skipped: GuidanceHistory['skipped']): GuidanceStep[] {
  const byDate = new Map<string, GuidanceSource[]>();
  for (const s of sources) byDate.set(dateOf(s), [...(byDate.get(dateOf(s)) ?? []), s]);
  const steps: GuidanceStep[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const all = byDate.get(date)!;
    const first = (end: GuidanceEnd) => all.find((s) => s.end === end)?.value;
    const point = first('point');
    const low = first('low') ?? point;
    const high = first('high') ?? point;
    if (low === undefined || high === undefined) {
      for (const s of all) skipped.push({ source: s, reason: `only one end of the ${date} range is stated` });
      continue;
    }
    const step: GuidanceStep = { date, low: Math.min(low, high), high: Math.max(low, high), reiterated: false, sources: [] };
    for (const s of all) {
      if (stated(step, s.end) === s.value) step.sources.push(s);
      else skipped.push({ source: s, reason: `disagrees with the ${date} figure used` });
    }
    steps.push(step);
  }
  return steps;
}
