// The caveats a figure carries, in short words a page can show beside it and a chart tooltip can
// list: low confidence, computed by airace, rounded, a definition that differs, a segment that was
// redefined. They come from the figure itself (derived, incomplete, converted) and from the notes
// and confidence of every source behind it, so a total inherits its inputs' caveats. The full
// note stays one hover (or one `details`) away; the caveat is what must never hide in a CSV.
import type { SourceRef } from '../model/fact.js';
import type { SeriesPoint } from '../model/series.js';

export const CAVEAT_KINDS = ['low-confidence', 'derived', 'rounded', 'definition', 'segment', 'converted'] as const;
export type CaveatKind = (typeof CAVEAT_KINDS)[number];

export interface Caveat {
  kind: CaveatKind;
  /** Short text shown beside the figure: "rounded", "definition differs". */
  text: string;
  /** Why: the derivation, the rate, or the source notes that raise it. */
  detail: string;
}

/**
 * Wording in the curated notes that raises a caveat. Notes are written by the curators in a
 * consistent vocabulary (data/README): "rounded", "definitions differ", "CAUTION", "segment
 * realignment", "recast", "series break".
 */
const NOTE_CAVEATS: { kind: CaveatKind; text: string; pattern: RegExp; unless?: RegExp }[] = [
  // "rounded to $0.01B", "value looks rounded"; a note that calls the value exact is not rounded.
  { kind: 'rounded', text: 'rounded', pattern: /\b(?:rounded|looks rounded|approximately|approx\.)/i, unless: /\(exact|\bexact;|\bexact\b(?! figure not)|XBRL check: equals/i },
  {
    kind: 'definition',
    text: 'definition differs',
    pattern: /definitions? (?:differ|vary|varies)|mixed definitions|definition[^.;]{0,40}not stated|basis of this figure not stated|unclear whether|\bcaution\b|\bdisagrees?\b|looks gross|not the cash-flow line/i,
  },
  { kind: 'segment', text: 'segment redefined', pattern: /segment (?:realignment|redefin|definition)|\brealign(?:ed|ment)\b|\brecast\b|\bredefined\b|series break|new segment|reorganis/i },
];

function noteCaveats(sources: readonly SourceRef[]): Caveat[] {
  const out: Caveat[] = [];
  for (const c of NOTE_CAVEATS) {
    const raising = sources.filter((s) => s.note && c.pattern.test(s.note) && !(c.unless && c.unless.test(s.note)));
    if (raising.length) out.push({ kind: c.kind, text: c.text, detail: [...new Set(raising.map((s) => s.note!))].join(' | ') });
  }
  return out;
}

/** Every caveat of a point, in CAVEAT_KINDS order; [] for a plain reported figure. */
export function pointCaveats(p: Pick<SeriesPoint, 'derived' | 'derivation' | 'fx' | 'sources'>): Caveat[] {
  const out: Caveat[] = [];
  const low = p.sources.filter((s) => s.confidence === 'low');
  if (low.length) out.push({ kind: 'low-confidence', text: 'low confidence', detail: `${low.length} of ${p.sources.length} source${p.sources.length === 1 ? '' : 's'} rated low confidence (a rounded news figure or a low-quality site)` });
  if (p.derived) out.push({ kind: 'derived', text: 'derived', detail: `computed by airace: ${p.derivation ?? 'from sourced values'}` });
  out.push(...noteCaveats(p.sources));
  if (p.fx) out.push({ kind: 'converted', text: `converted at ${p.fx.rate} ${p.fx.pair}`, detail: `converted at the rate stated for ${p.fx.date}` });
  return out;
}

/** The caveats of one source (a stored fact shown on its own). */
export function sourceCaveats(s: SourceRef): Caveat[] {
  return pointCaveats({ derived: false, derivation: null, fx: null, sources: [s] });
}

/** "low confidence; rounded", for tooltips and CSV cells. */
export function caveatsText(caveats: readonly Caveat[]): string {
  return caveats.map((c) => c.text).join('; ');
}
