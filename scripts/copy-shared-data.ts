// Copies the verified figures from ../shared/data into the project's own data files
// (`npm run data:copy`, or `npx tsx scripts/copy-shared-data.ts DIR`), dropping the third-party
// `quote` column (and, for events, the third-party titles) and stripping tracking parameters
// from links. Run by a maintainer when shared/data changes; the output is committed so that a
// clone needs nothing outside the repository. The copy is then read back with the loader's
// own validation, so a file the loader would refuse is never committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { withoutTrackingParameters } from '../src/model/document-url.js';
import { readCompaniesCsv } from '../src/ingest/companies-csv.js';
import { readFactsCsv } from '../src/ingest/facts-csv.js';
import { readEventsCsv } from '../src/ingest/events-csv.js';
import { applyCorrections } from '../src/ingest/corrections-csv.js';
import { eventId } from '../src/model/race-event.js';

type Row = Record<string, string>;

const shared = process.argv[2] ?? '../shared/data';

/** The provenance columns of data/README: document of record, SEC filing, where read, how verified. */
const FACT_COLUMNS = [
  'ticker', 'metric', 'period_start', 'period_end', 'value', 'currency', 'unit', 'basis', 'confidence', 'preferred',
  'source_url', 'form', 'accession', 'filed', 'read_at_url', 'verified', 'note',
];
const URL_COLUMNS = new Set(['source_url', 'read_at_url']);

function readShared(file: string): Row[] {
  return parse(readFileSync(`${shared}/${file}`, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}

/** A row's cells in `columns` order: links without tracking parameters, everything else as written. */
function cells(r: Row, columns: string[]): string[] {
  return columns.map((c) => (URL_COLUMNS.has(c) && r[c] ? withoutTrackingParameters(r[c]!) : (r[c] ?? '')));
}

function copy(file: string, columns: string[]): void {
  const out = readShared(file).map((r) => cells(r, columns));
  writeFileSync(`data/${file}`, stringify([columns, ...out]));
  console.log(`data/${file}: ${out.length} rows`);
}

copy('facts.csv', FACT_COLUMNS);
// Header only until someone records a correction (docs/data.md says how).
copy('corrections.csv', FACT_COLUMNS);

// events.csv: the shared titles are third-party wording, so each event gets airace's own short,
// neutral title from this map, keyed by the event id (date-kind-first company, as the loader
// makes it). A shared event without a title here stops the copy: write one, don't copy theirs.
const EVENT_TITLES: Record<string, string> = {
  '2022-11-30-model-openai': 'OpenAI opens ChatGPT to the public as a free preview',
  '2023-01-23-commitment-msft': 'Microsoft commits billions more to OpenAI over several years',
  '2023-03-14-model-openai': 'OpenAI launches GPT-4',
  '2023-10-04-prediction-softbank': 'Masayoshi Son expects AGI within a decade',
  '2023-10-17-policy-us-government': 'US Commerce widens its curbs on AI chip exports to China',
  '2023-12-06-model-googl': 'Google unveils its Gemini model family',
  '2024-12-26-model-deepseek': 'DeepSeek publishes its open-weight V3 model',
  '2025-01-03-guidance-msft': 'Microsoft plans about $80bn for AI data centres in FY2025',
  '2025-01-13-policy-us-government': "US sets a worldwide licensing rule for AI chips ('AI Diffusion')",
  '2025-01-20-model-deepseek': 'DeepSeek publishes its R1 reasoning model with open weights',
  '2025-01-21-commitment-openai': 'Stargate AI infrastructure venture announced, up to $500bn',
  '2025-01-21-prediction-softbank': 'Masayoshi Son tells the Stargate launch that AGI is close',
  '2025-01-24-guidance-meta': "Zuckerberg puts Meta's 2025 capex at $60–65bn",
  '2025-01-27-market-nvda': 'Nvidia sheds about $593bn of market value in a day after DeepSeek',
  '2025-01-29-model-baba': 'Alibaba releases its Qwen2.5-Max model',
  '2025-02-04-guidance-googl': 'Alphabet expects about $75bn of capex in 2025',
  '2025-02-06-guidance-amzn': "Amazon's Q4 pace read as about $100bn of 2025 capex (press)",
  '2025-02-13-partnership-baba': "Alibaba to supply the AI in Apple's iPhones sold in China",
  '2025-02-17-policy-baba': 'Xi Jinping meets private entrepreneurs, Jack Ma among them',
  '2025-02-24-commitment-baba': 'Alibaba pledges over RMB 380bn for cloud and AI in three years',
  '2025-04-05-model-meta': 'Meta releases its Llama 4 models',
  '2025-04-15-policy-nvda': 'US requires a licence for Nvidia H20 sales to China',
  '2025-04-29-model-baba': 'Alibaba releases its open-weight Qwen3 model family',
  '2025-04-30-guidance-meta': 'Meta lifts its 2025 capex outlook to $64–72bn',
  '2025-07-23-guidance-googl': 'Alphabet lifts its 2025 capex plan to $85bn',
  '2025-08-07-model-openai': 'OpenAI launches GPT-5',
  '2025-09-22-commitment-nvda': 'Nvidia plans to invest up to $100bn in OpenAI (letter of intent)',
  '2025-09-24-commitment-baba': 'Alibaba says its AI spending will go past the RMB 380bn plan',
  '2025-10-29-guidance-googl': 'Alphabet lifts its 2025 capex plan to $91–93bn',
  '2025-10-29-guidance-meta': 'Meta narrows its 2025 capex outlook to $70–72bn',
  '2025-10-30-guidance-amzn': 'Amazon expects about $125bn of capex in 2025',
  '2025-11-18-model-googl': 'Google launches Gemini 3',
  '2025-11-25-guidance-baba': 'Alibaba calls its RMB 380bn plan conservative',
  '2025-12-08-policy-nvda': 'US to let Nvidia sell H200 chips to approved Chinese buyers',
  '2026-01-28-guidance-meta': 'Meta sets its 2026 capex outlook at $115–135bn',
  '2026-01-29-market-msft': 'Microsoft sheds about $357bn of market value in a day',
  '2026-02-04-guidance-googl': 'Alphabet sets its 2026 capex outlook at $175–185bn',
  '2026-02-05-guidance-amzn': 'Amazon plans about $200bn of capex in 2026',
  '2026-04-29-guidance-googl': 'Alphabet lifts its 2026 capex outlook to $180–190bn',
  '2026-04-29-guidance-meta': 'Meta lifts its 2026 capex outlook to $125–145bn',
};

/**
 * How far an event's source has been checked. The shared file has no column for it; its README
 * says `source_url` is the primary document when one was found (read at `read_at_url`), and the
 * page the event was read at otherwise: so a primary read elsewhere is `mapped`, else `secondary`.
 */
function eventVerified(r: Row): string {
  return r.read_at_url ? 'mapped' : 'secondary';
}

function copyEvents(): void {
  const rows = readShared('events.csv');
  const columns = ['date', 'companies', 'kind', 'title', 'value', 'currency', 'unit', 'source_url', 'read_at_url', 'verified', 'note'];
  const unused = new Set(Object.keys(EVENT_TITLES));
  const out = rows.map((r) => {
    const id = eventId(r.date!, r.kind!, r.companies!.split(';').map((x) => x.trim()).filter(Boolean));
    const title = EVENT_TITLES[id];
    if (!title) throw new Error(`events.csv: no airace title for ${id} ("${r.title}"); add one to EVENT_TITLES in your own words`);
    unused.delete(id);
    // A number in our title must be one the row itself states (value, date, title or note):
    // titles paraphrase, they never add figures.
    const stated = `${r.date} ${r.value} ${Number(r.value) / 1000} ${r.title} ${r.note}`.replace(/,/g, '');
    for (const n of title.match(/\d+(?:\.\d+)?/g) ?? []) {
      if (!stated.includes(n)) throw new Error(`events.csv: title of ${id} has ${n}, which its row does not state`);
    }
    return cells({ ...r, title, verified: eventVerified(r) }, columns);
  });
  if (unused.size) console.warn(`events: titles for events no longer in the shared file: ${[...unused].join(', ')}`);
  writeFileSync('data/events.csv', stringify([columns, ...out]));
  console.log(`data/events.csv: ${out.length} rows`);
}

copyEvents();

// Read the copy back as `airace init` will: any row the loader refuses stops here, with file:line.
const companies = readCompaniesCsv('data/companies.csv', 'data/companies.csv');
const tickers = new Set(companies.rows.map((r) => r.value.ticker));
const facts = applyCorrections(
  readFactsCsv('data/facts.csv', 'data/facts.csv', tickers),
  readFactsCsv('data/corrections.csv', 'data/corrections.csv', tickers, { allowNoRows: true }),
);
const events = readEventsCsv('data/events.csv', 'data/events.csv');
console.log(`checked: ${facts.rows.length} facts, ${events.rows.length} events load`);
