// Which filed version of a period's figure stands for it. Every filing that reports a period
// is kept as a version (a 10-K repeats two earlier years; a 10-K/A restates one; a company that
// changed XBRL concept reports the same period under two names). The newest filing wins, with
// one exception: a later filing that only repeats an earlier figure to fewer digits
// (4,130,162,000 as 4,130,000,000) is a rounded comparative, not a restatement, so the precise
// figure stays current. Any other change of value is a restatement: it wins and is marked.

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
  /** True when the current value differs from the first reported one by more than rounding. */
  restated: boolean;
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

/** Largest power of ten that divides a whole number (1 for a number with no trailing zeros). */
function precisionOf(n: number): number {
  if (!Number.isInteger(n) || n === 0) return 1;
  let p = 1;
  while (Number.isInteger(n / (p * 10)) && Math.abs(n) >= p * 10) p *= 10;
  return p;
}

/** Significant digits a filer keeps at the least: "4,100 million" does not read as 41 × 10⁸. */
const MIN_SIGNIFICANT_DIGITS = 3;

/**
 * Whether `rounded` repeats `precise` to fewer digits: it has fewer significant digits and is
 * less than one unit of its last kept digit away (filers round, and sometimes nudge a rounded
 * line by a unit so that totals foot).
 */
export function isRoundedForm(precise: number, rounded: number): boolean {
  if (precise === rounded || !Number.isInteger(precise) || !Number.isInteger(rounded) || rounded === 0) return false;
  const digits = Math.floor(Math.log10(Math.abs(rounded))) + 1;
  const unit = Math.min(precisionOf(rounded), 10 ** Math.max(0, digits - MIN_SIGNIFICANT_DIGITS));
  if (unit === 1 || precisionOf(precise) >= unit) return false;
  return Math.abs(precise - rounded) < unit;
}

/** Applies the rule to every version of one period (at least one). */
export function chooseVersion<F extends FiledVersion>(versions: readonly F[]): VersionChoice<F> {
  const byFiling = byFilingOrder(versions);
  const first = byFiling[0]!;
  let current = first;
  let restated = false;
  for (const next of byFiling.slice(1)) {
    if (isRoundedForm(current.value, next.value)) continue;
    if (!isRoundedForm(next.value, current.value) && next.value !== current.value) restated = !isRoundedForm(first.value, next.value) && next.value !== first.value;
    current = next;
  }
  return { current, first, restated, byFiling };
}
