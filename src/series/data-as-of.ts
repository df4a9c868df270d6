// "Data as of": how current what a page, chart, table or response shows is. The one place that
// says it, so every surface agrees: the newest end of a reported period among the figures shown
// (plans and pledges cover future periods, so they do not count), and the newest filing date among
// the documents those figures cite.
import type { Basis, DocumentRef } from '../model/fact.js';
import type { DataAsOf, SeriesPoint, SeriesResult } from '../model/series.js';
import type { Db } from '../store/database.js';
import { factDates } from '../store/facts-repository.js';

export type { DataAsOf } from '../model/series.js';

export const NO_DATA_AS_OF: DataAsOf = { newestPeriodEnd: null, newestDocumentDate: null };

const later = (a: string | null, b: string | null | undefined): string | null => (b && (!a || b > a) ? b : a);

/** Something shown: a period it covers, its basis, and the documents it cites. */
export interface Shown {
  end: string;
  basis: Basis;
  sources: readonly Pick<DocumentRef, 'filed'>[];
}

export function dataAsOf(items: Iterable<Shown>): DataAsOf {
  let newestPeriodEnd: string | null = null;
  let newestDocumentDate: string | null = null;
  for (const item of items) {
    if (item.basis === 'actual') newestPeriodEnd = later(newestPeriodEnd, item.end);
    for (const s of item.sources) newestDocumentDate = later(newestDocumentDate, s.filed);
  }
  return { newestPeriodEnd, newestDocumentDate };
}

/** Points with a value only: a missing one shows nothing. */
export function dataAsOfPoints(points: Iterable<SeriesPoint>): DataAsOf {
  return dataAsOf([...points].filter((p) => p.value !== null));
}

export function dataAsOfResult(result: Pick<SeriesResult, 'series'>): DataAsOf {
  return dataAsOfPoints(result.series.flatMap((s) => s.points));
}

/** Facts as stored (listings, exports): each stands for its own period and document. */
export function dataAsOfFacts(facts: Iterable<{ periodEnd: string; basis: Basis; filed: string | null }>): DataAsOf {
  return dataAsOf([...facts].map((f) => ({ end: f.periodEnd, basis: f.basis, sources: [{ filed: f.filed }] })));
}

/** Events: each is dated by the statement or announcement it records, so its date is a document date. */
export function dataAsOfEvents(events: Iterable<{ date: string }>): DataAsOf {
  return dataAsOf([...events].map((e) => ({ end: e.date, basis: 'guidance' as const, sources: [{ filed: e.date }] })));
}

/** How current everything stored is: the newest reported period and the newest filing date (pages that show no particular figures, such as /check). */
export async function storeDataAsOf(db: Db): Promise<DataAsOf> {
  const d = await factDates(db);
  return { newestPeriodEnd: d.newestActualEnd, newestDocumentDate: d.newestFiled };
}

/** The newest of several (a page showing several tables and charts). */
export function combineDataAsOf(parts: Iterable<DataAsOf>): DataAsOf {
  let out = NO_DATA_AS_OF;
  for (const p of parts) out = { newestPeriodEnd: later(out.newestPeriodEnd, p.newestPeriodEnd), newestDocumentDate: later(out.newestDocumentDate, p.newestDocumentDate) };
  return out;
}

/** "data to 2026-06-30; newest document filed 2026-07-30", for footers, captions and source lines. */
export function dataAsOfText(d: DataAsOf): string {
  if (!d.newestPeriodEnd && !d.newestDocumentDate) return 'Data as of: no dated figures shown';
  const parts = [d.newestPeriodEnd ? `figures to ${d.newestPeriodEnd}` : null, d.newestDocumentDate ? `newest document filed ${d.newestDocumentDate}` : null].filter(Boolean);
  return `Data as of: ${parts.join('; ')}`;
}

/**
 * How current a retrieval of a third-party table is (Epoch AI's models): the last day it was
 * confirmed current (a later sync found it unchanged), else the day, or month, it was retrieved.
 */
export function retrievalAsOf(load: { retrieved: string; confirmed: string }): string {
  return load.confirmed > load.retrieved ? load.confirmed : load.retrieved;
}

/** "Data as of 2026-04-24" / "Data as of April 2026" for a month. */
export function retrievalAsOfText(asOf: string | null): string {
  if (!asOf) return 'No models data loaded';
  const m = /^(\d{4})-(\d{2})$/.exec(asOf);
  if (!m) return `Data as of ${asOf}`;
  const month = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `Data as of ${month} ${m[1]}`;
}
