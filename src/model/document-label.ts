// What a document of record is, in words: the one home for "Form 10-K, filed 2025-02-07",
// "Alibaba results release (Form 6-K), filed 2025-02-20", "Microsoft investor relations" and
// "secondary source: platformonomics.com". Link text, tooltips, chart source lines and CSV columns
// all say it this way. Also the one home for what each verification level means.
import type { DocumentRef, VerificationLevel } from './fact.js';
import { documentDomainOf, type DocumentDomainKind } from './document-domains.js';
import { hostOf } from './document-url.js';

/** Forms a company files on a schedule (annual and quarterly reports), as opposed to releases. */
const PERIODIC_FORM = /^(10-K|10-Q|20-F|40-F|10-KT|10-QT)(\/A)?$/;
/** Forms that furnish a press release (the exhibit holds the release). */
const RELEASE_FORM = /^(8-K|6-K)(\/A)?$/;

export type DocumentGroup = 'sec-report' | 'sec-release' | 'sec-other' | DocumentDomainKind | 'secondary';

export interface DocumentKind {
  group: DocumentGroup;
  /** The SEC form without its exhibit (10-K, 8-K), when there is one. */
  form: string | null;
  /** The exhibit the figure is in ("99.1"), when the form names one. */
  exhibit: string | null;
  /** Whose document it is, when the host or the caller says. */
  owner: string | null;
  /** The host, without www. */
  host: string;
  /** The allow-list's wording for the host (company, wire and government documents). */
  document: string | null;
}

/** Splits "8-K Ex.99.1" into the form and the exhibit. */
function splitForm(form: string | null): { form: string | null; exhibit: string | null } {
  if (!form) return { form: null, exhibit: null };
  const m = /^(\S+)(?:\s+Ex\.?\s*([\d.]+))?$/.exec(form.trim());
  return m ? { form: m[1]!, exhibit: m[2] ?? null } : { form, exhibit: null };
}

/**
 * Classifies a document by its form and host. `owner` is the company whose figure it is (SEC
 * URLs do not say whose filing they hold in words).
 */
export function documentKind(ref: Pick<DocumentRef, 'url' | 'form'>, owner: string | null = null): DocumentKind {
  const { form, exhibit } = splitForm(ref.form);
  const domain = documentDomainOf(ref.url);
  const host = hostOf(ref.url);
  if (domain?.kind === 'sec') {
    const group: DocumentGroup = form && PERIODIC_FORM.test(form) ? 'sec-report' : form && RELEASE_FORM.test(form) ? 'sec-release' : 'sec-other';
    return { group, form, exhibit, owner, host, document: null };
  }
  if (domain) return { group: domain.kind, form, exhibit, owner: domain.owner ?? owner, host, document: domain.document };
  return { group: 'secondary', form, exhibit, owner, host, document: null };
}

const filedText = (ref: Pick<DocumentRef, 'filed'>) => (ref.filed ? `, filed ${ref.filed}` : '');

/** "Form 10-K, filed 2025-02-07"; "Meta results release (Form 8-K, Exhibit 99.1), filed 2025-01-29"; "secondary source: stocktitan.net". */
export function documentLabel(ref: Pick<DocumentRef, 'url' | 'form' | 'filed'>, owner: string | null = null): string {
  const k = documentKind(ref, owner);
  switch (k.group) {
    case 'sec-report':
      return `Form ${k.form}${filedText(ref)}`;
    case 'sec-release':
      return `${k.owner ? `${k.owner} results release` : 'Results release'} (Form ${k.form}${k.exhibit ? `, Exhibit ${k.exhibit}` : ''})${filedText(ref)}`;
    case 'sec-other':
      return k.form ? `Form ${k.form}${filedText(ref)}` : `SEC EDGAR filing${filedText(ref)}`;
    case 'secondary':
      return `secondary source: ${k.host}`;
    default:
      return k.document ?? k.host;
  }
}

/** "read at stockanalysis.com", or null when the value was read in the document of record. */
export function readAtLabel(ref: Pick<DocumentRef, 'readAt'>): string | null {
  return ref.readAt ? `read at ${hostOf(ref.readAt)}` : null;
}

/** The short mark shown beside a figure, and what it means (the methodology page lists them all). */
export const VERIFICATION_MARKS: Record<VerificationLevel, { mark: string; meaning: string }> = {
  xbrl: { mark: 'XBRL', meaning: 'Equals SEC’s XBRL fact for exactly this period, from the filing linked.' },
  filing: { mark: 'filing', meaning: 'Read in the document of record itself (the filing, the company’s release or an official wire release).' },
  mapped: { mark: 'mapped', meaning: 'The document of record is identified and linked, but the value was read elsewhere (see “read at”) and not yet checked in the document itself.' },
  secondary: { mark: 'secondary', meaning: 'No primary document has been identified: the link is the best source found, not the company’s own document.' },
};

/** Strongest first, as VERIFICATION_LEVELS: the weakest level among several sources is the one a combined figure can claim. */
const RANK: Record<VerificationLevel, number> = { xbrl: 0, filing: 1, mapped: 2, secondary: 3 };

export function weakestVerification(refs: readonly Pick<DocumentRef, 'verified'>[]): VerificationLevel | null {
  let weakest: VerificationLevel | null = null;
  for (const r of refs) if (weakest === null || RANK[r.verified] > RANK[weakest]) weakest = r.verified;
  return weakest;
}

/** Each document once, in first-cited order (a derived year cites the same 10-K for two quarters). */
export function uniqueDocuments<T extends Pick<DocumentRef, 'url'>>(refs: readonly T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.url) && (seen.add(r.url), true));
}
