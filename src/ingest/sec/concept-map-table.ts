// The concept map as a Markdown table, for docs/sync.md (a test checks the doc carries exactly
// this table, so the documentation cannot drift from the code).
import { CONCEPT_MAP, qualifiedName, type ConceptRef } from './concept-map.js';

const code = (cs: readonly ConceptRef[]) => cs.map((c) => `\`${qualifiedName(c)}\``).join(', ');

export function conceptMapTable(): string {
  const rows = CONCEPT_MAP.map((m) => {
    const concepts = m.concepts.length ? code(m.concepts) : '— (not in companyfacts)';
    const overrides = m.overrides.map((o) => `${o.ticker} (CIK ${o.cik}): ${code(o.concepts)}`).join('; ');
    return `| \`${m.metric}\` | ${m.statement} | ${concepts} | ${overrides} |`;
  });
  return ['| metric | statement | concepts, in fallback order | per-company override |', '|---|---|---|---|', ...rows].join('\n');
}
