// Markdown syntax and URLs are not prose: a link target such as ".../2025/02/..." must not read as
// "in 2025". Masking replaces them with spaces of the same length, so every offset found in the
// masked text still points at the same words in the original. Link targets and HTML tags are found
// by a scan that never looks at a character twice (a regex such as `\]\([^)\s]*\)` backtracks over
// every unclosed `[a](` and takes time growing with the square of the input).

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s)\]>]+/g;
/** Emphasis, code and heading markers; `#` only at a line start, so "#1" in prose stays. */
const INLINE_MARKS = /[*_`]+|^[ \t]*#{1,6}(?=\s)|^[ \t]*>+/gm;
/** YAML front matter (`---` ... `---` at the very top). */
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/;

/** Offsets [start, end) of markdown link targets `](url "title")`, scanning once. */
function linkTargets(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = text.indexOf('](');
  while (i >= 0) {
    let j = i + 2;
    while (j < text.length && text[j] !== ')' && !/\s/.test(text[j]!)) j++;
    if (j < text.length && /[ \t]/.test(text[j]!)) {
      // An optional title: spaces, then "...", then ")", on the same line.
      let k = j;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
      if (text[k] === '"') {
        const close = text.indexOf('"', k + 1);
        const eol = text.indexOf('\n', k + 1);
        if (close > 0 && (eol < 0 || close < eol) && text[close + 1] === ')') j = close + 1;
      }
    }
    if (text[j] === ')') out.push([i + 1, j + 1]);
    // Every "](" before j would stop where this one stopped: continue after it.
    i = text.indexOf('](', Math.max(j, i + 2));
  }
  return out;
}

/** Offsets of HTML tags `<tag ...>` on one line, scanning once. */
function htmlTags(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = text.indexOf('<');
  while (i >= 0) {
    const first = text[i + 1] === '/' ? i + 2 : i + 1;
    if (!/[a-zA-Z]/.test(text[first] ?? '')) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    let j = first;
    while (j < text.length && text[j] !== '>' && text[j] !== '\n' && text[j] !== '<') j++;
    if (text[j] === '>') out.push([i, j + 1]);
    i = text.indexOf('<', text[j] === '<' ? j : j + 1);
  }
  return out;
}

/**
 * The text with every marked character (but line breaks) turned into a space, built in one pass:
 * a regex `replace` with a match per character slows down on long inputs.
 */
function applyMask(text: string, mask: Uint8Array): string {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let j = i;
    if (mask[i]) {
      while (j < text.length && mask[j] && text[j] !== '\n') j++;
      if (j === i) {
        parts.push('\n');
        j = i + 1;
      } else parts.push(' '.repeat(j - i));
    } else {
      while (j < text.length && !mask[j]) j++;
      parts.push(text.slice(i, j));
    }
    i = j;
  }
  return parts.join('');
}

export function maskMarkup(text: string): string {
  const mask = new Uint8Array(text.length);
  const mark = (start: number, end: number) => mask.fill(1, start, end);
  const front = FRONT_MATTER.exec(text);
  if (front) mark(0, front[0].length);
  // "](target)": the "]" stays (it becomes a space below, like every bracket), the target goes.
  for (const [start, end] of linkTargets(text)) mark(start, end);
  for (const m of text.matchAll(URL_PATTERN)) mark(m.index, m.index + m[0].length);
  for (const [start, end] of htmlTags(text)) mark(start, end);
  for (const m of text.matchAll(INLINE_MARKS)) mark(m.index, m.index + m[0].length);
  // Keep `[` and `]` of link texts from gluing words: they become spaces too.
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) mask[i] = 1;
  for (let i = text.indexOf(']'); i >= 0; i = text.indexOf(']', i + 1)) mask[i] = 1;
  return applyMask(text, mask);
}
