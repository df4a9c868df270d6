// How a figure cites its documents on a page: a link to each document of record that says what
// the document is ("Form 10-K, filed 2025-02-07"), a "read at" link where the value was read
// elsewhere, a verification mark that links to its explanation, and the figure's caveats. Every
// page uses these, so a reader (and the link-walking test) finds the same shape everywhere:
// document links carry data-verified, read-at links carry the class read-at and say "read at".
import type { DocumentRef, VerificationLevel } from '../../model/fact.js';
import { documentLabel, readAtLabel, uniqueDocuments, VERIFICATION_MARKS, weakestVerification } from '../../model/document-label.js';
import type { Caveat } from '../../series/caveats.js';
import { html, safeUrl, type SafeHtml } from '../html.js';

/** Ticker → company name, so an SEC release reads "Meta results release"; a missing name leaves the ticker. */
export type CompanyNames = ReadonlyMap<string, string>;

export const NO_NAMES: CompanyNames = new Map();

export function companyNames(companies: readonly { ticker: string; name: string }[]): CompanyNames {
  return new Map(companies.map((c) => [c.ticker, c.name]));
}

/** The short mark for a verification level, linked to the methodology page's explanation (`linked: false` inside a summary, which must not hold a link). */
export function verificationMark(level: VerificationLevel, prefix = '', { linked = true }: { linked?: boolean } = {}): SafeHtml {
  const { mark, meaning } = VERIFICATION_MARKS[level];
  return linked
    ? html`<a class="verified verified-${level}" href="/methodology#verified-${level}" title="${meaning}">${prefix}${mark}</a>`
    : html`<span class="verified verified-${level}" title="${meaning}">${prefix}${mark}</span>`;
}

/** "read at stockanalysis.com", linked; nothing when the value was read in the document itself. */
export function readAtLink(ref: Pick<DocumentRef, 'readAt'>): SafeHtml {
  const href = safeUrl(ref.readAt);
  const label = readAtLabel(ref);
  if (!label) return html``;
  return href ? html`<a class="read-at" href="${href}" rel="nofollow" title="Where the value was read: not the document of record">${label}</a>` : html`<span class="read-at">${label}</span>`;
}

/** One document: its kind and date as the link text, the read-at link, and the verification mark. */
export function documentCitation(ref: DocumentRef, owner: string | null = null): SafeHtml {
  const href = safeUrl(ref.url);
  const label = documentLabel(ref, owner);
  const doc = href ? html`<a class="doc" href="${href}" data-verified="${ref.verified}">${label}</a>` : html`<span class="doc">${label}</span>`;
  const readAt = readAtLink(ref);
  return html`<span class="citation">${doc}${ref.readAt ? html` · ${readAt}` : ''} ${verificationMark(ref.verified)}</span>`;
}

const ownerOf = (names: CompanyNames, ref: DocumentRef & { ticker?: string }) => (ref.ticker ? (names.get(ref.ticker) ?? ref.ticker) : null);

/**
 * The documents behind a figure: one inline, several as a list that names whose each is (a big-four
 * total cites all four companies' filings; a derived quarter the year-to-date filings it came from).
 */
export function citations(refs: readonly (DocumentRef & { ticker?: string })[], names: CompanyNames = NO_NAMES): SafeHtml {
  const docs = uniqueDocuments(refs);
  if (docs.length === 0) return html``;
  if (docs.length === 1) return html`<span class="sources">${documentCitation(docs[0]!, ownerOf(names, docs[0]!))}</span>`;
  const weakest = weakestVerification(docs)!;
  const several = new Set(docs.map((d) => d.ticker)).size > 1;
  return html`<details class="sources"><summary>${docs.length} documents ${verificationMark(weakest, 'weakest: ', { linked: false })}</summary><ul>${docs.map(
    (d) => html`<li>${several && d.ticker ? html`${ownerOf(names, d)}: ` : ''}${documentCitation(d, ownerOf(names, d))}</li>`,
  )}</ul></details>`;
}

/** Caveats beside a figure: short words, the reason on hover. */
export function caveatMarks(caveats: readonly Caveat[]): SafeHtml {
  if (!caveats.length) return html``;
  return html`<span class="caveats">${caveats.map((c) => html`<span class="caveat caveat-${c.kind}" title="${c.detail}">${c.text}</span>`)}</span>`;
}
