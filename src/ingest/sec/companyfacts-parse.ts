// Parses a companyfacts document (the API's JSON or one entry of the nightly companyfacts.zip;
// both paths call this). Only the envelope is validated here: a big filer has hundreds of
// thousands of facts and airace reads only the mapped concepts, which are checked one by one
// in map-company-facts.ts.
import { z } from 'zod';
import { parseJsonBody, shapeError } from './json-body.js';

export interface RawConcept {
  label?: string | null;
  description?: string | null;
  /** Unit key (USD, CNY, shares, USD/shares, pure) → facts. */
  units: Record<string, unknown[]>;
}

export interface CompanyFactsDoc {
  cik: number;
  entityName: string;
  /** Taxonomy (us-gaap, ifrs-full, dei, srt) → concept name → concept. */
  facts: Record<string, Record<string, RawConcept>>;
}

const concept = z.object({
  label: z.string().nullish(),
  description: z.string().nullish(),
  units: z.record(z.string(), z.array(z.unknown())),
});

const envelope = z.object({
  cik: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]),
  entityName: z.string(),
  // Filers without XBRL financial data come with no facts at all.
  facts: z.record(z.string(), z.record(z.string(), z.unknown())).nullish(),
});

export function parseCompanyFacts(body: Buffer | string, source: string): CompanyFactsDoc {
  const r = envelope.safeParse(parseJsonBody(body, source));
  if (!r.success) throw shapeError(source, 'companyfacts document', r.error.issues);
  return { cik: r.data.cik, entityName: r.data.entityName, facts: (r.data.facts ?? {}) as CompanyFactsDoc['facts'] };
}

/** A concept's units, validated; null when the concept is absent. */
export function conceptOf(doc: CompanyFactsDoc, taxonomy: string, name: string, source: string): RawConcept | null {
  const raw = doc.facts[taxonomy]?.[name];
  if (raw === undefined) return null;
  const r = concept.safeParse(raw);
  if (!r.success) throw shapeError(source, `${taxonomy}:${name} concept`, r.error.issues);
  return r.data;
}
