// A company's capex guidance for one year as it changed over time (Alphabet's 2025: about
// $75bn, then $85bn, then $91–93bn), next to what it actually spent that year. Steps come from
// guidance events (data/events.csv) and guidance facts (data/facts.csv): each statement is
// dated by the event, by the fact's note (a day, or only a month), by the one event or dated
// fact it matches, or, when no dated statement gives its figure, by the day the article that
// reported it was published. The big four's guidance is the combined figure the press reported.
// This is the one home of "the guidance in force": the dashboard, the CLI and the claim checker
// all read it here.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { documentRefOf, sourceRefOf, type DocumentRef, type StoredFact } from '../model/fact.js';
import type { Company } from '../model/company.js';
import { eventDocument, type RaceEvent } from '../model/race-event.js';
import { InvalidOptionError } from '../model/errors.js';
import type { SeriesPoint } from '../model/series.js';
import { guidedYearOf } from '../model/guided-year.js';
import { companyDirectory } from './company-directory.js';
import { listFacts } from '../store/facts-repository.js';
import { getSeries } from './engine.js';
import { listEvents } from './events.js';
import { rankVersions } from './fact-index.js';
import { fiscalYearEnd } from './fiscal-year.js';
import { endDateOf, monthIndex, monthIndexOf, monthsBetween, quarterLabel, startDateOf } from './months.js';
import { publicationDateOf, statementDateOf, statementMonthOf } from './statement-date.js';
import { GROUP_GUIDANCE_METRIC, GUIDANCE_METRICS, eventRange, guidanceEndOf, isQuarterlyPace, type GuidanceEnd } from './guidance-figure.js';
import { combineDataAsOf, dataAsOf, type DataAsOf } from './data-as-of.js';

/** One piece of evidence behind a step, with its document as every source reference has it. */
export interface GuidanceSource extends DocumentRef {
  kind: 'event' | 'fact';
  /** Event id, or fact id as a string. */
  id: string;
  note: string | null;
  /** What the row states: a point figure or one end of a range, in currency units. */
  end: GuidanceEnd;
  value: number;
  /**
   * How the statement date was found: the event's date, the note's date, the month the note
   * names (`month`), the one dated statement it agrees with (`matched`), or, for a figure no dated
   * statement gives, the day the article reporting it was published (`published`: stated by then).
   */
  dated: 'event' | 'note' | 'month' | 'matched' | 'published';
}

/** Guidance as it stood from `date` until the next step. */
export interface GuidanceStep {
  date: string;
  /** Point guidance has low === high. */
  low: number;
  high: number;
  /** True when the figure is the same as the step before: restated, not changed. */
  reiterated: boolean;
  /** True when only the month is known (the date is its last day) or only the day it was published by. */
  approximate: boolean;
  /** True when the sources state a floor ("more than $320 billion", "north of $30 billion"). */
  lowerBound: boolean;
  sources: GuidanceSource[];
}

export interface GuidanceHistory {
  ticker: string;
  name: string;
  colour: string;
  /** The guided year: the company's fiscal year ending in this calendar year (for a guided quarter, the year it ends in). */
  year: number;
  /** FY2025 (or 2025-Q3 for a guided quarter), as the series engine labels it. */
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

/** A company's (or the big four's) capex guidance for its fiscal year ending in `year`. */
export async function guidanceHistory(db: Kysely<Database>, { ticker, year }: { ticker: string; year: number }): Promise<GuidanceHistory> {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new InvalidOptionError('year', String(year), ['a year such as 2025']);
  const company = await guidedCompany(db, ticker);
  const endMonth = fiscalYearEnd(year, company.fiscalYearEndMonth);
  return guidanceOver(db, company, { endMonth, months: 12, year, label: `FY${year}` });
}

/**
 * Guidance for a calendar year of a company whose fiscal year ends in another month (Microsoft has
 * also stated a plan for calendar 2026). For a December year-end it is the fiscal year's history.
 */
export async function guidanceForCalendarYear(db: Kysely<Database>, { ticker, year }: { ticker: string; year: number }): Promise<GuidanceHistory> {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new InvalidOptionError('year', String(year), ['a year such as 2025']);
  const company = await guidedCompany(db, ticker);
  if (company.kind === 'group' || company.fiscalYearEndMonth === 12) return guidanceHistory(db, { ticker, year });
  return guidanceOver(db, company, { endMonth: monthIndex(year, 12), months: 12, year, label: `CY${year}`, calendar: true });
}

/** Guidance for a period other than a year, such as the quarter Microsoft guides one call ahead. */
export async function guidanceForQuarter(db: Kysely<Database>, { ticker, quarter }: { ticker: string; quarter: string }): Promise<GuidanceHistory> {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new InvalidOptionError('quarter', quarter, ['a calendar quarter such as 2025-Q3']);
  const company = await guidedCompany(db, ticker);
  const endMonth = monthIndex(Number(m[1]), Number(m[2]) * 3);
  return guidanceOver(db, company, { endMonth, months: 3, year: Number(m[1]), label: quarterLabel(endMonth) });
}

async function guidedCompany(db: Kysely<Database>, ticker: string): Promise<Company> {
  const [company] = (await companyDirectory(db)).index.resolve([ticker]);
  if (!company) throw new InvalidOptionError('ticker', ticker, ['a company or group airace tracks']);
  return company;
}

/** Guidance metrics: a company's own, or the combined figure reported for a group. */
const guidanceMetricsOf = (company: Company): string[] => (company.kind === 'group' ? [GROUP_GUIDANCE_METRIC] : [...GUIDANCE_METRICS]);

async function guidanceOver(db: Kysely<Database>, company: Company, guided: { endMonth: number; months: number; year: number; label: string; calendar?: boolean }): Promise<GuidanceHistory> {
  const { endMonth, months, year } = guided;
  const period = { start: startDateOf(endMonth, months), end: endDateOf(endMonth) };
  const currency = company.kind === 'group' ? 'USD' : company.currency;
  const skipped: GuidanceHistory['skipped'] = [];

  // Events: dated by definition; the title names the year they guide (so they guide years only).
  // A group's events are its members' own statements, not a combined figure.
  const dated: GuidanceSource[] = [];
  const events = months === 12 && company.kind === 'company' ? await listEvents(db, { companies: [company.ticker], kinds: ['guidance'] }) : [];
  for (const e of events) {
    const range = eventRange(e);
    const guidedYear = guidedYearOf(e.title);
    if (!range || !guidedYear || guidedYear.year !== year) continue;
    const sources = eventSources(e, range);
    // A plain "2025" is a calendar year: the same as FY2025 only for December year-ends.
    if (!guidedYear.fiscal && company.fiscalYearEndMonth !== 12 && !guided.calendar) {
      for (const s of sources) skipped.push({ source: s, reason: `guidance for calendar ${year}, not ${company.ticker}’s FY${year}` });
      continue;
    }
    if (guidedYear.fiscal && guided.calendar) {
      for (const s of sources) skipped.push({ source: s, reason: `guidance for ${company.ticker}’s FY${year}, not calendar ${year}` });
      continue;
    }
    if (e.currency !== currency) {
      for (const s of sources) skipped.push({ source: s, reason: `stated in ${e.currency}, not ${currency}` });
      continue;
    }
    dated.push(...sources);
  }

  // Facts for exactly the guided period, in the reporting currency, newest-best first.
  const facts = rankVersions(
    (await listFacts(db, { tickers: [company.ticker], metrics: guidanceMetricsOf(company), basis: ['guidance'] })).filter((f) => f.periodStart !== null && monthsBetween(f.periodStart, f.periodEnd) === months && monthIndexOf(f.periodEnd) === endMonth),
  ).facts;
  const byMonth: GuidanceSource[] = [];
  const undated: GuidanceSource[] = [];
  for (const f of facts) {
    const s = factSource(f);
    if (f.unit !== currency) skipped.push({ source: s, reason: `stated in ${f.unit}, not ${currency}` });
    else if (isQuarterlyPace(f.note) && months !== 3) skipped.push({ source: s, reason: 'a quarterly pace, not a figure for the year' });
    else if (s.dated === 'note') dated.push(s);
    else if (s.dated === 'month') byMonth.push(s);
    else undated.push(s);
  }

  const steps = stepsFrom(dated, skipped);
  // A month-only statement joins a dated statement of that month that gives its figure, else stands as its own step.
  const monthOnly: GuidanceSource[] = [];
  for (const s of byMonth) {
    const sameMonth = steps.filter((st) => st.date.slice(0, 7) === dateOf(s).slice(0, 7) && stated(st, s.end) === s.value);
    if (sameMonth.length) sameMonth[0]!.sources.push(s);
    else monthOnly.push(s);
  }
  steps.push(...stepsFrom(monthOnly, skipped).map((st) => ({ ...st, approximate: true })));
  // An undated row joins the one statement it agrees with; a figure no statement gives stands on the day
  // the article reporting it was published (it was stated by then), and later undated rows may join it.
  const pending: GuidanceSource[] = [];
  const published: GuidanceSource[] = [];
  for (const s of undated) {
    if (!steps.some((st) => stated(st, s.end) === s.value) && publicationDateOf(s.note)) published.push({ ...s, dated: 'published' });
    else pending.push(s);
  }
  steps.push(...stepsFrom(published, skipped).map((st) => ({ ...st, approximate: true })));
  for (const s of pending) {
    const matches = steps.filter((st) => stated(st, s.end) === s.value);
    if (matches.length === 1) matches[0]!.sources.push({ ...s, dated: 'matched' });
    else skipped.push({ source: s, reason: matches.length ? `no statement date, and ${matches.length} statements give this figure` : 'no statement date, and no dated statement gives this figure' });
  }
  steps.sort((a, b) => a.date.localeCompare(b.date));
  steps.forEach((st, i) => {
    st.reiterated = i > 0 && st.low === steps[i - 1]!.low && st.high === steps[i - 1]!.high;
    st.lowerBound = st.low === st.high && st.sources.some((src) => FLOOR_WORDS.test(src.note ?? ''));
  });

  const choice = company.kind === 'group' ? DEFAULT_ACTUAL : (ACTUAL_METRIC[company.ticker] ?? DEFAULT_ACTUAL);
  const bound = months === 3 ? quarterLabel(endMonth) : String(year);
  const actual = await getSeries(db, { metric: choice.metric, tickers: [company.ticker], period: months === 3 ? 'quarter' : company.kind === 'group' || guided.calendar ? 'cy' : 'fy', from: bound, to: bound });
  return {
    ticker: company.ticker,
    name: company.name,
    colour: company.colour,
    year,
    label: guided.label,
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

/** Words in a note that make a figure a floor. */
const FLOOR_WORDS = /\b(?:exceed|over|north of|lower bound|more than|at least)\b/i;

function eventSources(e: RaceEvent, range: { low: number; high: number }): GuidanceSource[] {
  const base = { kind: 'event' as const, id: e.id, ...eventDocument(e), note: e.note, dated: 'event' as const };
  return range.low === range.high
    ? [{ ...base, end: 'point', value: range.low }]
    : [{ ...base, end: 'low', value: range.low }, { ...base, end: 'high', value: range.high }];
}

function factSource(f: StoredFact): GuidanceSource & { date?: string } {
  const date = statementDateOf(f.note);
  const month = date ? null : statementMonthOf(f.note);
  const base = { kind: 'fact' as const, id: String(f.id), ...documentRefOf(sourceRefOf(f)), note: f.note, end: guidanceEndOf(f), value: f.value };
  if (date) return { ...base, dated: 'note', date };
  if (month) return { ...base, dated: 'month', date: month };
  return { ...base, dated: 'matched' };
}

function dateOf(s: GuidanceSource): string {
  if (s.kind === 'event') return s.id.slice(0, 10);
  if (s.dated === 'published') return publicationDateOf(s.note)!;
  return (s as GuidanceSource & { date: string }).date;
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
    const step: GuidanceStep = { date, low: Math.min(low, high), high: Math.max(low, high), reiterated: false, approximate: false, lowerBound: false, sources: [] };
    for (const s of all) {
      if (stated(step, s.end) === s.value) step.sources.push(s);
      else skipped.push({ source: s, reason: `disagrees with the ${date} figure used` });
    }
    steps.push(step);
  }
  return steps;
}
