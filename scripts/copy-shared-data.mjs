#!/usr/bin/env node
// Copies the verified figures from ../shared/data into the project's own data files,
// dropping the third-party `quote` column (and, for events, the third-party titles). Run by a maintainer when shared/data changes;
// the output is committed so that a clone needs nothing outside the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const shared = process.argv[2] ?? '../shared/data';

function copy(file, columns) {
  const rows = parse(readFileSync(`${shared}/${file}`, 'utf8'), { columns: true, skip_empty_lines: true });
  const out = rows.map((r) => columns.map((c) => r[c] ?? ''));
  writeFileSync(`data/${file}`, stringify([columns, ...out]));
  console.log(`data/${file}: ${out.length} rows`);
}

copy('facts.csv', ['ticker', 'metric', 'period_start', 'period_end', 'value', 'currency', 'unit', 'basis', 'confidence', 'preferred', 'source_url', 'note']);

// events.csv: the shared titles are third-party wording, so each event gets airace's own short,
// neutral title from this map, keyed by the event id (date-kind-first company, as the loader
// makes it). A shared event without a title here stops the copy: write one, don't copy theirs.
const EVENT_TITLES = {
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

/** Same rule as src/model/race-event.ts eventId(). */
function eventId(date, kind, companies) {
  const first = companies.split(';').map((s) => s.trim()).filter(Boolean)[0] ?? 'none';
  const who = first.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${date}-${kind}-${who || 'none'}`;
}

function copyEvents() {
  const rows = parse(readFileSync(`${shared}/events.csv`, 'utf8'), { columns: true, skip_empty_lines: true });
  const columns = ['date', 'companies', 'kind', 'title', 'value', 'currency', 'unit', 'source_url', 'note'];
  const unused = new Set(Object.keys(EVENT_TITLES));
  const out = rows.map((r) => {
    const id = eventId(r.date, r.kind, r.companies);
    const title = EVENT_TITLES[id];
    if (!title) throw new Error(`events.csv: no airace title for ${id} ("${r.title}"); add one to EVENT_TITLES in your own words`);
    unused.delete(id);
    // A number in our title must be one the row itself states (value, date, title or note):
    // titles paraphrase, they never add figures.
    const stated = `${r.date} ${r.value} ${Number(r.value) / 1000} ${r.title} ${r.note}`.replace(/,/g, '');
    for (const n of title.match(/\d+(?:\.\d+)?/g) ?? []) {
      if (!stated.includes(n)) throw new Error(`events.csv: title of ${id} has ${n}, which its row does not state`);
    }
    return columns.map((c) => (c === 'title' ? title : (r[c] ?? '')));
  });
  if (unused.size) console.warn(`events: titles for events no longer in the shared file: ${[...unused].join(', ')}`);
  writeFileSync('data/events.csv', stringify([columns, ...out]));
  console.log(`data/events.csv: ${out.length} rows`);
}

copyEvents();
