// One entry of SEC's companyfacts.zip, from its name and bytes to mapped facts, with nothing
// shared or stored: a pure function, so it can run wherever the entries are read (one after
// another today, on worker threads tomorrow). A malformed entry (an unsafe name, JSON that
// does not parse, a fact with an impossible date or a form that is not a form) throws a
// SecError naming the entry, and fails alone.
import yauzl from 'yauzl';
import type { Entry } from 'yauzl';
import { parseCompanyFacts, type CompanyFactsDoc } from './companyfacts-parse.js';
import { mapCompanyFacts, type MappedFacts } from './map-company-facts.js';
import { SecError } from './sec-error.js';

const ENTRY_NAME = /(?:^|\/)CIK(\d{10})\.json$/;

/** The entry's name as the archive spells it (UTF-8 or CP437 by its flag), decoded without judging it. */
export function entryNameOf(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

export type EntryKind = { kind: 'other' } | { kind: 'companyfacts'; cik: number };

/** What an entry name says: a companyfacts document (and whose), or something else to skip. Unsafe names throw. */
export function classifyEntry(name: string, source: string): EntryKind {
  const unsafe = yauzl.validateFileName(name);
  if (unsafe) throw new SecError('malformed', `${source}: unsafe entry name (${unsafe})`, source);
  const m = ENTRY_NAME.exec(name);
  return m ? { kind: 'companyfacts', cik: Number(m[1]) } : { kind: 'other' };
}

export interface DecodedEntry {
  doc: Pick<CompanyFactsDoc, 'cik' | 'entityName'>;
  mapped: MappedFacts;
}

/** Parses and maps one companyfacts entry for the company `ticker` (its currency when the store decides it). */
export function decodeCompanyFactsEntry(bytes: Buffer, ctx: { cik: number; ticker: string; currency: string | null; source: string }): DecodedEntry {
  const doc = parseCompanyFacts(bytes, ctx.source);
  if (doc.cik !== ctx.cik) throw new SecError('malformed', `${ctx.source} describes CIK ${doc.cik}, not ${ctx.cik}`, ctx.source);
  const mapped = mapCompanyFacts(doc, { ticker: ctx.ticker, cik: ctx.cik, currency: ctx.currency, source: ctx.source });
  return { doc: { cik: doc.cik, entityName: doc.entityName }, mapped };
}
