// Every source link a reader can follow on the overview, on every company page and in every
// /api/v1/series output goes to a clean https document; a figure verified xbrl, filing or mapped
// names a document of record on a host of the reviewed allow-list (src/model/document-domains.ts);
// a link to anywhere else is either labelled "read at" or is a secondary source marked so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './test-server.js';
import { DOCUMENT_DOMAINS, documentDomainOf } from '../../src/model/document-domains.js';
import { trackingParametersIn } from '../../src/model/document-url.js';
import { VERIFICATION_LEVELS } from '../../src/model/fact.js';
import { METRIC_IDS } from '../../src/series/metrics.js';
import { PERIODS } from '../../src/model/series.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What a document link's text may be: "Form 10-K, filed …", "… results release (Form 8-K …)", an allow-list wording, or a marked secondary source. */
const DOCUMENT_KIND_TEXT = [
  /^Form [0-9A-Z-]+(\/A)?(, filed \d{4}-\d{2}-\d{2})?$/,
  /^SEC EDGAR filing(, filed \d{4}-\d{2}-\d{2})?$/,
  /results release \(Form (8-K|6-K)(\/A)?(, Exhibit [\d.]+)?\)(, filed \d{4}-\d{2}-\d{2})?$/,
  /^secondary source: [a-z0-9.-]+$/,
  ...DOCUMENT_DOMAINS.map((d) => new RegExp(`^${escapeRegExp(d.document)}$`)),
];

interface Link {
  href: string;
  attributes: string;
  text: string;
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** External links of a page: <a href="http…"> with their text, and SVG bars' xlink:href. */
function externalLinks(page: string): Link[] {
  const links: Link[] = [];
  for (const m of page.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
    const attributes = m[1]!;
    const href = /\b(?:xlink:)?href="([^"]*)"/.exec(attributes)?.[1];
    if (href && /^https?:/i.test(href)) links.push({ href: decode(href), attributes, text: m[2]!.replace(/<[^>]+>/g, '').trim() });
  }
  return links;
}

/** Every object in a JSON document that cites a document: it has a `url` and a `verified`. */
function jsonRefs(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) jsonRefs(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.url === 'string' && 'verified' in o) out.push(o);
    for (const v of Object.values(o)) jsonRefs(v, out);
  }
  return out;
}

/** Every element of every `sources` array in a JSON document. */
function sourceArrays(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) sourceArrays(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sources' && Array.isArray(v)) out.push(...v);
      sourceArrays(v, out);
    }
  }
  return out;
}

function expectCleanHttps(url: string, where: string): void {
  expect(url, where).toMatch(/^https:\/\//);
  expect(trackingParametersIn(url), `${where}: ${url}`).toEqual([]);
}

/** A JSON source reference: every field, a clean document, and a document of record unless secondary. */
function expectDocumentRef(ref: Record<string, unknown>, where: string): void {
  for (const key of ['url', 'form', 'accession', 'filed', 'readAt', 'verified']) expect(ref, `${where}: ${JSON.stringify(ref)}`).toHaveProperty(key);
  expect(VERIFICATION_LEVELS, where).toContain(ref.verified);
  expectCleanHttps(ref.url as string, where);
  if (ref.readAt !== null) expectCleanHttps(ref.readAt as string, `${where} (read at)`);
  if (ref.accession !== null) expect(ref.accession, where).toMatch(/^\d{10}-\d{2}-\d{6}$/);
  if (ref.verified !== 'secondary') expect(documentDomainOf(ref.url as string), `${where}: ${ref.verified} figure cites ${ref.url}, not a document-of-record host`).not.toBeNull();
}

describe('source links', () => {
  let server: TestServer;
  let tickers: string[];
  beforeAll(async () => {
    server = await testServer();
    tickers = (await server.app.inject({ url: '/api/v1/companies' })).json().companies.map((c: { ticker: string }) => c.ticker);
  }, 120_000);
  afterAll(() => server?.close());

  /** Walks a page and its JSON twin: every external link accounted for by a reference in the twin. */
  async function walkPage(path: string, twin: string): Promise<number> {
    const page = await server.app.inject({ url: path });
    expect(page.statusCode, path).toBe(200);
    const data = (await server.app.inject({ url: twin })).json();
    const refs = jsonRefs(data);
    for (const r of refs) expectDocumentRef(r, `${twin}`);
    const documents = new Map(refs.map((r) => [r.url as string, r]));
    const readAt = new Set(refs.flatMap((r) => (r.readAt ? [r.readAt as string] : [])));
    const links = externalLinks(page.body);
    for (const link of links) {
      const where = `${path}: <a ${link.attributes.trim()}>${link.text}</a>`;
      expectCleanHttps(link.href, where);
      if (/\bclass="read-at"/.test(link.attributes)) {
        // Labelled as where the value was read, not as a document of record.
        expect(link.text, where).toMatch(/^read at /);
        expect(readAt.has(link.href), where).toBe(true);
        continue;
      }
      const ref = documents.get(link.href);
      expect(ref, `${where}: not a document any figure on the page cites`).toBeDefined();
      const verified = /\bdata-verified="([a-z]+)"/.exec(link.attributes)?.[1];
      // HTML links say their level; SVG bars link the first document of their figure.
      if (!/xlink:href/.test(link.attributes)) expect(VERIFICATION_LEVELS, where).toContain(verified);
      const level = verified ?? (ref!.verified as string);
      if (level !== 'secondary') expect(documentDomainOf(link.href), `${where}: outside the documents of record`).not.toBeNull();
      else if (/\bclass="doc"/.test(link.attributes)) expect(link.text, where).toMatch(/^secondary source: /);
      // A document link says what the document is: its form and date, a results release, or the allow-list's wording.
      if (/\bclass="doc"/.test(link.attributes)) expect(DOCUMENT_KIND_TEXT.some((k) => k.test(link.text)), `${where}: the link text does not say what the document is`).toBe(true);
    }
    // Every table row showing a figure cites a document and shows a verification mark.
    for (const row of page.body.matchAll(/<tr\b[\s\S]*?<\/tr>/g)) {
      if (!row[0].includes('data-value=')) continue;
      const text = row[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 200);
      expect(row[0], `${path}: a figure without a document: ${text}`).toMatch(/class="doc"/);
      expect(row[0], `${path}: a figure without a verification mark: ${text}`).toMatch(/class="verified verified-(xbrl|filing|mapped|secondary)"/);
    }
    return links.length;
  }

  it('on the overview: every link is a clean document of record, a labelled read-at link or a marked secondary source', async () => {
    expect(await walkPage('/', '/index.json')).toBeGreaterThan(100);
  });

  it('on every company page', async () => {
    expect(tickers.length).toBeGreaterThanOrEqual(6);
    for (const t of tickers) expect(await walkPage(`/company/${t}`, `/company/${t}.json`)).toBeGreaterThan(0);
  }, 240_000);

  it('in a check report: every claim’s sources are documents of record with every field', async () => {
    const text = 'Amazon spent $83 billion on capital expenditures in 2024. Alphabet spent $52.5 billion the same year, and the big four together more than $220 billion. Microsoft’s capex for fiscal 2025 was $64.6 billion.';
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/check', payload: { text, date: '2026-01-15' } });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const report = res.json();
    const checked = report.claims.filter((c: { actual: unknown }) => c.actual !== null);
    expect(checked.length).toBeGreaterThanOrEqual(3);
    const sources = sourceArrays(report);
    expect(sources.length).toBeGreaterThanOrEqual(checked.length);
    for (const s of sources) expectDocumentRef(s as Record<string, unknown>, 'POST /api/v1/check');
  });

  it('in every /api/v1/series output: each source reference has url, form, accession, filed, readAt and verified', async () => {
    let seen = 0;
    for (const metric of METRIC_IDS) {
      for (const period of PERIODS) {
        const res = await server.app.inject({ url: `/api/v1/series?metric=${metric}&companies=${tickers.join(',')}&period=${period}` });
        expect(res.statusCode, `${metric} ${period}: ${res.body.slice(0, 200)}`).toBe(200);
        const body = res.json();
        expect(Object.keys(body.dataAsOf).sort()).toEqual(['newestDocumentDate', 'newestPeriodEnd']);
        const sources = sourceArrays(body);
        for (const s of sources) expectDocumentRef(s as Record<string, unknown>, `/api/v1/series ${metric} ${period}`);
        seen += sources.length;
      }
    }
    expect(seen).toBeGreaterThan(1000);
  }, 240_000);
});
