// Events as flat rows and as JSON objects: the one shape behind `airace events`, the
// /api/v1/events(.json|.csv) twins and timeline sections, so every surface says the same.
import { eventDocument, type EventKind, type RaceEvent } from '../model/race-event.js';
import type { DocumentRef, VerificationLevel } from '../model/fact.js';
import { formatMoney } from '../model/format-figure.js';

export const EVENT_COLUMNS = [
  'id', 'date', 'kind', 'title', 'companies', 'tickers', 'amount', 'currency', 'amount_text', 'source_url', 'read_at_url', 'verified', 'note',
] as const;

export type EventColumn = (typeof EVENT_COLUMNS)[number];

/** "$593.0B", "RMB 380.0B", or null: the amount as every surface prints it. */
export function eventAmountText(e: Pick<RaceEvent, 'amount' | 'currency'>): string | null {
  return e.amount === null || e.currency === null ? null : formatMoney(e.amount, e.currency);
}

/** CSV rows in EVENT_COLUMNS order; lists are `;`-separated as in data/events.csv. */
export function eventRows(events: RaceEvent[]): (string | number | null)[][] {
  return events.map((e) => [
    e.id,
    e.date,
    e.kind,
    e.title,
    e.companies.map((c) => c.name).join(';'),
    e.companies.flatMap((c) => (c.ticker ? [c.ticker] : [])).join(';'),
    e.amount,
    e.currency,
    eventAmountText(e),
    e.sourceUrl,
    e.readAt,
    e.verified,
    e.note,
  ]);
}

export interface EventJson {
  id: string;
  date: string;
  kind: EventKind;
  title: string;
  /** Each named company; `ticker` links to /company/:ticker when it is stored, else null. */
  companies: { name: string; ticker: string | null }[];
  /** In currency units (not millions); for a range the low end (see note). */
  amount: number | null;
  currency: string | null;
  amountText: string | null;
  sourceUrl: string;
  readAt: string | null;
  verified: VerificationLevel;
  /** The same provenance in the shape of every JSON source reference. */
  source: DocumentRef;
  note: string | null;
}

export function eventJson(e: RaceEvent): EventJson {
  return {
    id: e.id,
    date: e.date,
    kind: e.kind,
    title: e.title,
    companies: e.companies.map((c) => ({ name: c.name, ticker: c.ticker })),
    amount: e.amount,
    currency: e.currency,
    amountText: eventAmountText(e),
    sourceUrl: e.sourceUrl,
    readAt: e.readAt,
    verified: e.verified,
    source: eventDocument(e),
    note: e.note,
  };
}
