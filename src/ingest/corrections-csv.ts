// data/corrections.csv: corrections to figures of facts.csv, in the same columns. A correction
// becomes the preferred row of its group (ticker, metric, period, basis, currency); the row it
// replaces stays, not preferred, with the correction's reason in `supersededBy`, so the old
// value remains visible as an earlier version. A correction that matches no figure is an error:
// it would otherwise add a figure nobody checks against a replaced one.
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
  const corrected = new Set<string>();
  const rows = facts.rows.map(({ line, value }) => {
    const c = byGroup.get(groupOf(value));
    if (!c || !value.preferred) return { line, value };
    corrected.add(groupOf(value));
    const reason = `corrected by ${corrections.file}:${c.line}: ${c.value.note}`;
    return { line, value: { ...value, preferred: false, supersededBy: reason } };
  });
  for (const [key, c] of byGroup) {
    if (!corrected.has(key)) {
      const f = c.value;
      throw new DataFileError(corrections.file, c.line, `corrects nothing: facts.csv has no preferred row for ${f.ticker} ${f.metric} ${f.periodStart}..${f.periodEnd} ${f.basis}`);
    }
  }
  const added = corrections.rows.map(({ line, value }) => ({ line, value: { ...value, preferred: true } }));
  return { ...facts, rows: [...rows, ...added] };
}
