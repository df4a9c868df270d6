// `airace events`: the cited timeline of the race, filtered by company, kind and date.
import { dataAsOfEvents, dataAsOfText } from '../../series/data-as-of.js';
import { documentLabel, readAtLabel, VERIFICATION_MARKS } from '../../model/document-label.js';
import type { Command } from 'commander';
import { Option } from 'commander';
import { EVENT_KINDS, eventDocument, type EventKind, type RaceEvent } from '../../model/race-event.js';
import { keyword } from '../../model/keyword.js';
import { listEvents, type EventQuery } from '../../series/events.js';
import { parseDateBound } from '../../series/date-bound.js';
import { EVENT_COLUMNS, eventAmountText, eventJson, eventRows } from '../../views/event-rows.js';
import { textTable } from '../../views/text-table.js';
import { toCsv } from '../../views/csv.js';
import { withStore, type GlobalOptions } from '../cli-context.js';
import { parseList } from '../../model/list-input.js';

interface EventsCliOptions extends GlobalOptions {
  companies?: string;
  kind?: string;
  from?: string;
  to?: string;
  format: string;
}

/** `model,guidance` → checked kinds; an unknown one exits 2 listing the kinds. */
export function parseKinds(list: string | undefined): EventKind[] | undefined {
  const kinds = parseList(list);
  return kinds.length ? kinds.map((k) => keyword(k, 'kind', EVENT_KINDS)) : undefined;
}

export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('the cited timeline of the race: model releases, pledges, guidance changes, policy and market moves')
    .option('-c, --companies <names>', 'tickers, names or aliases of stored companies, or other names (OpenAI, DeepSeek); comma-separated')
    .option('-k, --kind <kinds>', `comma-separated kinds: ${EVENT_KINDS.join(', ')}`)
    .option('--from <date>', 'first date: a year (2025) or a day (2025-02-01)')
    .option('--to <date>', 'last date: a year (2025 = to 2025-12-31) or a day')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (o: EventsCliOptions, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals(), ...o } as EventsCliOptions;
      // Check every option before opening the store, so usage errors never touch the database.
      const query: EventQuery = {
        companies: parseList(opts.companies, { spaces: false }),
        kinds: parseKinds(opts.kind),
        from: opts.from === undefined ? undefined : parseDateBound('from', opts.from),
        to: opts.to === undefined ? undefined : parseDateBound('to', opts.to),
      };
      const events = await withStore(opts, (s) => listEvents(s.db, query));
      if (opts.format === 'json') return void process.stdout.write(JSON.stringify({ dataAsOf: dataAsOfEvents(events), events: events.map(eventJson) }, null, 2) + '\n');
      if (opts.format === 'csv') return void process.stdout.write(toCsv(EVENT_COLUMNS, eventRows(events), dataAsOfEvents(events)));
      if (!events.length) return void process.stdout.write('No events match.\n');
      const docs: RaceEvent[] = [];
      const ref = (e: RaceEvent) => {
        const i = docs.findIndex((d) => d.sourceUrl === e.sourceUrl);
        return (i >= 0 ? i : docs.push(e) - 1) + 1;
      };
      const rows = events.map((e) => [
        e.date,
        e.kind,
        e.companies.map((c) => c.name).join(', '),
        eventAmountText(e) ?? '',
        `${e.title} [${ref(e)}]`,
      ]);
      const table = textTable(['date', 'kind', 'companies', 'amount', 'title'], rows);
      const sources = docs
        .flatMap((e, i) => [`  [${i + 1}] ${documentLabel(eventDocument(e))} · ${VERIFICATION_MARKS[e.verified].mark}: ${e.sourceUrl}`, ...(e.readAt ? [`      ${readAtLabel(e)}: ${e.readAt}`] : [])])
        .join('\n');
      process.stdout.write(`${events.length} events (amounts: the low end of a range; see --format csv for notes)\n\n${table}\n\nSources (where an event was read if elsewhere):\n${sources}\n\n${dataAsOfText(dataAsOfEvents(events))}\n`);
    });
}
