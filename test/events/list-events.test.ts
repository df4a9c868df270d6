// listEvents: the one query behind `airace events`, chart annotations and the events API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { listEvents } from '../../src/series/events.js';
import { parseDateBound } from '../../src/series/date-bound.js';
import { eventRows, EVENT_COLUMNS, eventJson } from '../../src/views/event-rows.js';
import { bundledStore } from '../helpers/bundled-store.js';
import { csvEvents, namesOf } from './events-csv-file.js';

let store: Store;
beforeAll(async () => {
  store = await bundledStore();
});
afterAll(() => store.close());

const idsOf = (events: { id: string }[]) => events.map((e) => e.id);

describe('listEvents', () => {
  it('returns every event in date order', async () => {
    const all = await listEvents(store.db);
    expect(all).toHaveLength(csvEvents.length);
    expect(all.map((e) => e.date)).toEqual([...csvEvents.map((e) => e.date)].sort());
  });

  it('links names that are stored companies to their ticker and keeps the rest as plain names', async () => {
    const [apple] = await listEvents(store.db, { ids: ['2025-02-13-partnership-baba'] });
    expect(apple!.companies).toEqual([
      { name: 'BABA', ticker: 'BABA' },
      { name: 'AAPL', ticker: null },
    ]);
    const [stargate] = await listEvents(store.db, { ids: ['2025-01-21-commitment-openai'] });
    expect(stargate!.companies.every((c) => c.ticker === null)).toBe(true);
  });

  it('finds a stored company by ticker, name or alias, and other companies by name', async () => {
    const expected = csvEvents.filter((e) => namesOf(e).includes('GOOGL')).length;
    for (const q of ['GOOGL', 'Alphabet', 'google']) expect(await listEvents(store.db, { companies: [q] })).toHaveLength(expected);
    const openai = await listEvents(store.db, { companies: ['openai'] });
    expect(openai).toHaveLength(csvEvents.filter((e) => namesOf(e).includes('OpenAI')).length);
    expect(openai.every((e) => e.companies.some((c) => c.name === 'OpenAI'))).toBe(true);
  });

  it('stands a group for its members', async () => {
    const members = ['AMZN', 'MSFT', 'GOOGL', 'META'];
    const group = await listEvents(store.db, { companies: ['GROUP4'] });
    expect(group).toHaveLength(csvEvents.filter((e) => namesOf(e).some((n) => members.includes(n))).length);
  });

  it('filters by kind and by dates', async () => {
    const feb = await listEvents(store.db, { kinds: ['guidance', 'commitment'], from: parseDateBound('from', '2025-02-01'), to: parseDateBound('to', '2025-02-28') });
    const expected = csvEvents.filter((e) => ['guidance', 'commitment'].includes(e.kind) && e.date >= '2025-02-01' && e.date <= '2025-02-28');
    expect(idsOf(feb).sort()).toEqual(expected.map((e) => `${e.date}-${e.kind}-${namesOf(e)[0]!.toLowerCase()}`).sort());
  });

  it('rejects a company nobody knows, listing stored tickers and event names', async () => {
    await expect(listEvents(store.db, { companies: ['Nokia'] })).rejects.toThrow(/unknown company: Nokia \(valid: .*AMZN.*DeepSeek.*OpenAI/);
  });
});

describe('parseDateBound', () => {
  it.each([
    ['from', '2025', '2025-01-01'],
    ['to', '2025', '2025-12-31'],
    ['to', '2025-02-28', '2025-02-28'],
  ] as const)('%s %s → %s', (option, input, expected) => expect(parseDateBound(option, input)).toBe(expected));

  it.each(['2025-02', '2025-02-30', 'last year'])('rejects %s', (input) => {
    expect(() => parseDateBound('from', input)).toThrow(/^invalid from: .* \(expected a year such as 2025 or a date such as 2025-02-24\)/);
  });
});

describe('event rows', () => {
  it('maps events to CSV rows and JSON with the file’s figures', async () => {
    const events = await listEvents(store.db, { ids: ['2025-01-27-market-nvda'] });
    const [row] = eventRows(events);
    const csv = csvEvents.find((e) => e.date === '2025-01-27' && e.kind === 'market')!;
    const get = (c: (typeof EVENT_COLUMNS)[number]) => row![EVENT_COLUMNS.indexOf(c)];
    expect([get('date'), get('kind'), get('title'), get('companies'), get('tickers'), get('amount'), get('currency'), get('source_url'), get('note')]).toEqual([
      csv.date, csv.kind, csv.title, csv.companies, '', Number(csv.value) * 1e6, csv.currency, csv.source_url, csv.note,
    ]);
    expect(get('amount_text')).toBe(`$${(Number(csv.value) / 1000).toFixed(1)}B`);
    expect(eventJson(events[0]!)).toMatchObject({ id: '2025-01-27-market-nvda', amount: Number(csv.value) * 1e6, sourceUrl: csv.source_url, companies: [{ name: 'NVDA', ticker: null }, { name: 'DeepSeek', ticker: null }] });
  });
});
