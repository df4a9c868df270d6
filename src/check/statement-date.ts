// When a guidance figure was stated. The bundled facts give it in the note ("article dated
// 2025-02-07", "stated 2025-04-30", "late Oct 2025", "~Aug 2025"); a month without a day is taken
// as its last day, so it only counts as "before" an article from a later month.
import type { StoredFact } from '../model/fact.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface StatementDate {
  date: string;
  /** True when only the month is known. */
  approximate: boolean;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

export function statementDateOf(fact: StoredFact): StatementDate | null {
  const note = fact.note ?? '';
  if (/\bundated\b/i.test(note)) return null;
  const iso = /\b(20\d{2}-\d{2}-\d{2})\b/.exec(note);
  if (iso) return { date: iso[1]!, approximate: false };
  const month = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(20\d{2})\b/i.exec(note);
  if (month) {
    const m = MONTHS.indexOf(month[1]!.slice(0, 3).toLowerCase()) + 1;
    return { date: lastDay(Number(month[2]), m), approximate: true };
  }
  return fact.filed ? { date: fact.filed, approximate: false } : null;
}
