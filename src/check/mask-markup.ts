// Markdown syntax and URLs are not prose: a link target such as ".../2025/02/..." must not read as
// "in 2025". Masking replaces them with spaces of the same length, so every offset found in the
// masked text still points at the same words in the original.

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s)\]>]+/g;
/** The target of a markdown link or image: the `(...)` right after `]`. */
const LINK_TARGET = /\]\([^)\s]*(?:\s+"[^"]*")?\)/g;
const HTML_TAG = /<\/?[a-zA-Z][^>\n]*>/g;
/** Emphasis, code and heading markers; `#` only at a line start, so "#1" in prose stays. */
const INLINE_MARKS = /[*_`]+|^[ \t]*#{1,6}(?=\s)|^[ \t]*>+/gm;
/** YAML front matter (`---` ... `---` at the very top). */
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/;

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

export function maskMarkup(text: string): string {
  let out = text.replace(FRONT_MATTER, blank);
  out = out.replace(LINK_TARGET, (m) => ']' + blank(m.slice(1)));
  out = out.replace(URL_PATTERN, blank);
  out = out.replace(HTML_TAG, blank);
  out = out.replace(INLINE_MARKS, blank);
  // Keep `[` and `]` of link texts from gluing words: they become spaces too.
  out = out.replace(/[[\]]/g, ' ');
  return out;
}
