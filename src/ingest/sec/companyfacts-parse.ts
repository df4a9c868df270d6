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

const optionalText = (v: unknown) => v === undefined || v === null || typeof v === 'string';

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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A record zod would copy unchanged: every value passes `valueOk`, and no `__proto__` key (zod drops it). */
function plainRecord(v: unknown, valueOk: (x: unknown) => boolean): v is Record<string, unknown> {
  if (!isRecord(v)) return false;
  for (const k in v) if (k === '__proto__' || !valueOk(v[k])) return false;
  return true;
}

/**
 * What `envelope` accepts, told apart in plain code without copying the document (zod rebuilds
 * every record it checks: a quarter of the time JSON.parse takes, on a bulk ingest). Accepts only
 * what `envelope` accepts, with the same result; anything else goes to zod, which accepts it or
 * names what is wrong.
 */
function plainEnvelope(raw: unknown): CompanyFactsDoc | null {
  if (!isRecord(raw)) return null;
  const { cik, entityName, facts } = raw;
  const cikOk = (typeof cik === 'number' && Number.isSafeInteger(cik) && cik > 0) || (typeof cik === 'string' && /^\d+$/.test(cik));
  if (!cikOk || typeof entityName !== 'string') return null;
  if (facts !== undefined && facts !== null && !plainRecord(facts, (t) => plainRecord(t, () => true))) return null;
  return { cik: Number(cik), entityName, facts: (facts ?? {}) as CompanyFactsDoc['facts'] };
}

export function parseCompanyFacts(body: Buffer | string, source: string): CompanyFactsDoc {
  const json = parseJsonBody(body, source);
  const plain = plainEnvelope(json);
  if (plain) return plain;
  const r = envelope.safeParse(json);
  if (!r.success) throw shapeError(source, 'companyfacts document', r.error.issues);
  return { cik: r.data.cik, entityName: r.data.entityName, facts: (r.data.facts ?? {}) as CompanyFactsDoc['facts'] };
}

/** A concept's units, validated; null when the concept is absent. */
export function conceptOf(doc: CompanyFactsDoc, taxonomy: string, name: string, source: string): RawConcept | null {
  const raw = doc.facts[taxonomy]?.[name];
  if (raw === undefined) return null;
  // As above: most concepts are well formed, and zod would copy every fact list to check it.
  if (isRecord(raw) && optionalText(raw.label) && optionalText(raw.description) && plainRecord(raw.units, Array.isArray)) {
    return { ...(raw.label !== undefined ? { label: raw.label } : {}), ...(raw.description !== undefined ? { description: raw.description } : {}), units: raw.units as RawConcept['units'] };
  }
  const r = concept.safeParse(raw);
  if (!r.success) throw shapeError(source, `${taxonomy}:${name} concept`, r.error.issues);
  return r.data;
}
