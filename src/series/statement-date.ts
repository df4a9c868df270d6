// When a guidance figure was stated. The bundled data keeps it in the fact's note
// ("Alphabet CFO on Q2 2025 call (2025-07-23)"), next to dates that are not statement dates:
// when an article or post was published ("post dated 2026-01-30"). Those are skipped as statement
// dates, but they bound one: a figure published on a day was stated on or before it. Some notes
// give only a month ("late Oct 2025", "July 2025"); that counts as the month's last day, so it is
// "before" an article only from the next month on.

const PUBLICATION_DATE = /\b(?:(?:post|article|page)\s+)?dated\s+(\d{4}-\d{2}-\d{2})/gi;
const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_YEAR = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+(20\d{2})\b/i;

/** The first ISO date in a note that is not a publication date, or null. */
export function statementDateOf(note: string | null): string | null {
  if (!note) return null;
  return ISO_DATE.exec(note.replace(PUBLICATION_DATE, ''))?.[1] ?? null;
}

/** The last day of the month a note names ("late Oct 2025" → 2025-10-31), for notes with no statement date. */
export function statementMonthOf(note: string | null): string | null {
  if (!note || /\bundated\b/i.test(note) || statementDateOf(note)) return null;
  const m = MONTH_YEAR.exec(note.replace(PUBLICATION_DATE, ''));
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  return new Date(Date.UTC(Number(m[2]), month, 0)).toISOString().slice(0, 10);
}

/** When the article or post that reported a figure was published ("article dated 2025-02-07"), or null. */
export function publicationDateOf(note: string | null): string | null {
  if (!note) return null;
  const m = new RegExp(PUBLICATION_DATE.source, 'i').exec(note);
  return m ? m[1]! : null;
}
