// Markdown tables ("| Segment | 2023 | 2024 |" over "|---|---|---|"): a cell holds only a number, so
// what it is about comes from its row's first cell (the company or segment), its column's header
// (the period, or a company in a table laid out the other way), the table's caption (the line just
// above: "### Segment revenue ($bn)") and the header row; the unit of bare numbers ("90.8") comes
// from the caption or the headers ("($bn)", "RMB bn", "in billions of dollars"), never guessed.
// Hand-written: the rows are lines of the article, and every cell keeps its offsets in the input.
// Linear in the text: each line is split once.
import type { Quantity, Span } from './claim.js';
import { extractMoney } from './extract-money.js';

export interface TableCell extends Span {
  /** Column number, 0 for the row's first cell. */
  column: number;
}

export interface TableRow extends Span {
  cells: TableCell[];
}

export interface MarkdownTable {
  header: TableRow;
  rows: TableRow[];
  /** The line just above the table (a heading or a bold line), if it is short enough to be its title. */
  caption: Span | null;
  /** The unit bare numbers are in, from the caption or the header ("($bn)"), or null when neither says. */
  unit: { currency: string; scale: number; words: string } | null;
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
/** A cell that is only a number, perhaps hedged: "90.8", "~175", "1,017". */
const BARE_NUMBER = /^(?<lead>\s*(?<hedge>~|≈|about\s+|c\.\s*)?)(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*$/i;

function unitIn(words: string): MarkdownTable['unit'] {
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

/** The markdown tables in `text`, with offsets into it. */
export function findTables(text: string): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  const lines: Array<{ text: string; start: number }> = [];
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end), start });
    if (nl === -1) break;
    start = nl + 1;
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!ROW.test(lines[i]!.text) || !SEPARATOR.test(lines[i + 1]!.text) || !lines[i + 1]!.text.includes('-')) continue;
    const header = splitRow(lines[i]!.text, lines[i]!.start);
    const rows: TableRow[] = [];
    let j = i + 2;
    for (; j < lines.length && ROW.test(lines[j]!.text); j++) rows.push(splitRow(lines[j]!.text, lines[j]!.start));
    let k = i - 1;
    while (k >= 0 && lines[k]!.text.trim() === '') k--;
    const above = k >= 0 && k >= i - 2 ? lines[k]! : null;
    const caption = above && above.text.trim().length <= MAX_CAPTION && !ROW.test(above.text) ? { start: above.start, end: above.start + above.text.length, text: above.text } : null;
    tables.push({ header, rows, caption, unit: unitIn(caption?.text ?? '') ?? unitIn(header.text) });
    i = j - 1;
  }
  return tables;
}

/** The money figure a cell states: written with its currency, or a bare number in the table's unit. */
export function cellQuantity(cell: TableCell, masked: string, unit: MarkdownTable['unit']): Quantity | null {
  const money = extractMoney(masked, cell.start, cell.end);
  if (money.length === 1) return money[0]!;
  if (money.length > 1 || !unit) return null;
  const m = BARE_NUMBER.exec(masked.slice(cell.start, cell.end));
  if (!m) return null;
  const digits = m.groups!.n!;
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  const start = cell.start + m.groups!.lead!.length;
  const hedge = m.groups!.hedge?.trim() ?? null;
  return {
    start,
    end: start + digits.length,
    text: digits,
    kind: 'money',
    value: Number(digits.replace(/,/g, '')) * unit.scale,
    high: null,
    unit: unit.currency,
    bound: hedge ? 'approx' : 'exact',
    hedge,
    negated: false,
    shortOf: false,
    precision: 0.5 * 10 ** -decimals * unit.scale,
    direction: null,
    decimals,
    scale: unit.scale,
    perYear: false,
  };
}
