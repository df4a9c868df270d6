// Resolves one company's reported metric for a period, deriving what filings don't state:
// quarters from year-to-date facts (Q2 = H1 − Q1, Q4 = FY − 9M), else a quarter as the fiscal
// year less its three other stated quarters (Q3 = FY − Q1 − Q2 − Q4), years from four quarters.
// Year-to-date values are only ever subtracted, never summed. Periods are found by end month
// and length (months.ts), but a resolved value carries the filed period's own dates: NVIDIA's
// FY2025 is 2024-01-29..2025-01-26, and a derived quarter runs from the day after the
// year-to-date figure it subtracts.
import type { FactFigure } from '../model/fact.js';
import type { Missing } from '../model/series.js';
import type { FactIndex } from './fact-index.js';
import { calendarLabelOfFiscalQuarter, fiscalQuarterLabel, fiscalQuarterOf } from './fiscal-year.js';
import { endDateOf, quarterLabel, startDateOf, type MonthIndex } from './months.js';

export interface Resolved {
  value: number | null;
  start: string;
  end: string;
  derived: boolean;
  derivation: string | null;
  sources: FactFigure[];
  missing: Missing | null;
  partialValue: number | null;
  /** The value (or one it is derived from) restates what was first reported. */
  restated: boolean;
  /** For a metric with segments: the one segment every source is (null when none can be named). */
  segment?: string | null;
}

const YTD_NAME: Record<number, string> = { 3: 'Q1', 6: 'H1', 9: '9M', 12: 'FY' };

/** Month-rounded dates, for a period nothing was filed for. */
function approximatePeriod(endMonth: MonthIndex, months: number) {
  return { start: startDateOf(endMonth, months), end: endDateOf(endMonth) };
}

function dayAfter(isoDate: string, days = 1): string {
  return new Date(Date.parse(isoDate + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

export function missingValue(endMonth: MonthIndex, months: number, missing: Missing, partialValue: number | null = null, sources: FactFigure[] = []): Resolved {
  return { value: null, ...approximatePeriod(endMonth, months), derived: false, derivation: null, sources, missing, partialValue, restated: false };
}

export class PeriodResolver {
  private readonly memo = new Map<string, Resolved>();

  constructor(
    private readonly index: FactIndex,
    private readonly fyeMonth: number,
    private readonly what: string,
    /** A compiler's own estimates (basis `derived`): never used, only named when a period has nothing else. */
    private readonly estimates?: FactIndex,
  ) {}

  /** `FY2013 Q4`, with the calendar label when it differs and an optional note: `FY2026 Q1 (2025-Q1, not filed)`. */
  private label(m: MonthIndex, note?: string): string {
    const fiscal = fiscalQuarterLabel(m, this.fyeMonth);
    if (fiscal === null) return quarterLabel(m);
    const calendar = calendarLabelOfFiscalQuarter(m);
    const extra = [...(fiscal === `FY${calendar.slice(0, 4)} Q${calendar.slice(-1)}` ? [] : [calendar]), ...(note ? [note] : [])];
    return extra.length ? `${fiscal} (${extra.join(', ')})` : fiscal;
  }

  private direct(f: FactFigure, endMonth: MonthIndex, months: number): Resolved {
    const dates = f.periodStart ? { start: f.periodStart, end: f.periodEnd } : approximatePeriod(endMonth, months);
    return { value: f.value, ...dates, derived: false, derivation: null, sources: [f], missing: null, partialValue: null, restated: this.index.restated(endMonth, months) };
  }

  /** The fiscal quarter ending in month m: stated, or derived from year-to-date facts. */
  quarter(m: MonthIndex): Resolved {
    return this.cached(`q${m}`, () => {
      const f = this.index.get(m, 3);
      if (f?.sourceKind === 'sec') return this.direct(f, m, 3);
      // A quarter derived wholly from filings beats a secondary source's stated quarter.
      const derived = this.quarterFromYtd(m);
      if (derived.value !== null && (!f || derived.sources.every((s) => s.sourceKind === 'sec'))) return derived;
      if (f) return this.direct(f, m, 3);
      // Only where no year-to-date derivation exists: the fiscal year less its three other stated quarters.
      const fromYear = this.quarterFromYear(m);
      if (typeof fromYear !== 'string') return fromYear;
      const estimate = this.estimateOnly(m, 3);
      return estimate ?? this.ytdQuarter(m, fromYear);
    });
  }

  /** The period has no figure but a compiler's own estimate, which is not used: say so. */
  private estimateOnly(m: MonthIndex, months: number): Resolved | null {
    if (!this.estimates?.get(m, months)) return null;
    const what = months === 3 ? this.label(m) : `the ${months} months to ${endDateOf(m)}`;
    return missingValue(m, months, { reason: 'no-data', cause: 'not-filed', detail: `${this.what}: ${what} not filed (only a compiler's derived estimate, not used: no document states it)` });
  }

  /** Derives the quarter ending in m from year-to-date facts, even where a quarter is stated (used to cross-check). */
  quarterFromYtd(m: MonthIndex): Resolved {
    return this.ytdQuarter(m);
  }

  /** The year-to-date derivation; `alternative` says why the fiscal year less three quarters failed too, for the reason. */
  private ytdQuarter(m: MonthIndex, alternative?: string): Resolved {
    const fq = fiscalQuarterOf(m, this.fyeMonth);
    const label = this.label(m);
    const also = alternative ? `; ${alternative}` : '';
    const notFiled = (detail: string) => missingValue(m, 3, { reason: 'no-data', cause: 'not-filed', detail: `${this.what}: ${label} ${detail}` });
    if (fq === null) return missingValue(m, 3, { reason: 'no-data', cause: 'not-filed', detail: `${this.what}: ${quarterLabel(m)} is not a fiscal quarter of this company` });
    if (fq === 1) return notFiled(alternative ? `not filed (no quarter${also})` : 'not filed');
    const len = fq * 3;
    const ytd = this.index.get(m, len);
    if (!ytd) return notFiled(`not filed (no quarter and no ${YTD_NAME[len]} year-to-date figure${also})`);
    const before = this.yearToDate(m - 3, len - 3);
    if (before.value === null) {
      return missingValue(m, 3, { reason: 'no-data', cause: 'not-derivable', detail: `${this.what}: ${label} not derivable (${YTD_NAME[len]} is filed but ${YTD_NAME[len - 3]} is missing to subtract from it${also})` });
    }
    return {
      value: ytd.value - before.value,
      start: dayAfter(before.end),
      end: ytd.periodEnd,
      derived: true,
      derivation: `Q${fq} = ${YTD_NAME[len]} − ${YTD_NAME[len - 3]}`,
      sources: [ytd, ...before.sources],
      missing: null,
      partialValue: null,
      restated: this.index.restated(m, len) || before.restated,
    };
  }

  /**
   * The quarter ending in m as its fiscal year less the other three quarters, each a stated
   * figure (never a derived one); else what is lacking, for the missing reason.
   */
  private quarterFromYear(m: MonthIndex): Resolved | string {
    const fq = fiscalQuarterOf(m, this.fyeMonth);
    if (fq === null) return 'not a fiscal quarter';
    const yearEnd = m + (4 - fq) * 3;
    const ends = [yearEnd - 9, yearEnd - 6, yearEnd - 3, yearEnd];
    const others = ends.filter((q) => q !== m);
    const how = `FY − ${others.map((q) => `Q${fiscalQuarterOf(q, this.fyeMonth)}`).join(' − ')}`;
    const year = this.index.get(yearEnd, 12);
    if (!year) return `${how} needs the fiscal year, not filed`;
    const stated = others.map((q) => this.index.get(q, 3));
    const lacking = others.filter((_, i) => !stated[i]).map((q) => `Q${fiscalQuarterOf(q, this.fyeMonth)}`);
    if (lacking.length) return `${how} needs ${lacking.join(', ')} stated`;
    const quarters = stated as FactFigure[];
    const before = fq === 1 ? null : quarters[fq - 2]!;
    const after = fq === 4 ? null : quarters[fq - 1]!;
    const start = before ? dayAfter(before.periodEnd) : year.periodStart!;
    const end = after?.periodStart ? dayAfter(after.periodStart, -1) : after ? endDateOf(m) : year.periodEnd;
    return {
      value: year.value - quarters.reduce((sum, q) => sum + q.value, 0),
      start,
      end,
      derived: true,
      derivation: `Q${fq} = ${how}`,
      sources: [year, ...quarters],
      missing: null,
      partialValue: null,
      restated: this.index.restated(yearEnd, 12) || others.some((q) => this.index.restated(q, 3)),
    };
  }

  /** The fiscal year-to-date value of `months` months ending in m: stated, or the quarters so far. */
  private yearToDate(m: MonthIndex, months: number): Resolved {
    const f = this.index.get(m, months);
    if (f) return this.direct(f, m, months);
    if (months === 3) return this.quarter(m);
    const q = this.quarter(m);
    const rest = this.yearToDate(m - 3, months - 3);
    if (q.value === null || rest.value === null) return missingValue(m, months, { reason: 'no-data', cause: 'not-derivable', detail: `${this.what}: no ${months}-month year-to-date value` });
    return { value: q.value + rest.value, start: rest.start, end: q.end, derived: true, derivation: 'sum of quarters', sources: [...q.sources, ...rest.sources], missing: null, partialValue: null, restated: q.restated || rest.restated };
  }

  /** Twelve months ending in m: a stated annual (or trailing) figure, else the sum of four quarters. */
  year(m: MonthIndex): Resolved {
    return this.cached(`y${m}`, () => {
      const f = this.index.get(m, 12);
      if (f) return this.direct(f, m, 12);
      return this.sumOfQuarters(m);
    });
  }

  /** Sum of the four quarters ending in m; incomplete (null, with the partial sum) when any is missing. */
  sumOfQuarters(m: MonthIndex): Resolved {
    const ends = [m - 9, m - 6, m - 3, m];
    const parts = ends.map((q) => this.quarter(q));
    const present = parts.filter((p) => p.value !== null);
    const sources = present.flatMap((p) => p.sources);
    if (present.length === 0) return missingValue(m, 12, { reason: 'no-data', cause: 'not-filed', detail: `${this.what}: nothing filed for ${this.label(ends[0]!)} to ${this.label(m)}` });
    const sum = present.reduce((s, p) => s + (p.value as number), 0);
    if (present.length < 4) {
      const gap = (q: MonthIndex, p: Resolved) => (this.estimates?.get(q, 3) ? "only a compiler's derived estimate, not used" : p.missing?.cause === 'not-derivable' ? 'not derivable' : 'not filed');
      const gaps = ends.flatMap((q, i) => (parts[i]!.value === null ? [this.label(q, gap(q, parts[i]!))] : []));
      return missingValue(m, 12, { reason: 'incomplete', detail: `${this.what}: missing ${gaps.join(', ')}` }, sum, sources);
    }
    const derivedParts = parts.filter((p) => p.derived).length;
    return {
      value: sum,
      start: parts[0]!.start,
      end: parts[3]!.end,
      derived: true,
      derivation: `sum of 4 quarters${derivedParts ? ` (${derivedParts} derived from year-to-date figures)` : ''}`,
      sources,
      missing: null,
      partialValue: null,
      restated: parts.some((p) => p.restated),
    };
  }

  /** A stated fact for exactly this period, with no derivation (guidance and commitments). */
  stated(m: MonthIndex, months: number): Resolved {
    const f = this.index.get(m, months);
    return f ? this.direct(f, m, months) : missingValue(m, months, { reason: 'no-data', cause: 'not-filed', detail: `${this.what}: nothing on record for the period to ${endDateOf(m)}` });
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
