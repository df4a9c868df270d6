// Facts of one company and metric with the version the engine would use for each period marked.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { StoredFact } from '../model/fact.js';
import { listFacts } from '../store/facts-repository.js';
import { companyDirectory } from './company-directory.js';
import { EmptyRangeError } from '../model/errors.js';
import { rankVersions, type VersionPolicy } from './fact-index.js';
import { monthIndexOf, monthsBetween } from './months.js';

export interface FactListing {
  ticker: string;
  metric: string;
  facts: StoredFact[];
  /** Ids of the facts that stand for their period (one per period, basis and unit). */
  used: Set<number>;
}

export async function listCompanyFacts(db: Kysely<Database>, query: { ticker: string; metric?: string; from?: number; to?: number } & VersionPolicy): Promise<FactListing> {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) throw new EmptyRangeError(String(query.from), String(query.to));
  const [company] = (await companyDirectory(db)).index.resolve([query.ticker]);
  let facts = await listFacts(db, { tickers: [company!.ticker], metrics: query.metric ? [query.metric] : undefined });
  facts = facts.filter((f) => (query.from === undefined || Number(f.periodEnd.slice(0, 4)) >= query.from) && (query.to === undefined || Number(f.periodEnd.slice(0, 4)) <= query.to));
  return { ticker: company!.ticker, metric: query.metric ?? '*', facts, used: usedFacts(facts, query) };
}

/**
 * The ids of the facts that stand for their period: per company, metric, basis, unit and period
 * (end month and length, as the engine matches them), the version the engine takes. Rows a
 * collector derived never stand for a period.
 */
export function usedFacts(facts: readonly StoredFact[], policy: VersionPolicy = {}): Set<number> {
  const groups = new Map<string, StoredFact[]>();
  for (const f of facts) {
    const key = [f.ticker, f.metric, f.basis, f.unit, monthIndexOf(f.periodEnd), f.periodStart ? monthsBetween(f.periodStart, f.periodEnd) : 'i'].join('|');
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const used = new Set<number>();
  for (const list of groups.values()) {
    const best = rankVersions(list, policy).facts[0]!;
    if (best.basis !== 'derived') used.add(best.id);
  }
  return used;
}
