// data/corrections.csv: corrections to figures of facts.csv, in the same columns. A correction
// becomes the preferred row of its group (ticker, metric, period, basis, currency); the row it
// replaces stays, not preferred, with the correction's reason in `supersededBy`, so the old
// value remains visible as an earlier version. A correction that matches no figure is an error:
// it would otherwise add a figure nobody checks against a replaced one.
//
// The curated data merges its corrections into facts.csv itself (the correction becomes the
// preferred row there, the old row stays not preferred) and keeps them in corrections.csv, which
// is copied as is. Such a correction is already applied: it is not added twice, and the rows of
// its group with another value are the ones it replaced, so they get its reason.
import type { FactInput } from '../model/fact.js';
import type { CsvFile } from './read-csv-file.js';
import { DataFileError } from './data-file-error.js';

const groupOf = (f: FactInput) => [f.ticker, f.metric, f.periodStart, f.periodEnd, f.basis, f.unit].join('|');

export function applyCorrections(facts: CsvFile<FactInput>, corrections: CsvFile<FactInput>): CsvFile<FactInput> {
  if (corrections.rows.length === 0) return facts;
  const byGroup = new Map<string, { line: number; value: FactInput }>();
  for (const c of corrections.rows) {
    const key = groupOf(c.value);
    const first = byGroup.get(key);
    if (first) throw new DataFileError(corrections.file, c.line, `a second correction of the same figure (first at line ${first.line}); merge them into one row`);
    if (!c.value.note) throw new DataFileError(corrections.file, c.line, 'note: say what the row corrects and why (the reason stays with the replaced figure)');
    byGroup.set(key, c);
  }
  const reasonOf = (c: { line: number; value: FactInput }) => `corrected by ${corrections.file}:${c.line}: ${c.value.note}`;
  const sameFigure = (a: FactInput, b: FactInput) => a.value === b.value && a.sourceUrl === b.sourceUrl;
  // Groups whose preferred row already is the correction (merged upstream).
  const merged = new Set<string>();
  for (const { value } of facts.rows) {
    const c = byGroup.get(groupOf(value));
    if (c && value.preferred && sameFigure(value, c.value)) merged.add(groupOf(value));
  }
  const corrected = new Set<string>(merged);
  const rows = facts.rows.map(({ line, value }) => {
    const key = groupOf(value);
    const c = byGroup.get(key);
    if (!c) return { line, value };
    if (merged.has(key)) return value.preferred || value.value === c.value.value ? { line, value } : { line, value: { ...value, supersededBy: reasonOf(c) } };
    if (!value.preferred) return { line, value };
    corrected.add(key);
    return { line, value: { ...value, preferred: false, supersededBy: reasonOf(c) } };
  });
  for (const [key, c] of byGroup) {
    if (!corrected.has(key)) {
      const f = c.value;
      throw new DataFileError(corrections.file, c.line, `corrects nothing: facts.csv has no preferred row for ${f.ticker} ${f.metric} ${f.periodStart}..${f.periodEnd} ${f.basis}`);
    }
  }
  const added = corrections.rows.filter(({ value }) => !merged.has(groupOf(value))).map(({ line, value }) => ({ line, value: { ...value, preferred: true } }));
  return { ...facts, rows: [...rows, ...added] };
}
