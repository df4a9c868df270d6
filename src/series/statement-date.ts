// When a guidance figure was stated. The bundled data keeps it in the fact's note
// ("Alphabet CFO on Q2 2025 call (2025-07-23)"), next to dates that are not statement dates:
// when an article or post was published ("post dated 2026-01-30"). Those are skipped.

const PUBLICATION_DATE = /\b(?:(?:post|article|page)\s+)?dated\s+\d{4}-\d{2}-\d{2}/gi;
const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** The first ISO date in a note that is not a publication date, or null. */
export function statementDateOf(note: string | null): string | null {
  if (!note) return null;
  return ISO_DATE.exec(note.replace(PUBLICATION_DATE, ''))?.[1] ?? null;
}
