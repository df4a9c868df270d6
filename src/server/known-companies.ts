// The companies a query needs to be parsed and validated. Reading every company costs tens of
// milliseconds once a bulk sync has stored thousands, so exact tickers are looked up directly
// and the whole list is read only to resolve a name or alias, or to list the choices in an error.
import type { Company } from '../model/company.js';
import { allCompanies, type ReadDb } from '../series/read-db.js';
import { lookupCompanies } from '../series/company-lookup.js';
import { DEFAULTS } from './query-parameters.js';
import { parseList } from '../model/list-input.js';
import type { RawQuery } from './series-query.js';

export async function knownCompaniesFor(db: ReadDb, q: RawQuery, parameter = 'companies'): Promise<Company[]> {
  const v = q[parameter];
  const names: string[] = v === undefined || v === null ? [...DEFAULTS.companies] : parseList(v);
  if (names.length === 0) return allCompanies(db);
  try {
    return (await lookupCompanies(db, names)).known;
  } catch {
    // An unknown name: the parser reports it with every valid choice.
    return allCompanies(db);
  }
}
