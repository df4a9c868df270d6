// Which filed version of a period's figure stands for it. Every filing that reports a period
// is kept as a version (a 10-K repeats two earlier years; a 10-K/A restates one; a company that
// changed XBRL concept reports the same period under two names). The newest filing wins, with
// one exception: a later filing that only repeats an earlier figure in coarser units
// (4,130,162,000 as 4,130,000,000 when it states everything in millions) is a rounded
// comparative, not a restatement, so the precise figure stays current. Any other change of
// value is a restatement: it wins and is marked.

/** What the rule needs to know about a version. */
export interface FiledVersion {
  value: number;
  filed: string | null;
  accession: string | null;
}

export interface VersionChoice<F extends FiledVersion> {
  /** The version that stands for the period. */
  current: F;
  /** The first filed version (what `--as-first-reported` uses). */
  first: F;
  /** Every version, oldest filing first. */
  byFiling: F[];
}

/** Oldest filing first; the same day by accession number (SEC's sequence), then input order. */
export function byFilingOrder<F extends FiledVersion>(versions: readonly F[]): F[] {
  return versions
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.filed ?? '').localeCompare(b.v.filed ?? '') || (a.v.accession ?? '').localeCompare(b.v.accession ?? '') || a.i - b.i)
    .map((x) => x.v);
}

/** Largest power of ten that divides a whole number, at most the number itself (1 for 0 or a fraction). */
export function precisionOf(n: number): number {
  if (!Number.isInteger(n) || n === 0) return 1;
  let p = 1;
  while (Math.abs(n) >= p * 10 && Number.isInteger(n / (p * 10))) p *= 10;
  return p;
}

/**
 * The unit a filing states its figures in: the finest precision among its values (a 10-K in
 * millions has every figure a multiple of 10⁶, and some not of 10⁷).
 */
export function filingUnits(facts: Iterable<{ accession: string | null; value: number }>): Map<string, number> {
  const units = new Map<string, number>();
  for (const f of facts) noteFilingUnit(units, f.accession, f.value);
  return units;
}

/** filingUnits one figure at a time, into `units`: for callers with many figures and no objects for them. */
export function noteFilingUnit(units: Map<string, number>, accession: string | null, value: number): void {
  if (!accession || value === 0) return;
  const p = precisionOf(value);
  const u = units.get(accession);
  if (u === undefined || p < u) units.set(accession, p);
}

/** Significant digits a filer keeps at the least: a lone "4,100 million" does not read as 41 × 10⁸. */
const MIN_SIGNIFICANT_DIGITS = 3;

/**
 * Whether `rounded` repeats `precise` to fewer digits: stated in a coarser unit (by default the
 * number's own trailing zeros; better, the unit its whole filing uses), and less than one unit
 * away (filers round, and sometimes nudge a rounded line by a unit so that totals foot).
 */
export function isRoundedForm(precise: number, rounded: number, roundedUnit = precisionOf(rounded)): boolean {
  if (precise === rounded || !Number.isInteger(precise) || !Number.isInteger(rounded) || rounded === 0) return false;
  const digits = Math.floor(Math.log10(Math.abs(rounded))) + 1;
  const unit = Math.min(roundedUnit, precisionOf(rounded), 10 ** Math.max(0, digits - MIN_SIGNIFICANT_DIGITS));
  if (unit === 1 || precisionOf(precise) >= unit) return false;
  return Math.abs(precise - rounded) < unit;
}

/** Applies the rule to every version of one period (at least one). `unitOf` gives a version's filing unit. */
export function chooseVersion<F extends FiledVersion>(versions: readonly F[], unitOf: (v: F) => number = (v) => precisionOf(v.value)): VersionChoice<F> {
  const byFiling = byFilingOrder(versions);
  let current = byFiling[0]!;
  for (const next of byFiling.slice(1)) if (!isRoundedForm(current.value, next.value, unitOf(next))) current = next;
  return { current, first: byFiling[0]!, byFiling };
}

/**
 * Whether `current` restates `first`: their values differ, and not because the first was a
 * rounded figure that a later filing stated precisely.
 */
export function isRestatement(first: FiledVersion, current: FiledVersion): boolean {
  return current.value !== first.value && !isRoundedForm(current.value, first.value);
}
