// Parses the price source's daily CSV (Stooq's format: Date,Open,High,Low,Close,Volume, oldest
// first, ISO dates) into daily prices, or refuses the whole response with a PriceDataError that
// names the symbol and line. The source answers 200 for everything, so its other answers are
// recognised here: "No data" (an unknown symbol), "Exceeded the daily hits limit", an HTML page.
// Columns are found by name (Volume is absent for indices; extra columns are ignored).
import { parse } from 'csv-parse/sync';
import type { DailyPrice } from '../../model/price.js';
import { PriceDataError } from './price-data-error.js';

const REQUIRED = ['date', 'close'] as const;
const OPTIONAL = ['open', 'high', 'low', 'volume'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** The first few characters of a body, on one line, for a message. */
function head(text: string, n = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

function isoDate(raw: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

export function parseDailyPriceCsv(body: Buffer | string, symbol: string): DailyPrice[] {
  let text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const fail = (problem: ConstructorParameters<typeof PriceDataError>[0], line: number, reason: string) => new PriceDataError(problem, symbol, line, reason);

  const trimmed = text.trim();
  if (!trimmed) throw fail('empty', 1, 'empty response: no header and no prices');
  if (/^no data\b/i.test(trimmed)) throw fail('unknown-symbol', 1, `unknown symbol: the price source answered "${head(trimmed)}" (check the symbol in data/listings.csv)`);
  if (/exceeded the daily hits limit/i.test(trimmed.slice(0, 200))) {
    throw fail('quota', 1, `the price source's daily request limit is used up ("${head(trimmed)}"); try again tomorrow`);
  }
  if (/^<(!doctype|html|head|body|\?xml)/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    throw fail('html', 1, `an HTML page instead of CSV${title ? ` ("${head(title)}")` : ` (starts "${head(trimmed)}")`}`);
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw fail('row', err.lines ?? 1, `not valid CSV: ${err.message}`);
  }

  const [header, ...rows] = records;
  const names = header!.record.map((h) => h.toLowerCase());
  const at = new Map<Column, number>();
  for (const c of [...REQUIRED, ...OPTIONAL]) {
    const i = names.indexOf(c);
    if (i >= 0) at.set(c, i);
  }
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (missing.length) {
    throw fail('header', header!.info.lines, `expected the header Date,Open,High,Low,Close,Volume but got "${head(header!.record.join(','))}" (no ${missing.map((c) => c[0]!.toUpperCase() + c.slice(1)).join(' or ')} column)`);
  }
  if (!rows.length) throw fail('empty', header!.info.lines, 'the response has a header but no prices');

  const prices: DailyPrice[] = [];
  let previous: { date: string; line: number } | null = null;
  rows.forEach(({ record, info }, i) => {
    const line = info.lines;
    if (record.length !== names.length) {
      const last = i === rows.length - 1;
      if (last && record.length < names.length) {
        throw fail('truncated', line, `the file ends inside a row: ${record.length} of ${names.length} fields ("${head(record.join(','))}"); the download was cut short`);
      }
      throw fail('row', line, `${record.length} fields where the header has ${names.length} ("${head(record.join(','))}")`);
    }
    const field = (c: Column) => (at.has(c) ? record[at.get(c)!]! : '');
    const date = isoDate(field('date'));
    if (!date) throw fail('row', line, `not a date: "${head(field('date'), 20)}" (expected YYYY-MM-DD)`);
    if (previous && date <= previous.date) {
      throw fail('order', line, date === previous.date ? `date ${date} appears twice (also line ${previous.line})` : `date ${date} is out of order: line ${previous.line} is already ${previous.date} (dates must ascend)`);
    }
    previous = { date, line };
    const number = (c: Column, required: boolean): number | null => {
      const raw = field(c);
      if (raw === '' || (!required && /^(n\/a|-)$/i.test(raw))) {
        if (required) throw fail('row', line, `${c}: a number is required`);
        return null;
      }
      const n = Number(raw);
      if (!Number.isFinite(n)) throw fail('row', line, `${c}: not a number: "${head(raw, 20)}"`);
      if (n < 0) throw fail('negative', line, `negative ${c === 'volume' ? 'volume' : `${c} price`} ${raw} on ${date}`);
      return n;
    };
    const close = number('close', true)!;
    if (close === 0) throw fail('negative', line, `close price of zero on ${date}`);
    prices.push({ date, open: number('open', false), high: number('high', false), low: number('low', false), close, volume: number('volume', false) });
  });
  return prices;
}
