// Resolves one company's reported metric for a period, deriving what filings don't state:
// quarters from year-to-date facts (Q2 = H1 − Q1, Q4 = FY − 9M), years from four quarters.
// Year-to-date values are only ever subtracted, never summed.
import type { StoredFact } from '../model/fact.js';
import type { Missing } from '../model/series.js';
import type { FactIndex } from './fact-index.js';
import { fiscalQuarterOf } from './fiscal-year.js';
import { endDateOf, quarterLabel, startDateOf, type MonthIndex } from './months.js';

export interface Resolved {
  value: number | null;
  start: string;
  end: string;
  derived: boolean;
  derivation: string | null;
  sources: StoredFact[];
  missing: Missing | null;
  partialValue: number | null;
}

const YTD_NAME: Record<number, string> = { 3: 'Q1', 6: 'H1', 9: '9M', 12: 'FY' };

function period(endMonth: MonthIndex, months: number) {
  return { start: startDateOf(endMonth, months), end: endDateOf(endMonth) };
}

export function missingValue(endMonth: MonthIndex, months: number, missing: Missing, partialValue: number | null = null, sources: StoredFact[] = []): Resolved {
  return { value: null, ...period(endMonth, months), derived: false, derivation: null, sources, missing, partialValue };
}

function direct(f: StoredFact, endMonth: MonthIndex, months: number): Resolved {
  return { value: f.value, ...period(endMonth, months), derived: false, derivation: null, sources: [f], missing: null, partialValue: null };
}

export class PeriodResolver {
  private readonly memo = new Map<string, Resolved>();

  constructor(
    private readonly index: FactIndex,
    private readonly fyeMonth: number,
    private readonly what: string,
  ) {}

  /** The three months ending in month m: a stated quarter, or one derived from year-to-date facts. */
  quarter(m: MonthIndex): Resolved {
    return this.cached(`q${m}`, () => {
      const f = this.index.get(m, 3);
      if (f?.sourceKind === 'sec') return direct(f, m, 3);
      // A quarter derived wholly from filings beats a secondary source's stated quarter.
      const derived = this.quarterFromYtd(m);
      if (derived.value !== null && (!f || derived.sources.every((s) => s.sourceKind === 'sec'))) return derived;
      return f ? direct(f, m, 3) : derived;
    });
  }

  /** Derives the quarter ending in m from year-to-date facts, even where a quarter is stated (used to cross-check). */
  quarterFromYtd(m: MonthIndex): Resolved {
    const fq = fiscalQuarterOf(m, this.fyeMonth);
    const none = (detail: string) => missingValue(m, 3, { reason: 'no-data', detail });
    if (fq === null) return none(`${this.what}: ${quarterLabel(m)} is not a fiscal quarter of this company`);
    if (fq === 1) return none(`${this.what}: no data for ${quarterLabel(m)}`);
    const len = fq * 3;
    const ytd = this.index.get(m, len);
    if (!ytd) return none(`${this.what}: no data for ${quarterLabel(m)} (no quarter and no ${YTD_NAME[len]} year-to-date figure)`);
    const before = this.yearToDate(m - 3, len - 3);
    if (before.value === null) return none(`${this.what}: no data for ${quarterLabel(m)} (${YTD_NAME[len - 3]} missing to subtract from ${YTD_NAME[len]})`);
    return {
      value: ytd.value - before.value,
      ...period(m, 3),
      derived: true,
      derivation: `Q${fq} = ${YTD_NAME[len]} − ${YTD_NAME[len - 3]}`,
      sources: [ytd, ...before.sources],
      missing: null,
      partialValue: null,
    };
  }

  /** The fiscal year-to-date value of `months` months ending in m: stated, or the quarters so far. */
  private yearToDate(m: MonthIndex, months: number): Resolved {
    const f = this.index.get(m, months);
    if (f) return direct(f, m, months);
    if (months === 3) return this.quarter(m);
    const q = this.quarter(m);
    const rest = this.yearToDate(m - 3, months - 3);
    if (q.value === null || rest.value === null) return missingValue(m, months, { reason: 'no-data', detail: `${this.what}: no ${months}-month year-to-date value` });
    return { value: q.value + rest.value, ...period(m, months), derived: true, derivation: 'sum of quarters', sources: [...q.sources, ...rest.sources], missing: null, partialValue: null };
  }

  /** Twelve months ending in m: a stated annual (or trailing) figure, else the sum of four quarters. */
  year(m: MonthIndex): Resolved {
    return this.cached(`y${m}`, () => {
      const f = this.index.get(m, 12);
      if (f) return direct(f, m, 12);
      return this.sumOfQuarters(m);
    });
  }

  /** Sum of the four quarters ending in m; incomplete (null, with the partial sum) when any is missing. */
  sumOfQuarters(m: MonthIndex): Resolved {
    const parts = [m - 9, m - 6, m - 3, m].map((q) => this.quarter(q));
    const present = parts.filter((p) => p.value !== null);
    const sources = present.flatMap((p) => p.sources);
    if (present.length === 0) return missingValue(m, 12, { reason: 'no-data', detail: `${this.what}: no data for the twelve months to ${endDateOf(m)}` });
    const sum = present.reduce((s, p) => s + (p.value as number), 0);
    if (present.length < 4) {
      const gaps = [m - 9, m - 6, m - 3, m].filter((_, i) => parts[i]!.value === null).map(quarterLabel);
      return missingValue(m, 12, { reason: 'incomplete', detail: `${this.what}: missing ${gaps.join(', ')}` }, sum, sources);
    }
    const derivedParts = parts.filter((p) => p.derived).length;
    return {
      value: sum,
      ...period(m, 12),
      derived: true,
      derivation: `sum of 4 quarters${derivedParts ? ` (${derivedParts} derived from year-to-date figures)` : ''}`,
      sources,
      missing: null,
      partialValue: null,
    };
  }

  /** A stated fact for exactly this period, with no derivation (guidance and commitments). */
  stated(m: MonthIndex, months: number): Resolved {
    const f = this.index.get(m, months);
    return f ? direct(f, m, months) : missingValue(m, months, { reason: 'no-data', detail: `${this.what}: no data for the period to ${endDateOf(m)}` });
  }

  private cached(key: string, compute: () => Resolved): Resolved {
    let r = this.memo.get(key);
    if (!r) {
      r = compute();
      this.memo.set(key, r);
    }
    return r;
  }
}
