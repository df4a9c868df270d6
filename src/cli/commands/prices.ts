// `airace prices`: share prices per listing, in each listing's own currency. `show` (the default)
// prints closes, optionally rebased to 100; `change` a price change over a window; `moves` the
// largest daily moves; `listings` where each company trades and what is stored; `sync` fetches.
import { Option } from '@commander-js/extra-typings';
import type { PriceWindow } from '../../model/price.js';
import { parseDateBound } from '../../series/date-bound.js';
import { getPriceChanges, getSharePrices, listListingCoverage } from '../../series/price-series.js';
import type { DataAsOf } from '../../series/data-as-of.js';
import { getMarketMoves } from '../../series/market-moves.js';
import { formatPrice } from '../../model/format-figure.js';
import { MOVE_COLUMNS, PRICE_CHANGE_COLUMNS, SHARE_PRICE_COLUMNS, formatPriceChange, moveRows, priceChangeRows, sharePriceRows } from '../../views/price-rows.js';
import { textTable } from '../../views/text-table.js';
import { priceDataAsOfText } from '../../chart/specs/price-line.js';
import { toCsv } from '../../views/csv.js';
import { withStore, type GlobalOptions, type Program } from '../cli-context.js';
import { parseList } from '../../model/list-input.js';
import { registerPricesSync } from './prices-sync.js';
import { positiveInt } from '../positive-int.js';
import { InvalidOptionError } from '../../model/errors.js';

const formatOption = () => new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table');


function asOfText(a: DataAsOf): string {
  return `${priceDataAsOfText(a) ?? 'No prices stored yet'}.`;
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function unlistedText(unlisted: { ticker: string; hint: string }[]): string {
  return unlisted.map((u) => `${u.ticker}: no listing stored yet; run \`${u.hint}\``).join('\n');
}

interface ChangeOptions extends GlobalOptions {
  ytd?: boolean;
  days?: string;
  day?: boolean;
  from?: string;
  to?: string;
  date?: string;
  primary?: boolean;
  format: string;
}

/** The window `change` measures: --ytd (default), --days N or --day, as of --date; or --from/--to. */
export function windowOf(o: Pick<ChangeOptions, 'ytd' | 'days' | 'day' | 'from' | 'to' | 'date'>, today = new Date().toISOString().slice(0, 10)): PriceWindow {
  const asOf = o.date === undefined ? today : parseDateBound('to', o.date);
  const chosen = [o.ytd, o.days !== undefined, o.day, o.from !== undefined || o.to !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new InvalidOptionError('window', [o.ytd && '--ytd', o.days !== undefined && '--days', o.day && '--day', (o.from ?? o.to) !== undefined && '--from/--to'].filter(Boolean).join(' '), ['one of --ytd, --days N, --day or --from/--to']);
  if (o.from !== undefined || o.to !== undefined) {
    if (o.from === undefined) throw new InvalidOptionError('from', '(none)', ['a start date with --to']);
    if (o.date !== undefined) throw new InvalidOptionError('date', o.date, ['--to with --from'], '--date sets the end of --ytd, --days and --day; with --from give --to');
    return { kind: 'between', from: parseDateBound('from', o.from), to: o.to === undefined ? today : parseDateBound('to', o.to) };
  }
  if (o.days !== undefined) return { kind: 'days', days: positiveInt('days', o.days), asOf };
  if (o.day) return { kind: 'day', asOf };
  return { kind: 'ytd', asOf };
}

export function registerPrices(program: Program): void {
  const prices = program
    .command('prices')
    .description('share prices per listing (ADR and Hong Kong lines apart), in each listing\'s currency: closes, changes, largest daily moves; `prices sync` fetches them');

  prices
    .command('show', { isDefault: true })
    .description('daily closes per listing (the `share_price` series), or a line rebased to 100 with --rebase')
    .argument('[companies...]', 'companies (all their listings) or listings such as 9988.HK; every listing when omitted')
    .option('--from <date>', 'first day: a year (2025) or YYYY-MM-DD')
    .option('--to <date>', 'last day: a year (2025 = to 2025-12-31) or YYYY-MM-DD')
    .option('--rebase [date]', 'index every line to 100 at the close on or before this day (default: --from)')
    .option('--primary', "only each company's primary listing")
    .addOption(formatOption())
    .action(async (companies, _opts, cmd) => {
      const opts = cmd.optsWithGlobals();
      const from = opts.from === undefined ? undefined : parseDateBound('from', opts.from);
      const to = opts.to === undefined ? undefined : parseDateBound('to', opts.to);
      if (opts.rebase === true && !from) throw new InvalidOptionError('rebase', '(no date)', ['a date such as 2025-01-02', '--from']);
      const rebase = opts.rebase === undefined ? undefined : opts.rebase === true ? from : parseDateBound('from', opts.rebase);
      const r = await withStore(opts, (s) => getSharePrices(s.db, { companies: parseList(companies), from, to, rebase, primaryOnly: opts.primary }));
      if (opts.format === 'json') return print(JSON.stringify(r, null, 2));
      if (opts.format === 'csv') return void process.stdout.write(toCsv(SHARE_PRICE_COLUMNS, sharePriceRows(r)));
      const rows = r.listings.map((s) => {
        const first = s.points[0];
        const last = s.points.at(-1);
        if (!first || !last) return [s.listing, s.name, s.exchange, s.currency, '—', '—', '—', '—', s.missing ? `${s.missing.detail}${s.missing.hint ? `; run \`${s.missing.hint}\`` : ''}` : ''];
        const value = (p: typeof first) => (p.index !== undefined ? p.index.toFixed(1) : formatPrice(p.close, s.currency));
        return [s.listing, s.name, s.exchange, s.currency, `${first.date} ${value(first)}`, `${last.date} ${value(last)}`, formatPriceChange((last.close / first.close - 1) * 100), String(s.points.length), s.source ? `${s.source.provider}, retrieved ${s.source.retrievedAt}` : ''];
      });
      const head = r.rebase ? `Share prices rebased to 100 at the close on or before ${r.rebase}` : 'Share prices (closes in each listing\'s currency)';
      const out = [`${head}. ${asOfText(r.dataAsOf)}`, '', textTable(['listing', 'company', 'exchange', 'currency', 'first', 'last', 'change', 'days', 'source'], rows)];
      if (r.unlisted.length) out.push('', unlistedText(r.unlisted));
      out.push('', 'Every close: --format csv or --format json (with the download URL of each listing).');
      print(out.join('\n'));
    });

  prices
    .command('change')
    .description('the `price_change` series: percent change per listing over a window (year to date by default), from the last close on or before each end')
    .argument('[companies...]', 'companies (all their listings) or listings; every listing when omitted')
    .option('--ytd', 'year to date: from the last close of the previous year (the default)')
    .option('--days <n>', 'over N calendar days')
    .option('--day', 'the session against the one before it ("up 14% on the day")')
    .option('--date <date>', 'the end of the window (default: today, i.e. the latest close)')
    .option('--from <date>', 'between two dates: the start')
    .option('--to <date>', 'between two dates: the end (default: today)')
    .option('--primary', "only each company's primary listing")
    .addOption(formatOption())
    .action(async (companies, _opts, cmd) => {
      const opts = cmd.optsWithGlobals();
      const window = windowOf(opts);
      const r = await withStore(opts, (s) => getPriceChanges(s.db, { companies: parseList(companies), window, primaryOnly: opts.primary }));
      if (opts.format === 'json') return print(JSON.stringify(r, null, 2));
      if (opts.format === 'csv') return void process.stdout.write(toCsv(PRICE_CHANGE_COLUMNS, priceChangeRows(r)));
      const rows = r.listings.map((s) =>
        s.change === null || !s.base || !s.end
          ? [s.listing, s.name, s.currency, '—', '—', '—', `${s.missing?.detail ?? ''}${s.missing?.hint ? `; run \`${s.missing.hint}\`` : ''}`]
          : [s.listing, s.name, s.currency, `${s.base.date} ${formatPrice(s.base.close, s.currency)}`, `${s.end.date} ${formatPrice(s.end.close, s.currency)}`, formatPriceChange(s.change), s.end.date !== s.end.asked ? `last close on or before ${s.end.asked}` : ''],
      );
      const out = [`Price change, ${r.window.label}. ${asOfText(r.dataAsOf)}`, '', textTable(['listing', 'company', 'currency', 'from', 'to', 'change', 'note'], rows)];
      if (r.unlisted.length) out.push('', unlistedText(r.unlisted));
      print(out.join('\n'));
    });

  prices
    .command('moves')
    .description('the largest daily moves per listing (at most --top a year, at least --min percent): the market moves on the timeline')
    .argument('[companies...]', 'companies or listings; every listing when omitted')
    .option('--from <date>', 'first day: a year or YYYY-MM-DD')
    .option('--to <date>', 'last day: a year or YYYY-MM-DD')
    .option('--top <n>', 'moves per listing and year', '3')
    .option('--min <percent>', 'smallest move shown, in percent', '5')
    .addOption(formatOption())
    .action(async (companies, _opts, cmd) => {
      const opts = cmd.optsWithGlobals();
      const min = Number(opts.min);
      if (!Number.isFinite(min) || min < 0) throw new InvalidOptionError('min', opts.min, ['a percentage such as 5']);
      const q = { companies: parseList(companies), from: opts.from === undefined ? undefined : parseDateBound('from', opts.from), to: opts.to === undefined ? undefined : parseDateBound('to', opts.to), top: positiveInt('top', opts.top), minChange: min };
      const moves = await withStore(opts, (s) => getMarketMoves(s.db, q));
      if (opts.format === 'json') return print(JSON.stringify({ moves }, null, 2));
      if (opts.format === 'csv') return void process.stdout.write(toCsv(MOVE_COLUMNS, moveRows(moves)));
      if (!moves.length) return print('No daily move that large in the stored prices (run `airace prices sync` first if none are stored).');
      const rows = moves.map((m) => [m.date, m.listing, m.name, formatPriceChange(m.change), `${formatPrice(m.previousClose, m.currency)} → ${formatPrice(m.close, m.currency)}`, `#${m.rank} of ${m.date.slice(0, 4)}`]);
      print(textTable(['date', 'listing', 'company', 'change', 'close', 'rank'], rows));
    });

  prices
    .command('listings')
    .description('where each company trades (data/listings.csv, reviewed), with the prices stored for each listing')
    .addOption(formatOption())
    .action(async (_opts, cmd) => {
      const opts = cmd.optsWithGlobals();
      const listings = await withStore(opts, (s) => listListingCoverage(s.db));
      if (opts.format === 'json') return print(JSON.stringify({ listings }, null, 2));
      const columns = ['listing', 'ticker', 'name', 'exchange', 'kind', 'currency', 'primary', 'symbol', 'source_kind', 'days', 'first', 'last', 'retrieved_at'];
      const rows = listings.map((l) => [l.listing, l.ticker, l.name, l.exchange, l.kind, l.currency, l.primary ? 'yes' : 'no', l.symbol, l.sourceKind, l.days, l.first, l.last, l.source?.retrievedAt ?? null]);
      if (opts.format === 'csv') return void process.stdout.write(toCsv(columns, rows));
      print(textTable(columns.slice(0, 12), rows.map((r) => r.slice(0, 12).map((c) => (c === null ? '—' : String(c))))));
    });

  registerPricesSync(prices);
}
