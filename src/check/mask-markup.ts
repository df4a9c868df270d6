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

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

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

function blankRanges(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + blank(text.slice(s, e));
    at = e;
  }
  return out + text.slice(at);
}

export function maskMarkup(text: string): string {
  let out = text.replace(FRONT_MATTER, blank);
  // "](target)": the "]" stays, the target goes.
  out = blankRanges(out, linkTargets(out));
  out = out.replace(URL_PATTERN, blank);
  out = blankRanges(out, htmlTags(out));
  out = out.replace(INLINE_MARKS, blank);
  // Keep `[` and `]` of link texts from gluing words: they become spaces too.
  out = out.replace(/[[\]]/g, ' ');
  return out;
}
