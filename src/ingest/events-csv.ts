// data/events.csv: a cited timeline of the race. Amounts are in millions in the file and in
// currency units once read, like facts.csv.
import { z } from 'zod';
import { EVENT_KINDS, eventId, type RaceEventInput } from '../model/race-event.js';
import { guidedYearOf } from '../model/guided-year.js';
import { readCsvFile, type CsvFile } from './read-csv-file.js';
import { documentUrl, isoDate, optionalDocumentUrl, optionalNumber, text, verification } from './csv-fields.js';
import { DataFileError } from './data-file-error.js';

/** Titles are chart labels as well: long ones would not fit beside a marker. */
export const MAX_TITLE_LENGTH = 80;

const companyName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 .&'\-]{0,59}$/, 'expected a ticker or a plain company name');

const eventRow = z
  .object({
    date: isoDate,
    companies: z
      .string()
      .transform((s) => s.split(';').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(companyName))
      .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'a company is listed twice'),
    kind: z.enum(EVENT_KINDS),
    title: z.string().trim().min(1, 'title is required').max(MAX_TITLE_LENGTH, `keep titles to ${MAX_TITLE_LENGTH} characters`),
    value: optionalNumber,
    currency: z.union([z.literal(''), z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code')]),
    unit: z.enum(['', 'millions']),
    source_url: documentUrl,
    read_at_url: optionalDocumentUrl,
    verified: verification,
    note: text,
  })
  .refine((r) => (r.value === null) === (r.currency === '') && (r.value === null) === (r.unit === ''), {
    message: 'value, currency and unit go together: give all three or none',
    path: ['value'],
  })
  .refine((r) => r.read_at_url !== r.source_url, { message: 'read_at_url is for a place other than source_url; leave it empty', path: ['read_at_url'] })
  .refine((r) => r.verified !== 'xbrl', { message: 'xbrl is for figures equal to an SEC XBRL fact; an event is filing, mapped or secondary', path: ['verified'] })
  .refine((r) => r.value === null || r.value >= 0, { message: 'amounts are positive (losses too)', path: ['value'] })
  .refine((r) => r.kind !== 'guidance' || r.value === null || guidedYearOf(r.title) !== null, {
    message: 'a guidance event with an amount names the year it covers in its title (2025 or FY2025)',
    path: ['title'],
  });

export function readEventsCsv(path: string, displayName: string): CsvFile<RaceEventInput> {
  const file = readCsvFile(path, eventRow, displayName);
  const lineOf = new Map<string, number>();
  const rows = file.rows.map(({ line, value: r }) => {
    const id = eventId(r.date, r.kind, r.companies);
    const first = lineOf.get(id);
    if (first) throw new DataFileError(displayName, line, `duplicate event ${id} (same date, kind and first company as line ${first})`);
    lineOf.set(id, line);
    const event: RaceEventInput = {
      id,
      date: r.date,
      kind: r.kind,
      title: r.title,
      companies: r.companies,
      // Round away float noise from the scale, as facts.csv does.
      amount: r.value === null ? null : Math.round(r.value * 1e6 * 1e6) / 1e6,
      currency: r.currency || null,
      sourceUrl: r.source_url,
      readAt: r.read_at_url,
      verified: r.verified,
      note: r.note,
    };
    return { line, value: event };
  });
  return { ...file, rows };
}
