// Chooses which version of a fact stands for a period, and finds it by (end month, length).
import type { StoredFact } from '../model/fact.js';
import { monthIndexOf, monthsBetween, type MonthIndex } from './months.js';

export interface VersionPolicy {
  /** Use the first filed version of a period instead of the newest (restatements ignored). */
  asFirstReported?: boolean;
}

const CONFIDENCE_RANK: Record<string, number> = { high: 0, medium: 1, low: 2, derived: 3 };

/**
 * Orders candidate facts for one period, best first: a filing fetched by sync (newest filed,
 * or first filed on request), then the bundled preferred row, then bundled alternatives by confidence.
 */
export function compareVersions(policy: VersionPolicy) {
  return (a: StoredFact, b: StoredFact): number => {
    if (a.sourceKind !== b.sourceKind) return a.sourceKind === 'sec' ? -1 : 1;
    if (a.sourceKind === 'sec') {
      const fa = a.filed ?? '';
      const fb = b.filed ?? '';
      if (fa !== fb) return policy.asFirstReported ? (fa < fb ? -1 : 1) : fa < fb ? 1 : -1;
      return policy.asFirstReported ? a.id - b.id : b.id - a.id;
    }
    if (a.preferred !== b.preferred) return a.preferred ? -1 : 1;
    const c = (CONFIDENCE_RANK[a.confidence] ?? 9) - (CONFIDENCE_RANK[b.confidence] ?? 9);
    return c !== 0 ? c : a.id - b.id;
  };
}

export class FactIndex {
  private readonly byKey = new Map<string, StoredFact[]>();

  /** Duration facts of one metric, one unit; instants and other units are left out by the caller. */
  constructor(facts: StoredFact[], policy: VersionPolicy = {}) {
    for (const f of facts) {
      if (!f.periodStart) continue;
      const key = FactIndex.key(monthIndexOf(f.periodEnd), monthsBetween(f.periodStart, f.periodEnd));
      const list = this.byKey.get(key);
      if (list) list.push(f);
      else this.byKey.set(key, [f]);
    }
    const cmp = compareVersions(policy);
    for (const list of this.byKey.values()) list.sort(cmp);
  }

  private static key(endMonth: MonthIndex, months: number): string {
    return `${endMonth}/${months}`;
  }

  /** The winning fact for the period of `months` months ending in `endMonth`. */
  get(endMonth: MonthIndex, months: number): StoredFact | undefined {
    return this.byKey.get(FactIndex.key(endMonth, months))?.[0];
  }

  /** All versions for the period, best first (for audits and alternative evidence). */
  versions(endMonth: MonthIndex, months: number): StoredFact[] {
    return this.byKey.get(FactIndex.key(endMonth, months)) ?? [];
  }

  /** End months of facts of a given length, for finding the range of available data. */
  endMonths(): MonthIndex[] {
    return [...this.byKey.keys()].map((k) => Number(k.split('/')[0]));
  }
}
