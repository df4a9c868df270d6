// Splits an article into sentences with their offsets. Works on plain text and markdown:
// headings, list items and blank lines end a sentence; a line wrapped inside a paragraph does not.
import type { Span } from './claim.js';

export interface Sentence extends Span {
  /** Index of the paragraph (block) the sentence is in; context such as "the company" does not cross far. */
  paragraph: number;
}

/** Words before a full stop that do not end a sentence ("U.S.", "Inc.", "Feb."). */
const ABBREVIATIONS = new Set(
  'u.s u.k e.u inc corp co ltd plc mr mrs ms dr prof st vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec no approx est fig'.split(' '),
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
  while (i >= 0 && /[A-Za-z.]/.test(text[i]!)) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return true; // an initial: "Jack M. Smith"
  return ABBREVIATIONS.has(word);
}

/**
 * @param masked the article with markup masked (same length as the original)
 * @param original the article as given, to see headings and line structure
 */
export function splitSentences(masked: string, original: string = masked): Sentence[] {
  const breaks = hardBreaks(original);
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(masked[s]!)) s++;
    while (e > s && /\s/.test(masked[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: masked.slice(s, e), paragraph });
    start = end;
  };
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i]!;
    if (ch === '\n' && breaks.has(i)) {
      push(i);
      if (endsParagraph(original, i)) paragraph++;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < masked.length && /["'”’)\]]/.test(masked[j]!)) j++;
    if (j < masked.length && !/[ \t\n]/.test(masked[j]!)) continue;
    let k = j;
    while (k < masked.length && /\s/.test(masked[k]!)) k++;
    if (k >= masked.length) continue;
    if (!/[A-Z0-9"“‘'$¥€£(]/.test(masked[k]!)) continue;
    if (ch === '.' && endsAbbreviation(masked, i)) continue;
    push(j);
  }
  push(masked.length);
  return out;
}
