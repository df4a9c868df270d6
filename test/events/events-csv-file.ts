// Reads data/events.csv directly, so tests compare what airace shows with the file itself.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface CsvEvent {
  date: string;
  companies: string;
  kind: string;
  title: string;
  value: string;
  currency: string;
  unit: string;
  source_url: string;
  read_at_url: string;
  verified: string;
  note: string;
}

export const EVENTS_CSV = new URL('../../data/events.csv', import.meta.url);

export const csvEvents: CsvEvent[] = parse(readFileSync(EVENTS_CSV, 'utf8'), { columns: true, skip_empty_lines: true });

/** The event's companies as the file lists them. */
export const namesOf = (e: CsvEvent) => e.companies.split(';').map((s) => s.trim()).filter(Boolean);
