// Groups guidance facts into statements: what was guided, when, and from which sources.
// A statement may be one figure ("over $320 billion") or a range given as a low and a high end
// (Alphabet's capex_guidance_low/_high, Meta's "low end"/"high end" rows).
import type { StoredFact } from '../model/fact.js';
import { statementDateOf } from './statement-date.js';

export interface GuidanceStatement {
  date: string | null;
  approximate: boolean;
  low: number;
  high: number;
  /** "exceed", "over", "north of", "lower bound" in the note: the figure is a floor. */
  lowerBound: boolean;
  unit: string;
  facts: StoredFact[];
  preferred: boolean;
}

const side = (f: StoredFact): 'low' | 'high' | 'point' =>
  /_low$/.test(f.metric) || /^low end\b/i.test(f.note ?? '') ? 'low' : /_high$/.test(f.metric) || /^high end\b/i.test(f.note ?? '') ? 'high' : 'point';

export function guidanceStatements(facts: StoredFact[]): GuidanceStatement[] {
  const groups = new Map<string, StoredFact[]>();
  for (const f of facts) {
    const d = statementDateOf(f);
    const key = d ? d.date : `undated:${f.sourceUrl}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  // A month-only date folds into an exact date of the same month (one statement, two reports of it).
  for (const [key, list] of [...groups]) {
    const d = statementDateOf(list[0]!);
    if (!d?.approximate) continue;
    const exact = [...groups.keys()].find((k) => k !== key && !k.startsWith('undated') && k.slice(0, 7) === key.slice(0, 7) && !statementDateOf(groups.get(k)![0]!)!.approximate);
    if (exact) {
      groups.set(exact, [...groups.get(exact)!, ...list]);
      groups.delete(key);
    }
  }
  const out: GuidanceStatement[] = [];
  for (const [key, list] of groups) {
    const d = key.startsWith('undated') ? null : statementDateOf(list[0]!);
    const lows = list.filter((f) => side(f) !== 'high').map((f) => f.value);
    const highs = list.filter((f) => side(f) !== 'low').map((f) => f.value);
    const all = list.map((f) => f.value);
    out.push({
      date: key.startsWith('undated') ? null : key,
      approximate: d?.approximate ?? false,
      low: Math.min(...(lows.length ? lows : all)),
      high: Math.max(...(highs.length ? highs : all)),
      lowerBound: list.some((f) => /\b(?:exceed|over|north of|lower bound|more than|at least)\b/i.test(f.note ?? '')) && list.every((f) => side(f) === 'point'),
      unit: list[0]!.unit,
      facts: list,
      preferred: list.some((f) => f.preferred),
    });
  }
  return out.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
}

/**
 * The guidance in force at `date`: the latest statement made before it. Without a date, the
 * statement holding the preferred fact. Undated statements are used only when nothing else is.
 */
export function guidanceAt(statements: GuidanceStatement[], date: string | null): { statement: GuidanceStatement; note: string } | null {
  const dated = statements.filter((s) => s.date !== null);
  const when = (s: GuidanceStatement) => (s.date === null ? 'undated' : s.approximate ? `stated in ${s.date.slice(0, 7)}` : `stated on ${s.date}`);
  if (date) {
    const before = dated.filter((s) => s.date! < date);
    const pick = before[before.length - 1];
    if (pick) return { statement: pick, note: `the guidance in force on the article date (${date}), ${when(pick)}` };
    const first = dated[0] ?? statements[0];
    return first ? { statement: first, note: `the earliest guidance on record (none before the article date ${date}), ${when(first)}` } : null;
  }
  const preferred = statements.find((s) => s.preferred) ?? dated[0] ?? statements[0];
  if (!preferred) return null;
  return { statement: preferred, note: `the main guidance on record, ${when(preferred)} (article date unknown)` };
}
