// An event of the race: a dated, cited statement or happening (a model release, a pledge, a
// guidance change, a policy move) that charts can mark and readers can check.
import type { DocumentRef, VerificationLevel } from './fact.js';

/** What kind of event it is. Charts and `airace events --kind` filter on these. */
export const EVENT_KINDS = ['model', 'commitment', 'guidance', 'partnership', 'policy', 'market', 'prediction'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A company named by an event. Only names that match a company in the store carry a ticker. */
export interface EventCompany {
  /** As written in data/events.csv: a ticker for stored companies (GOOGL), a plain name otherwise (OpenAI). */
  name: string;
  /** The stored company this name links to, or null (OpenAI, DeepSeek, US Government...). */
  ticker: string | null;
}

/** An event as an ingester hands it to the store. Amounts are in currency units, not millions. */
export interface RaceEventInput {
  /** Stable id made from date, kind and first company: 2025-02-24-commitment-baba. */
  id: string;
  /** ISO date (YYYY-MM-DD) the event happened or the statement was made. */
  date: string;
  kind: EventKind;
  /** Short, neutral, written by airace (never a quote). */
  title: string;
  /** Names in the order the file lists them. */
  companies: string[];
  /** For ranges the low end (the note gives the range); market-value losses are positive. */
  amount: number | null;
  /** ISO currency code of the amount, null when there is no amount. */
  currency: string | null;
  /** The primary announcement, filing or government document where one was found, else the page it was read at. */
  sourceUrl: string;
  /** Where the event was read, when that is not `sourceUrl`. */
  readAt: string | null;
  verified: VerificationLevel;
  note: string | null;
}

export interface RaceEvent extends Omit<RaceEventInput, 'companies'> {
  companies: EventCompany[];
}

/** id = date-kind-first company, lower case: unique in the file (the loader checks). */
export function eventId(date: string, kind: string, companies: readonly string[]): string {
  const who = (companies[0] ?? 'none').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${date}-${kind}-${who || 'none'}`;
}

/** The event's source as every JSON source reference has it. */
export function eventDocument(e: Pick<RaceEventInput, 'sourceUrl' | 'readAt' | 'verified'>): DocumentRef {
  return { url: e.sourceUrl, form: null, accession: null, filed: null, readAt: e.readAt, verified: e.verified };
}
