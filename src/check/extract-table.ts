// Tables in an article: markdown tables ("| Segment | 2023 | 2024 |" over "|---|---|---|") and
// plain-text tables whose columns are aligned with spaces or tabs (pasted from a PDF, a working
// paper or a terminal, often indented like code: a header row "Firm   CY2023   CY2024", rows
// "Amazon   52.7   83.0", a caption line above). A cell holds only a number, so what it is about
// comes from its row's first cell (the company or segment), its column's header (the period, or a
// company in a table laid out the other way), the table's caption (the line just above: "### Segment
// revenue ($bn)", "Table 2. Capital expenditure, USD billions") and the header row; the unit of bare
// numbers ("90.8") comes from the caption or the headers ("($bn)", "RMB bn", "in billions of
// dollars", "per cent"), never guessed.
// A plain-text row is a line that splits at tabs or runs of two or more spaces into a label and cells
// that are all values (numbers, "n/a", "—"), so prose (whose cells would be words), list items and
// code (JSON's cells are quoted keys and braces) are never read as one; its header is the line
// above, and the header's columns are matched to the rows' by where they stand on the line.
// Hand-written: the rows are lines of the article, and every cell keeps its offsets in the input.
// Linear in the text: each line is split once.
import type { Quantity, Span } from './claim.js';
import { extractMoney, writtenFigure } from './extract-money.js';

export interface TableCell extends Span {
  /** Column number, 0 for the row's first cell. */
  column: number;
}

export interface TableRow extends Span {
  cells: TableCell[];
}

export interface TableUnit {
  currency: string;
  scale: number;
  words: string;
}

export interface ArticleTable {
  /** `markdown`: "| a | b |" rows over a "|---|" line; `text`: columns aligned with spaces or tabs. */
  layout: 'markdown' | 'text';
  header: TableRow;
  rows: TableRow[];
  /** The line just above the table (a heading, a bold line, "Table 2. ..."), if it is short enough to be its title. */
  caption: Span | null;
  /** The unit bare numbers are in, from the caption or the header ("($bn)"), or null when neither says. */
  unit: TableUnit | null;
  /** The caption or the header says bare numbers are per cent ("per cent", "(%)"). */
  percent: boolean;
}

const ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const MAX_CAPTION = 200;

const CURRENCY: Record<string, string> = { 'us$': 'USD', $: 'USD', usd: 'USD', dollars: 'USD', 'us dollars': 'USD', rmb: 'CNY', cny: 'CNY', yuan: 'CNY', '¥': 'CNY', 'hk$': 'HKD', hkd: 'HKD' };
const SCALE: Record<string, number> = { bn: 1e9, b: 1e9, billion: 1e9, billions: 1e9, mn: 1e6, m: 1e6, million: 1e6, millions: 1e6, tn: 1e12, trillion: 1e12, trillions: 1e12 };
/** "$bn", "US$ billions", "RMB bn", "(in $ millions)": a currency, then a scale. */
const UNIT_SYMBOL = /(?<cur>US\$|HK\$|\$|RMB|CNY|USD|HKD|¥)\s?(?<sc>bn|billions?|mn|millions?|tn|trillions?|b|m)\b/i;
/** "billions of dollars", "in billions of yuan". */
const UNIT_WORDS = /\b(?<sc>billions?|millions?|trillions?)\s+of\s+(?<cur>US\s+dollars|dollars|yuan|RMB)\b/i;

export function unitIn(words: string): TableUnit | null {
  const m = UNIT_SYMBOL.exec(words) ?? UNIT_WORDS.exec(words);
  if (!m) return null;
  const currency = CURRENCY[m.groups!.cur!.toLowerCase().replace(/\s+/g, ' ')];
  const scale = SCALE[m.groups!.sc!.toLowerCase()];
  return currency && scale ? { currency, scale, words: m[0] } : null;
}

function splitRow(line: string, offset: number): TableRow {
  const cells: TableCell[] = [];
  const first = line.indexOf('|');
  const last = line.lastIndexOf('|');
  let from = first + 1;
  let column = 0;
  for (let i = from; i <= last; i++) {
    if (line[i] !== '|' || line[i - 1] === '\\') continue;
    let s = from;
    let e = i;
    while (s < e && /\s/.test(line[s]!)) s++;
    while (e > s && /\s/.test(line[e - 1]!)) e--;
    cells.push({ start: offset + s, end: offset + e, text: line.slice(s, e), column: column++ });
    from = i + 1;
  }
  return { start: offset + first, end: offset + last + 1, text: line.slice(first, last + 1), cells };
}

interface Line {
  text: string;
  start: number;
}

/** A list item ("- ", "* ", "1. ", "a) "), a quote or a code fence: never a table's row. */
const NOT_A_ROW = /^\s*(?:[-+*•]\s|\d{1,3}[.)]\s|[a-z][.)]\s|>|```|~~~)/i;
/** A cell that is a value: a number or a range (hedged, signed, bracketed as negative, with a currency, a scale or "%", a footnote mark), or "n/a", "—". */
const VALUE_CELL = /^(?:(?:~|≈|c\.\s?)?[-−–+(]?(?:US\$|HK\$|\$|RMB\s?|¥)?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s?[–-]\s?\d{1,3}(?:,\d{3})*(?:\.\d+)?)?\+?\)?\s?(?:%|pp|x|bn|mn|tn|b|m|billion|million)?[*†‡]?|n\/?a|n\.a\.|n\.m\.|nm|na|—|–|-|\.\.|…)$/i;
/** A rule under a header: "-----   -----", "=====". */
const RULE = /^\s*[-=_─━]{3,}(?:\s+[-=_─━]{3,})*\s*$/;
/** "2023", "FY2026": a header's number is a year, never a value. */
const YEARISH = /^(?:19|20)\d{2}[EF]?$/;
const MAX_CELLS = 24;
const MAX_LABEL = 60;
const PLACING_ROWS = 20;

const leadingTabs = (text: string) => /^ *(\t*)/.exec(text)![1]!.length;

/** The cells of a line split at tabs or at runs of two or more spaces; an empty first cell when the line opens with more tabs than `indent` (the rows' indentation). */
function splitAligned(line: Line, indent = leadingTabs(line.text)): TableCell[] {
  const cells: TableCell[] = [];
  const re = /[^\t ]+(?: [^\t ]+)*/g;
  const text = line.text;
  if (leadingTabs(text) > indent) cells.push({ start: line.start, end: line.start, text: '', column: 0 });
  for (const m of text.matchAll(re)) {
    cells.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, text: m[0], column: cells.length });
    if (cells.length > MAX_CELLS) break;
  }
  return cells;
}

/** The cells of a plain-text data row, or null when the line is not one: a label, then values only. */
function dataRow(line: Line): TableCell[] | null {
  if (line.text.includes('|') || NOT_A_ROW.test(line.text) || !/ {2}|\t/.test(line.text.trim())) return null;
  const cells = splitAligned(line);
  if (cells.length < 2 || cells.length > MAX_CELLS) return null;
  const [label, ...values] = cells;
  // The label names a company, a segment or a period ("2024" in a table laid out the other way).
  if (!(/[A-Za-z]/.test(label!.text) || YEARISH.test(label!.text)) || label!.text.length > MAX_LABEL || /^["'{[<(]/.test(label!.text)) return null;
  if (!values.every((c) => VALUE_CELL.test(c.text))) return null;
  // Years only ("Firm  2023  2024"): a header, not a row of values.
  if (values.every((c) => YEARISH.test(c.text))) return null;
  return values.some((c) => /\d/.test(c.text)) ? cells : null;
}

/** A header line's cells, its columns numbered as the rows' (the rows' first cell is column 0). */
function headerRow(line: Line, rows: TableRow[]): TableCell[] | null {
  if (line.text.includes('|') || NOT_A_ROW.test(line.text) || RULE.test(line.text)) return null;
  const cells = splitAligned(line, leadingTabs(rows[0]!.text));
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  // The first rows are enough to place the header's columns (and keep the work per table bounded).
  const placing = rows.slice(0, PLACING_ROWS);
  if (cells.length < 1 || cells.length > width || cells.some((c) => c.text.length > MAX_CAPTION) || /^["'{[<]/.test(cells.find((c) => c.text)?.text ?? '')) return null;
  // A header names things: words or periods, never plain values other than years.
  if (cells.some((c) => c.text && VALUE_CELL.test(c.text) && !YEARISH.test(c.text))) return null;
  // It heads at least one column of values.
  if (cells.length === width) return cells.slice(1).some((c) => c.text) ? cells : null;
  // Fewer cells than the rows: with tabs an empty corner ("\t2023\t2024") is already a cell, so the count must match;
  // with spaces each header cell goes to the column whose cells it overlaps most on the line (else the nearest).
  if (line.text.includes('\t')) return null;
  const out: TableCell[] = [];
  let last = -1;
  for (const c of cells) {
    const from = c.start - line.start;
    const to = c.end - line.start;
    let best = -1;
    let bestScore = -Infinity;
    for (let col = last + 1; col < width; col++) {
      let score = 0;
      for (const r of placing) {
        const cell = r.cells[col];
        if (!cell) continue;
        const s = cell.start - r.start;
        const e = cell.end - r.start;
        const overlap = Math.min(e, to) - Math.max(s, from);
        score += overlap > 0 ? overlap : -Math.min(Math.abs(s - to), Math.abs(from - e)) / 1000;
      }
      if (score > bestScore) ((bestScore = score), (best = col));
    }
    if (best < 0) return null;
    last = best;
    out.push({ ...c, column: best });
  }
  if (!out.some((c) => c.column > 0 && c.text)) return null;
  if (out[0]!.column !== 0) out.unshift({ start: line.start, end: line.start, text: '', column: 0 });
  return out;
}

/** The caption: the nearest line above `i` (one blank line at most between), short and not a row. */
function captionAbove(lines: Line[], i: number): Span | null {
  let k = i - 1;
  while (k >= 0 && k >= i - 2 && lines[k]!.text.trim() === '') k--;
  const above = k >= 0 && k >= i - 2 && lines[k]!.text.trim() !== '' ? lines[k]! : null;
  if (!above || above.text.trim().length > MAX_CAPTION || ROW.test(above.text) || RULE.test(above.text) || /^\s*(?:```|~~~)/.test(above.text)) return null;
  return { start: above.start, end: above.start + above.text.length, text: above.text };
}

const PERCENT_WORDS = /\bper\s?cent\b|\bpercent(?:age)?\b|%/i;
export const percentIn = (words: string) => PERCENT_WORDS.test(words);

function table(layout: ArticleTable['layout'], header: TableRow, rows: TableRow[], caption: Span | null): ArticleTable {
  const unit = unitIn(caption?.text ?? '') ?? unitIn(header.text);
  return { layout, header, rows, caption, unit, percent: percentIn(caption?.text ?? '') || percentIn(header.cells.find((c) => c.column === 0)?.text ?? '') };
}

const rowOf = (line: Line, cells: TableCell[]): TableRow => ({ start: line.start, end: line.start + line.text.length, text: line.text, cells });

/** The plain-text table whose header is line `i`, or null: a header line, then rows (a rule line between is allowed). */
function textTableAt(lines: Line[], i: number): { table: ArticleTable | null; next: number } {
  let j = i + 1;
  if (j < lines.length && RULE.test(lines[j]!.text)) j++;
  const rows: TableRow[] = [];
  for (; j < lines.length; j++) {
    const cells = dataRow(lines[j]!);
    if (!cells) break;
    rows.push(rowOf(lines[j]!, cells));
  }
  // Without a header the rows are no table; none of them can head another (a header holds no values), so the scan goes on after them.
  const header = rows.length > 0 ? headerRow(lines[i]!, rows) : null;
  return { table: header ? table('text', rowOf(lines[i]!, header), rows, captionAbove(lines, i)) : null, next: Math.max(j, i + 1) };
}

/** The tables in `text` (markdown and plain-text), in text order, with offsets into it. */
export function findTables(text: string): ArticleTable[] {
  const tables: ArticleTable[] = [];
  const lines: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start });
    if (nl === -1) break;
    start = nl + 1;
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    if (ROW.test(lines[i]!.text) && SEPARATOR.test(lines[i + 1]!.text) && lines[i + 1]!.text.includes('-')) {
      const header = splitRow(lines[i]!.text, lines[i]!.start);
      const rows: TableRow[] = [];
      let j = i + 2;
      for (; j < lines.length && ROW.test(lines[j]!.text); j++) rows.push(splitRow(lines[j]!.text, lines[j]!.start));
      tables.push(table('markdown', header, rows, captionAbove(lines, i)));
      i = j - 1;
      continue;
    }
    // A plain-text table's header is followed by a data row; testing the next line first keeps each line's split to once or twice.
    if (!lines[i]!.text.trim() || !(dataRow(lines[i + 1]!) || (RULE.test(lines[i + 1]!.text) && i + 2 < lines.length && dataRow(lines[i + 2]!)))) continue;
    const found = textTableAt(lines, i);
    if (found.table) tables.push(found.table);
    i = found.next - 1;
  }
  return tables;
}

/** A cell that is only a number, perhaps hedged or signed, perhaps with "%": "90.8", "~175", "1,017", "-4.2", "(3.1)", "18.3%". */
const BARE_CELL = /^(?<lead>\s*(?:(?:up|down)\s+)?(?<hedge>~|≈|about\s+|c\.\s*)?(?<sign>[-−–+(])?)(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?[–-]\s?(?<high>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?(?<plus>\+)?\)?\s*(?<pct>%)?[*†‡]?(?:\s+(?:y\/y|yoy|q\/q|qoq|year[- ]on[- ]year))?\s*$/i;

/**
 * The figure a cell states: money written with its currency, or a bare number in the unit given
 * (`percent` for a column of per cents, else the table's money unit). A sign or brackets make it negative.
 */
export function cellQuantity(cell: TableCell, masked: string, unit: TableUnit | 'percent' | null): Quantity | null {
  const money = extractMoney(masked, cell.start, cell.end);
  if (money.length === 1) return money[0]!;
  if (money.length > 1) return null;
  const m = BARE_CELL.exec(masked.slice(cell.start, cell.end));
  if (!m) return null;
  const percent = m.groups!.pct !== undefined || unit === 'percent';
  if (!percent && !unit) return null;
  const digits = m.groups!.n!;
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  const start = cell.start + m.groups!.lead!.length;
  const hedge = m.groups!.hedge?.trim() ?? null;
  const negative = m.groups!.sign !== undefined && m.groups!.sign !== '+';
  const scale = percent ? 1 : (unit as TableUnit).scale;
  const value = Number(digits.replace(/,/g, '')) * scale * (negative ? -1 : 1);
  // "195–205": a range; "720+": at least that much.
  const high = m.groups!.high ? Number(m.groups!.high.replace(/,/g, '')) * scale : null;
  if (high !== null && (negative || high <= value)) return null;
  const written = high !== null ? m[0].trim().replace(/[*†‡%)]+$/, '').slice(m.groups!.lead!.trim().length).replace(/\+$/, '') : digits;
  return {
    ...writtenFigure(percent ? 'percent' : 'money', start, start + written.length, written, decimals, scale),
    value,
    high,
    unit: percent ? 'percent' : (unit as TableUnit).currency,
    bound: high !== null ? 'range' : m.groups!.plus ? 'lower' : hedge ? 'approx' : 'exact',
    hedge,
  };
}
