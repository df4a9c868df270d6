// The line under a chart that says where its figures come from, built from the documents the
// plotted points cite, never a fixed sentence: "Sources: Form 10-K and 10-Q filings, SEC EDGAR;
// Alibaba results releases (Form 6-K); secondary sources: platformonomics.com." followed by how
// the values were verified. The one home for it: every chart type and the plan-vs-actual figure
// build their footer here.
import type { DocumentRef, VerificationLevel } from '../model/fact.js';
import type { SeriesResult } from '../model/series.js';
import { VERIFICATION_LEVELS } from '../model/fact.js';
import { documentKind, VERIFICATION_MARKS, weakestVerification } from '../model/document-label.js';
import { wrapText } from './wrap-text.js';

/** A document a plotted value cites, and whose it is (the company the value is about). */
export interface CitedDocument {
  ref: Pick<DocumentRef, 'url' | 'form' | 'verified'>;
  owner: string | null;
}

/** "a", "a and b", "a, b and c". */
function and(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const MAX_HOSTS = 3;

/** "Sources: Form 10-K and 10-Q filings, SEC EDGAR; Meta results releases (Form 8-K, Exhibit 99.1)." */
export function sourcesSentence(docs: readonly CitedDocument[]): string {
  const reports = new Set<string>();
  const releases = new Map<string, Set<string>>();
  let otherSec = false;
  const named = new Set<string>();
  const secondary = new Set<string>();
  for (const { ref, owner } of docs) {
    const k = documentKind(ref, owner);
    if (k.group === 'sec-report') reports.add(k.form!);
    else if (k.group === 'sec-release') {
      const form = `Form ${k.form}${k.exhibit ? `, Exhibit ${k.exhibit}` : ''}`;
      const owners = releases.get(form) ?? new Set<string>();
      if (k.owner) owners.add(k.owner);
      releases.set(form, owners);
    } else if (k.group === 'sec-other') otherSec = true;
    else if (k.group === 'secondary') secondary.add(k.host);
    else named.add(k.document ?? k.host);
  }
  const phrases: string[] = [];
  if (reports.size) phrases.push(`Form ${and([...reports].sort())} filings, SEC EDGAR`);
  for (const [form, owners] of [...releases].sort(([a], [b]) => a.localeCompare(b))) {
    phrases.push(`${owners.size ? `${and([...owners].sort())} results releases` : 'results releases'} (${form})`);
  }
  if (otherSec) phrases.push(reports.size || releases.size ? 'other SEC EDGAR filings' : 'SEC EDGAR filings');
  phrases.push(...[...named].sort());
  if (secondary.size) {
    const hosts = [...secondary].sort();
    const shown = hosts.slice(0, MAX_HOSTS).join(', ');
    phrases.push(`secondary sources: ${shown}${hosts.length > MAX_HOSTS ? ` and ${hosts.length - MAX_HOSTS} more` : ''}`);
  }
  if (!phrases.length) return 'Sources: none (no values plotted).';
  return `${phrases.length === 1 && docs.length === 1 ? 'Source' : 'Sources'}: ${phrases.join('; ')}.`;
}

/** "Verified: 4 XBRL, 10 mapped (document named, value read at a copy), 2 secondary." — one level per plotted value, its weakest source's. */
export function verificationSentence(levels: readonly VerificationLevel[]): string {
  if (!levels.length) return '';
  const counts = VERIFICATION_LEVELS.map((l) => [l, levels.filter((x) => x === l).length] as const).filter(([, n]) => n > 0);
  const words = counts.map(([l, n]) => `${n} ${VERIFICATION_MARKS[l].mark}${l === 'mapped' ? ' (document named, value read at a copy)' : ''}`);
  return `Values verified: ${words.join(', ')}.`;
}

/** The documents and verification levels behind a series result's plotted values. */
export function seriesCitations(result: SeriesResult): { docs: CitedDocument[]; levels: VerificationLevel[] } {
  const names = new Map(result.series.map((s) => [s.ticker, s.name]));
  const docs: CitedDocument[] = [];
  const levels: VerificationLevel[] = [];
  for (const s of result.series) {
    for (const p of s.points) {
      if (p.value === null) continue;
      for (const ref of p.sources) docs.push({ ref, owner: names.get(ref.ticker) ?? (ref.ticker === s.ticker ? s.name : ref.ticker) });
      const weakest = weakestVerification(p.sources);
      if (weakest) levels.push(weakest);
    }
  }
  return { docs, levels };
}

/** Where the plotted figures come from, then how they were verified: one sentence per line. */
export function sourceLineOf({ docs, levels }: { docs: readonly CitedDocument[]; levels: readonly VerificationLevel[] }): string {
  return [sourcesSentence(docs), verificationSentence(levels)].filter(Boolean).join('\n');
}

/** The source line of a series chart. */
export function seriesSourceLine(result: SeriesResult): string {
  return sourceLineOf(seriesCitations(result));
}

/** A source line (lines split at newlines) wrapped to `width`, then the data-as-of line: the footer every chart prints. */
export function footerLines(sourceLine: string, dataAsOf: string, width: number, fontSize: number): string[] {
  return [...sourceLine.split('\n'), dataAsOf].flatMap((line) => wrapText(line, width, fontSize));
}
