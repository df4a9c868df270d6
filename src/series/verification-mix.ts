// How far the figures airace uses have been verified, per company: of the figures that stand for
// their period (the version the engine takes: a synced SEC fact, else the bundled preferred row),
// the share at each verification level, by the kind of document they cite, and by where they
// entered airace. `airace sources` and the methodology page report it; after `airace sync` the
// share at `xbrl` rises, because synced filings stand for their periods.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { SOURCE_KINDS, VERIFICATION_LEVELS, type SourceKind, type StoredFact, type VerificationLevel } from '../model/fact.js';
import { documentKind } from '../model/document-label.js';
import { listFacts } from '../store/facts-repository.js';
import { allCompanies } from './read-db.js';
import type { Company } from '../model/company.js';
import { usedFacts } from './fact-listing.js';

/** Document kinds, coarser than DocumentGroup: every SEC form is an SEC filing. */
export const DOCUMENT_KINDS = ['sec-filing', 'company', 'wire', 'government', 'secondary'] as const;
export type DocumentKindName = (typeof DOCUMENT_KINDS)[number];

export interface Share {
  count: number;
  /** count ÷ figures, 0..1 (0 when there are no figures). */
  share: number;
}

export interface VerificationMix {
  ticker: string;
  name: string;
  /** Figures that stand for their period. */
  figures: number;
  byLevel: Record<VerificationLevel, Share>;
  byDocument: Record<DocumentKindName, Share>;
  /** bundled: the verified data shipped with airace; sec: synced from SEC EDGAR. */
  byOrigin: Record<SourceKind, Share>;
}

export interface VerificationReport {
  companies: VerificationMix[];
  /** All companies together. */
  all: VerificationMix;
}

function documentKindOf(f: StoredFact): DocumentKindName {
  const group = documentKind({ url: f.sourceUrl, form: f.form }).group;
  return group === 'sec' || group === 'sec-report' || group === 'sec-release' || group === 'sec-other' ? 'sec-filing' : group;
}

function tally<K extends string>(keys: readonly K[], facts: readonly StoredFact[], keyOf: (f: StoredFact) => K): Record<K, Share> {
  const out = Object.fromEntries(keys.map((k) => [k, { count: 0, share: 0 }])) as Record<K, Share>;
  for (const f of facts) out[keyOf(f)].count++;
  for (const k of keys) out[k].share = facts.length ? out[k].count / facts.length : 0;
  return out;
}

function mixOf(ticker: string, name: string, facts: readonly StoredFact[]): VerificationMix {
  return {
    ticker,
    name,
    figures: facts.length,
    byLevel: tally(VERIFICATION_LEVELS, facts, (f) => f.verified),
    byDocument: tally(DOCUMENT_KINDS, facts, documentKindOf),
    byOrigin: tally(SOURCE_KINDS, facts, (f) => f.sourceKind),
  };
}

/** The mix for the companies given (every stored company and group when omitted), in that order. */
export async function verificationMix(db: Kysely<Database>, { companies: chosen }: { companies?: readonly Pick<Company, 'ticker' | 'name'>[] } = {}): Promise<VerificationReport> {
  const companies = chosen ?? (await allCompanies(db));
  const facts = await listFacts(db, { tickers: companies.map((c) => c.ticker) });
  const used = usedFacts(facts);
  const standing = facts.filter((f) => used.has(f.id));
  const byTicker = new Map<string, StoredFact[]>();
  for (const f of standing) {
    const list = byTicker.get(f.ticker);
    if (list) list.push(f);
    else byTicker.set(f.ticker, [f]);
  }
  return {
    companies: companies.filter((c) => byTicker.has(c.ticker)).map((c) => mixOf(c.ticker, c.name, byTicker.get(c.ticker)!)),
    all: mixOf('*', chosen ? 'All companies shown' : 'All companies', standing),
  };
}
