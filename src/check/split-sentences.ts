// Splits an article into sentences with their offsets. Works on plain text and markdown:
// headings, list items and blank lines end a sentence; a line wrapped inside a paragraph does not
// (that line structure is ours: ICU knows nothing of markdown). Inside a block, sentences are
// ICU's (Intl.Segmenter), with its breaks after abbreviations ("Feb. 6", "Dr. Who", "Inc. (AMZN)")
// undone. Linear in the text.
import type { Span } from './claim.js';

export interface Sentence extends Span {
  /** Index of the paragraph (block) the sentence is in; context such as "the company" does not cross far. */
  paragraph: number;
}

/** Words before a full stop that do not end a sentence ("U.S.", "Inc.", "Feb."). */
const ABBREVIATIONS = new Set(
  'u.s u.k e.u inc corp co ltd plc mr mrs ms dr prof st vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec no approx est fig calif mass wash'.split(' '),
);

const TERMINAL = /[.!?:;]["'”’)\]]*\s*$/;
const BLOCK_START = /^\s*(?:[-+*]\s|\d+[.)]\s|\||#{1,6}\s|>)/;

/**
 * A line with no closing punctuation whose longer words are mostly capitalised reads as a heading
 * ("Whose Year Is It? Microsoft and the Calendar"), so it does not run into the next line.
 */
function isTitleLike(line: string): boolean {
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 14) return false;
  const long = words.filter((w) => w.replace(/[^A-Za-z]/g, '').length >= 4);
  if (long.length === 0) return true;
  return long.filter((w) => /^["'“‘(]?[A-Z0-9]/.test(w)).length / long.length >= 0.6;
}

/** Offsets where a line break ends a sentence. */
function hardBreaks(original: string): Set<number> {
  const breaks = new Set<number>();
  const lines = original.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const end = offset + line.length;
    if (next !== undefined) {
      const hard =
        line.trim() === '' ||
        next.trim() === '' ||
        BLOCK_START.test(next) ||
        /^\s*#/.test(line) ||
        /^\s*\|/.test(line) ||
        TERMINAL.test(line) ||
        isTitleLike(line);
      if (hard) breaks.add(end);
    }
    offset = end + 1;
  }
  return breaks;
}

/** Whether the hard line break at `i` also ends a paragraph (blank line, heading, or a line that ends a sentence). */
function endsParagraph(original: string, i: number): boolean {
  const line = original.slice(original.lastIndexOf('\n', i - 1) + 1, i);
  const nextEnd = original.indexOf('\n', i + 1);
  const next = original.slice(i + 1, nextEnd === -1 ? undefined : nextEnd);
  if (line.trim() === '' || next.trim() === '' || /^\s*#/.test(line) || isTitleLike(line)) return true;
  return !BLOCK_START.test(next) && TERMINAL.test(line);
}

function endsAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  // Bounded: an abbreviation is a short word, so the look-back never scans a long run of letters.
  while (i >= 0 && dot - i <= 12 && /[A-Za-z.]/.test(text[i]!)) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return true; // an initial: "Jack M. Smith"
  return ABBREVIATIONS.has(word);
}

/** Longest sentence kept whole; longer runs (a pasted table, hostile input) are cut at a space, so per-sentence work stays bounded. */
export const MAX_SENTENCE = 2000;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * @param masked the article with markup masked (same length as the original)
 * @param original the article as given, to see headings and line structure
 */
export function splitSentences(masked: string, original: string = masked): Sentence[] {
  const breaks = [...hardBreaks(original)].sort((a, b) => a - b);
  const out: Sentence[] = [];
  let paragraph = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(masked[s]!)) s++;
    while (e > s && /\s/.test(masked[e - 1]!)) e--;
    for (let a = s; a < e; ) {
      let b = Math.min(e, a + MAX_SENTENCE);
      if (b < e) {
        const space = masked.lastIndexOf(' ', b);
        if (space > a) b = space;
      }
      let ts = a;
      while (ts < b && /\s/.test(masked[ts]!)) ts++;
      if (b > ts) out.push({ start: ts, end: b, text: masked.slice(ts, b), paragraph });
      a = b;
    }
  };
  let blockStart = 0;
  for (const blockEnd of [...breaks, masked.length]) {
    // Inside a block, ICU's sentence rules (Intl.Segmenter); a break after an abbreviation or an initial is undone.
    // A line wrapped inside the block is a space to ICU (it would end a sentence at every line feed).
    let from = blockStart;
    for (const piece of segmenter.segment(masked.slice(blockStart, blockEnd).replace(/\n/g, ' '))) {
      const end = blockStart + piece.index + piece.segment.length;
      const trimmed = piece.segment.trimEnd();
      const last = blockStart + piece.index + trimmed.length - 1;
      if (end < blockEnd && masked[last] === '.' && endsAbbreviation(masked, last)) continue;
      push(from, end);
      from = end;
    }
    if (from < blockEnd) push(from, blockEnd);
    if (blockEnd < masked.length && endsParagraph(original, blockEnd)) paragraph++;
    blockStart = blockEnd + 1;
  }
  return out;
}
