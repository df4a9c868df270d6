// Flattens a SeriesResult into the plain rows that charts embed (data.values), so a
// downloaded spec is self-contained and every mark can be traced to its source.
import type { Basis } from '../model/fact.js';
import type { MissingReason, Period, SeriesResult } from '../model/series.js';
import { formatCompact, formatValue } from '../model/format-figure.js';
import { MISSING_WORDS } from '../series/labels.js';
import type { SeriesPoint } from '../model/series.js';
import { documentLabel, readAtLabel, uniqueDocuments, VERIFICATION_MARKS, weakestVerification } from '../model/document-label.js';
import { caveatsText, pointCaveats } from '../series/caveats.js';

/** The tooltip's provenance of a plotted value: its documents, their weakest verification, its caveats. */
function provenance(p: SeriesPoint, ownerOf: (ticker: string) => string): Pick<ChartRow, 'source' | 'verified' | 'caveats'> {
  if (p.value === null) return { source: '—', verified: '—', caveats: '' };
  const docs = uniqueDocuments(p.sources);
  const first = docs[0];
  const weakest = weakestVerification(p.sources);
  const readAt = first ? readAtLabel(first) : null;
  return {
    source: first ? `${documentLabel(first, ownerOf(first.ticker))}${readAt ? ` (${readAt})` : ''}${docs.length > 1 ? ` and ${docs.length - 1} more document${docs.length > 2 ? 's' : ''}` : ''}` : 'none',
    verified: weakest ? `${VERIFICATION_MARKS[weakest].mark}: ${VERIFICATION_MARKS[weakest].meaning}` : '—',
    // The Figure line of the tooltip already says whether it is derived.
    caveats: caveatsText(pointCaveats(p).filter((c) => c.kind !== 'derived')),
  };
}

export interface ChartRow {
  ticker: string;
  name: string;
  label: string;
  start: string;
  end: string;
  /** null when missing: charts skip it rather than draw zero. */
  value: number | null;
  basis: Basis;
  derived: boolean;
  complete: boolean;
  /** URL of the first source's document of record (the bar's link), or null for a value without sources. */
  sourceUrl: string | null;
  /** What the documents are: "Form 10-K, filed 2025-02-07", "… and 3 more documents"; "—" without a value. */
  source: string;
  /** The weakest verification among the sources (xbrl, filing, mapped, secondary), with what it means; "—" without a value. */
  verified: string;
  /** The figure's caveats, "low confidence; rounded"; "" when it has none. */
  caveats: string;
  /** The formatted value, or why there is none ("incomplete: Q4 missing"). */
  valueText: string;
  /** A label short enough for a bar ("$132B"); null when missing. */
  shortText: string | null;
  derivation: string | null;
  missing: MissingReason | null;
  /** Short on-chart marker for a missing value ("incomplete"), null when present. */
  missingText: string | null;
}

export function missingText(reason: MissingReason): string {
  return MISSING_WORDS[reason];
}

/** Period labels ordered by their earliest start (MSFT's FY2024 starts in July 2023, others' in January 2024). */
export function periodLabels(result: SeriesResult): string[] {
  const earliest = new Map<string, string>();
  for (const s of result.series) {
    for (const p of s.points) {
      const seen = earliest.get(p.label);
      if (seen === undefined || p.start < seen) earliest.set(p.label, p.start);
    }
  }
  return [...earliest.entries()]
    .sort(([la, a], [lb, b]) => (a === b ? la.localeCompare(lb) : a < b ? -1 : 1))
    .map(([label]) => label);
}

export function chartRows(result: SeriesResult): ChartRow[] {
  return result.series.flatMap((s) =>
    [...s.points]
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
      .map((p): ChartRow => {
        const reason = p.value === null ? (p.missing?.reason ?? 'no-data') : null;
        return {
          ticker: s.ticker,
          name: s.name,
          label: p.label,
          start: p.start,
          end: p.end,
          value: p.value,
          basis: p.basis,
          derived: p.derived,
          complete: p.complete,
          sourceUrl: p.sources[0]?.url ?? null,
          ...provenance(p, (t) => (t === s.ticker ? s.name : t)),
          valueText:
            p.value !== null
              ? formatValue(p.value, result.unit)
              : `${missingText(reason!)}${p.missing?.detail ? `: ${p.missing.detail}` : ''}`,
          shortText: p.value !== null ? formatCompact(p.value, result.unit) : null,
          derivation: p.derivation,
          missing: reason,
          missingText: reason && missingText(reason),
        };
      }),
  );
}
