// A multi-year investment pledge (Alibaba's RMB 380 billion over three years from 24 Feb 2025)
// against the capex spent since, quarter by quarter. Spending counts from the first whole
// quarter after the announcement. A running total exists only where every quarter since then
// is known, directly or inside a reported fiscal year; a missing quarter is named, never filled.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { SourceRef } from '../model/fact.js';
import { sourceRefOf } from '../model/fact.js';
import type { RaceEvent } from '../model/race-event.js';
import { hasValue, type SeriesPoint } from '../model/series.js';
import { companyDirectory } from './company-directory.js';
import { listFacts } from '../store/facts-repository.js';
import { getSeries } from './engine.js';
import { listEvents } from './events.js';
import { rankVersions } from './fact-index.js';
import { fiscalYearOf } from './fiscal-year.js';
import { monthIndexOf, quarterLabel } from './months.js';
import { InvalidOptionError } from '../model/errors.js';

export const PLEDGE_METRIC = 'ai_infrastructure_commitment';

export interface PledgeCheckpoint {
  /** Calendar quarter label (2025-Q3) and its last day. */
  label: string;
  end: string;
  /** The quarter's capex, or null with the reason in `quarter.missing`. */
  quarter: SeriesPoint;
  /** Capex from `countedFrom` to `end`, or null when some quarter in between is unknown. */
  cumulative: number | null;
  /** How the running total was made ("sum of quarters", "FY2026 as reported"). */
  derivation: string | null;
  sources: SourceRef[];
}

export interface PledgeProgress {
  ticker: string;
  name: string;
  colour: string;
  currency: string;
  /** The pledge as stored (preferred row in the reporting currency). */
  amount: number;
  /** Announcement day and the end of the pledged period (approximate when the source says "three years"). */
  start: string;
  end: string;
  sources: SourceRef[];
  /** First day of the first whole quarter after the announcement. */
  countedFrom: string;
  checkpoints: PledgeCheckpoint[];
  /** Labels of quarters since countedFrom with no capex figure. */
  missingQuarters: string[];
  /** Later statements about the pledge (commitment and guidance events on or after the announcement). */
  updates: RaceEvent[];
}

export async function pledgeProgress(db: Kysely<Database>, { ticker }: { ticker: string }): Promise<PledgeProgress> {
  const [company] = (await companyDirectory(db)).index.resolve([ticker]);
  if (!company || company.kind !== 'company') throw new InvalidOptionError('ticker', ticker, ['a company (not a group)'], 'pledges are per company');
  const facts = rankVersions(
    (await listFacts(db, { tickers: [company.ticker], metrics: [PLEDGE_METRIC], basis: ['commitment'] })).filter((f) => f.unit === company.currency && f.periodStart !== null),
  ).facts;
  const pledge = facts[0];
  if (!pledge) throw new Error(`no ${PLEDGE_METRIC} in ${company.currency} is stored for ${company.ticker}`);
  const start = pledge.periodStart!;
  const same = facts.filter((f) => f.periodStart === start && f.periodEnd === pledge.periodEnd && f.value === pledge.value);
  const countedFrom = firstWholeQuarter(start);
  const fromLabel = quarterLabel(monthIndexOf(countedFrom) + 2);

  const quarters = await getSeries(db, { metric: 'capex', tickers: [company.ticker], period: 'quarter', from: fromLabel, currency: company.currency });
  const fy = company.fiscalYearEndMonth;
  const years = await getSeries(db, { metric: 'capex', tickers: [company.ticker], period: 'fy', from: String(fiscalYearOf(monthIndexOf(countedFrom), fy)), currency: company.currency });
  const points = (quarters.series[0]?.points ?? []).filter((p) => p.end <= pledge.periodEnd);
  const yearPoints = years.series[0]?.points ?? [];

  // reach[i]: spending from countedFrom to the end of quarter i, by quarters or whole fiscal years.
  const reach: { value: number; derivation: string; sources: SourceRef[] }[] = [];
  const before = (i: number) => (i < 0 ? { value: 0, derivation: '', sources: [] as SourceRef[] } : (reach[i] ?? null));
  const checkpoints = points.map((q, i): PledgeCheckpoint => {
    const prev = before(i - 1);
    let total: (typeof reach)[number] | undefined;
    if (prev && q.value !== null) total = { value: prev.value + q.value, derivation: 'sum of quarters', sources: [...prev.sources, ...q.sources] };
    const year = yearPoints.filter(hasValue).find((y) => y.end === q.end && y.start >= countedFrom);
    const yearPrev = year ? before(i - 4) : null;
    if (!total && year && yearPrev) {
      total = { value: yearPrev.value + year.value, derivation: `${year.label} as reported${yearPrev.value ? ' plus the quarters before it' : ''}`, sources: [...yearPrev.sources, ...year.sources] };
    }
    if (total) reach[i] = total;
    return { label: q.label, end: q.end, quarter: q, cumulative: total?.value ?? null, derivation: total?.derivation ?? null, sources: total?.sources ?? q.sources };
  });

  const updates = (await listEvents(db, { companies: [company.ticker], kinds: ['commitment', 'guidance'], from: start })).filter((e) => e.currency === null || e.currency === company.currency);
  return {
    ticker: company.ticker,
    name: company.name,
    colour: company.colour,
    currency: company.currency,
    amount: pledge.value,
    start,
    end: pledge.periodEnd,
    sources: same.map(sourceRefOf),
    countedFrom,
    checkpoints,
    missingQuarters: checkpoints.filter((c) => c.quarter.value === null).map((c) => c.label),
    updates,
  };
}

/** First day of the first calendar quarter starting on or after `iso`. */
function firstWholeQuarter(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const startsQuarter = (m - 1) % 3 === 0 && iso.endsWith('-01');
  const q = Math.floor((m - 1) / 3) + (startsQuarter ? 0 : 1);
  return q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}
