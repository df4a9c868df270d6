// Chooses which version of a fact stands for a period, and finds it by (end month, length).
import type { FactFigure } from '../model/fact.js';
import { byFilingOrder, isRestatement } from '../model/fact-versions.js';
import { monthIndexOf, monthsBetween, type MonthIndex } from './months.js';

export interface VersionPolicy {
  /** Use the first filed version of a period instead of the current one (restatements ignored). */
  asFirstReported?: boolean;
}

const CONFIDENCE_RANK: Record<string, number> = { high: 0, medium: 1, low: 2, derived: 3 };

/** Bundled rows of one period, best first: the preferred row, then alternatives by confidence. */
function compareBundled(a: FactFigure, b: FactFigure): number {
  if (a.preferred !== b.preferred) return a.preferred ? -1 : 1;
  const c = (CONFIDENCE_RANK[a.confidence] ?? 9) - (CONFIDENCE_RANK[b.confidence] ?? 9);
  return c !== 0 ? c : a.id - b.id;
}

export interface RankedVersions<F extends FactFigure = FactFigure> {
  /** Best first: the chosen filed version, the other filings newest first, then bundled rows. */
  facts: F[];
  /** The chosen version differs from the first reported one by more than rounding (a restatement). */
  restated: boolean;
}

/**
 * Orders candidate facts for one period, best first: a filing fetched by sync (the current
 * version, which ingest marked preferred by the rule in model/fact-versions.ts with the whole
 * filing in view, or the first filed on request), then the bundled preferred row, then bundled
 * alternatives by confidence.
 */
export function rankVersions<F extends FactFigure>(facts: readonly F[], policy: VersionPolicy = {}): RankedVersions<F> {
  const bundled = facts.filter((f) => f.sourceKind !== 'sec').sort(compareBundled);
  const newestFirst = byFilingOrder(facts.filter((f) => f.sourceKind === 'sec')).reverse();
  if (!newestFirst.length) return { facts: bundled, restated: false };
  const first = newestFirst[newestFirst.length - 1]!;
  const current = newestFirst.find((f) => f.preferred) ?? newestFirst[0]!;
  const chosen = policy.asFirstReported ? first : current;
  return { facts: [chosen, ...newestFirst.filter((f) => f !== chosen), ...bundled], restated: !policy.asFirstReported && isRestatement(first, current) };
}

export class FactIndex {
  private readonly byKey = new Map<string, RankedVersions>();

  /** Duration facts of one metric, one unit; instants and other units are left out by the caller. */
  constructor(facts: FactFigure[], policy: VersionPolicy = {}) {
    const groups = new Map<string, FactFigure[]>();
    for (const f of facts) {
      if (!f.periodStart) continue;
      const key = FactIndex.key(monthIndexOf(f.periodEnd), monthsBetween(f.periodStart, f.periodEnd));
      const list = groups.get(key);
      if (list) list.push(f);
      else groups.set(key, [f]);
    }
    for (const [key, list] of groups) this.byKey.set(key, rankVersions(list, policy));
  }

  private static key(endMonth: MonthIndex, months: number): string {
    return `${endMonth}/${months}`;
  }

  /** The winning fact for the period of `months` months ending in `endMonth`. */
  get(endMonth: MonthIndex, months: number): FactFigure | undefined {
    return this.byKey.get(FactIndex.key(endMonth, months))?.facts[0];
  }

  /** Whether the winning fact restates what was first reported. */
  restated(endMonth: MonthIndex, months: number): boolean {
    return this.byKey.get(FactIndex.key(endMonth, months))?.restated ?? false;
  }

  /** All versions for the period, best first (for audits and alternative evidence). */
  versions(endMonth: MonthIndex, months: number): FactFigure[] {
    return this.byKey.get(FactIndex.key(endMonth, months))?.facts ?? [];
  }

  /** End months of facts of a given length, for finding the range of available data. */
  endMonths(): MonthIndex[] {
    return [...this.byKey.keys()].map((k) => Number(k.split('/')[0]));
  }
}
