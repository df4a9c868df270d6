// Splits a sentence into clauses, so a claim's words are the clause that states it
// ("to RMB 280.2 billion (US$38.4 billion)") rather than a whole sentence of several claims.
import type { Span } from './claim.js';

/** Clause boundaries: ", " "; " ": " an em dash, or a spaced en dash (an unspaced one is a range: "$91–93"). */
const BOUNDARY = /,\s+|;\s+|:\s+|\s*—\s*|\s+–\s+|\s+--\s+/g;

/** A comma between two capitalised words is a list of names ("Amazon, Microsoft, Google, and Meta"), not a clause break. */
function isListComma(text: string, at: number, after: number): boolean {
  if (text[at] !== ',') return false;
  // Short windows: a name is a word or two, so the look-around never rescans the sentence.
  const before = /([A-Za-z][\w’'.&-]*)\s*$/.exec(text.slice(Math.max(0, at - 40), at));
  const next = /^(?:(?:and|or)\s+)?([A-Za-z][\w’'.&-]*)/.exec(text.slice(after, after + 40));
  return !!before && !!next && /^[A-Z]/.test(before[1]!) && /^[A-Z]/.test(next[1]!);
}

const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

export function splitClauses(masked: string, sentence: Span): Span[] {
  const text = masked.slice(sentence.start, sentence.end);
  const cuts: Array<{ at: number; after: number }> = [];
  let depth = 0;
  let scanned = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const at = m.index;
    for (; scanned < at; scanned++) {
      const ch = text[scanned]!;
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    }
    if (depth > 0) continue;
    const after = at + m[0].length;
    if (isListComma(text, at, after)) continue;
    cuts.push({ at, after });
  }
  let pieces: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const c of cuts) {
    pieces.push({ start: from, end: c.at });
    from = c.after;
  }
  pieces.push({ start: from, end: text.length });
  pieces = pieces.filter((p) => p.end > p.start);

  // A short lead-in with no figure ("In fiscal 2024", "Masayoshi Son") does not stand alone: it joins the next clause.
  const short = (p: { start: number; end: number }) => {
    const words = text.slice(p.start, p.end);
    return wordCount(words) <= 3 && !/[$¥€£%]|\d\s*(?:billion|million|bn)/i.test(words);
  };
  const merged: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = { ...pieces[i]! };
    while (short(p) && i + 1 < pieces.length) p.end = pieces[++i]!.end;
    if (short(p) && merged.length) merged[merged.length - 1]!.end = p.end;
    else merged.push(p);
  }

  return merged.map((p) => {
    let s = p.start;
    let e = p.end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /[\s.!?;,:]/.test(text[e - 1]!)) e--;
    return { start: sentence.start + s, end: sentence.start + e, text: text.slice(s, e) };
  });
}
