// The reviewed allow-list of document-of-record domains: where a filing, a company's own release
// or announcement, an official wire release or a government document lives. A figure verified
// `xbrl`, `filing` or `mapped` must name a document on one of these hosts (a test walks every
// source link of the dashboard and the API against this list); anything else is a secondary
// source and is labelled so. Add a host only after checking that the company (or the agency)
// itself publishes there, and say so in `why`.
//
// A host matches itself and its subdomains; the most specific entry wins.

export const DOCUMENT_DOMAIN_KINDS = ['sec', 'company', 'wire', 'government'] as const;
export type DocumentDomainKind = (typeof DOCUMENT_DOMAIN_KINDS)[number];

export interface DocumentDomain {
  host: string;
  kind: DocumentDomainKind;
  /** Whose documents these are: the company or agency (null for SEC EDGAR and wires, which carry many issuers). */
  owner: string | null;
  /** How a link to one of its documents is labelled when no SEC form says more. */
  document: string;
  /** Why the host is on the list. */
  why: string;
}

export const DOCUMENT_DOMAINS: readonly DocumentDomain[] = [
  { host: 'sec.gov', kind: 'sec', owner: null, document: 'SEC filing', why: 'SEC EDGAR: filings as filed (www.sec.gov/Archives), the source of record for US filers and foreign private issuers' },
  { host: 'businesswire.com', kind: 'wire', owner: null, document: 'Business Wire release', why: 'official wire: Alibaba publishes its results releases through Business Wire' },
  { host: 'prnewswire.com', kind: 'wire', owner: null, document: 'PR Newswire release', why: 'official wire: Meta publishes its results releases through PR Newswire' },
  { host: 'microsoft.com', kind: 'company', owner: 'Microsoft', document: 'Microsoft investor relations', why: 'Microsoft’s own site: investor relations pages and annual reports (www.microsoft.com/investor)' },
  { host: 'blogs.microsoft.com', kind: 'company', owner: 'Microsoft', document: 'Microsoft blog post', why: 'Microsoft’s official blog (On the Issues, the Official Microsoft Blog)' },
  { host: 'aboutamazon.com', kind: 'company', owner: 'Amazon', document: 'Amazon investor relations', why: 'Amazon’s investor relations site (ir.aboutamazon.com)' },
  { host: 'abc.xyz', kind: 'company', owner: 'Alphabet', document: 'Alphabet investor relations', why: 'Alphabet’s own site, including investor relations (abc.xyz/investor)' },
  { host: 'blog.google', kind: 'company', owner: 'Google', document: 'Google blog post', why: 'Google’s official blog' },
  { host: 'meta.com', kind: 'company', owner: 'Meta', document: 'Meta announcement', why: 'Meta’s own sites (ai.meta.com, investor.atmeta.com is listed separately)' },
  { host: 'atmeta.com', kind: 'company', owner: 'Meta', document: 'Meta investor relations', why: 'Meta’s investor relations site (investor.atmeta.com)' },
  { host: 'alibabagroup.com', kind: 'company', owner: 'Alibaba', document: 'Alibaba Group announcement', why: 'Alibaba Group’s own site: results releases and announcements' },
  { host: 'qwenlm.github.io', kind: 'company', owner: 'Alibaba', document: 'Qwen team blog post', why: 'the Qwen team’s official blog (Alibaba Cloud’s model family)' },
  { host: 'openai.com', kind: 'company', owner: 'OpenAI', document: 'OpenAI announcement', why: 'OpenAI’s own site' },
  { host: 'api-docs.deepseek.com', kind: 'company', owner: 'DeepSeek', document: 'DeepSeek announcement', why: 'DeepSeek’s official API documentation and news page' },
  { host: 'federalregister.gov', kind: 'government', owner: 'US government', document: 'Federal Register', why: 'the official journal of the US federal government: rules as published' },
];

/** The allow-list entry for a URL's host, or null when the host is not a document-of-record domain. */
export function documentDomainOf(url: string): DocumentDomain | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  let best: DocumentDomain | null = null;
  for (const d of DOCUMENT_DOMAINS) {
    if ((host === d.host || host.endsWith(`.${d.host}`)) && (!best || d.host.length > best.host.length)) best = d;
  }
  return best;
}
