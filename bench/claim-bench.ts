// Section 4: claim checking, timed with bench/check-benchmark.ts on the seed article (or the
// example articles when the seed is not beside the repository) and on a 100 KB article.
// Limit: the data the check needs. Each check's distinct series requests, fact lookups and the
// company list are recorded, then asked of the store directly, without the checker: a check
// cannot be faster than answering its own questions (a fresh cache per check, as in the CLI).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../src/store/database.js';
import { packageRoot } from '../src/config/paths.js';
import { benchmarkArticle, timeCheckArticle, type CheckTiming } from './check-benchmark.js';
import { checkArticle } from '../src/check/check-article.js';
import { SeriesCache } from '../src/check/series-cache.js';
import { getSeries, type SeriesRequest } from '../src/series/engine.js';
import { listFacts } from '../src/store/facts-repository.js';
import { listCompanies } from '../src/store/companies-repository.js';
import { guidanceForQuarter, guidanceHistory } from '../src/series/guidance-history.js';
import { emptySection, type SectionResult } from './report.js';
import { fmt, median, msSince } from './stats.js';

const RUNS = 5;

/** A SeriesCache that remembers what it was asked, to replay the questions without the checker. */
class RecordingCache extends SeriesCache {
  readonly seriesAsked: SeriesRequest[] = [];
  readonly factsAsked: [string[], string[]][] = [];
  readonly guidanceAsked: Array<[string, { year: number } | { quarter: string }]> = [];
  override series(request: SeriesRequest) {
    this.seriesAsked.push(request);
    return super.series(request);
  }
  override facts(tickers: string[], metrics: string[]) {
    this.factsAsked.push([tickers, metrics]);
    return super.facts(tickers, metrics);
  }
  override guidance(ticker: string, period: { year: number } | { quarter: string }) {
    this.guidanceAsked.push([ticker, period]);
    return super.guidance(ticker, period);
  }
}

function distinct<T>(xs: T[]): T[] {
  const seen = new Map<string, T>();
  for (const x of xs) seen.set(JSON.stringify(x), x);
  return [...seen.values()];
}

export function seedArticle(): { text: string; source: string } {
  const seed = resolve(packageRoot(), '..', 'shared', 'seed', 'alibaba-agi-race.txt');
  if (existsSync(seed)) return { text: readFileSync(seed, 'utf8'), source: '../shared/seed/alibaba-agi-race.txt (the seed article)' };
  return { text: benchmarkArticle(4_000, join(packageRoot(), 'examples', 'articles')), source: 'examples/articles/*.md repeated to about 4 KB (the seed article was not found)' };
}

/** What a check asked the store (distinct questions), recorded from one real check. */
async function questionsOf(store: Store, text: string) {
  const cache = new RecordingCache(store.db);
  await checkArticle(store.db, text, { cache });
  return { series: distinct(cache.seriesAsked), facts: distinct(cache.factsAsked), guidance: distinct(cache.guidanceAsked) };
}

/** The same questions asked straight of the store: the company list, the series, the facts. */
async function askDirectly(store: Store, q: Awaited<ReturnType<typeof questionsOf>>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await listCompanies(store.db);
  for (const s of q.series) await getSeries(store.db, s).catch(() => null);
  for (const [tickers, metrics] of q.facts) await listFacts(store.db, { tickers, metrics });
  for (const [ticker, period] of q.guidance) await ('year' in period ? guidanceHistory(store.db, { ticker, year: period.year }) : guidanceForQuarter(store.db, { ticker, quarter: period.quarter })).catch(() => null);
  return msSince(t0);
}

export async function claimBench(store: Store, log: (s: string) => void): Promise<SectionResult> {
  const out = emptySection();
  const section = 'Claims';
  const seed = seedArticle();
  const large = benchmarkArticle(100_000);
  log('claim checking: seed article and a 100 KB article…');
  await timeCheckArticle(store.db, seed.text); // warm-up: modules, regexes, statement caches
  for (const [name, text] of [['seed article', seed.text], ['100 KB article', large]] as const) {
    const questions = await questionsOf(store, text);
    // Check and direct questions in turn, so that a busy moment falls on both alike.
    const timings: CheckTiming[] = [];
    const direct: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      timings.push(await timeCheckArticle(store.db, text));
      direct.push(await askDirectly(store, questions));
    }
    const ms = median(timings.map((t) => t.ms));
    const floor = median(direct);
    const t = timings[0]!;
    out.rows.push({
      section,
      name: `Check the ${name} (${fmt(t.bytes / 1024)} KB, ${t.claims} claims, ${t.charts} charts)`,
      result: `${fmt(ms, 1)} ms (${fmt(ms / (t.bytes / 1024), 2)} ms/KB)`,
      limit: `its ${t.engineCalls} distinct engine requests + ${questions.facts.length} fact lookups + ${questions.guidance.length} guidance histories, asked directly: ${fmt(floor, 1)} ms`,
      ratio: floor / ms,
    });
  }
  out.limits.push({
    section,
    name: 'The check\'s own questions',
    result: 'per row',
    how: `each check's distinct getSeries requests, listFacts lookups, guidance histories and one listCompanies, recorded from a real check, asked straight of the store (bundled data, in memory); median of ${RUNS}, taken in turn with the checks. The rest of a check is extraction and verification. On the server a check runs in a worker thread of the check pool (src/server/check-runner.ts), so this time is off the event loop.`,
  });
  out.notes.push(`Claims are checked against the bundled data in an in-memory store, as bench/check-article.ts does. Seed: ${seed.source}; 100 KB: examples/articles/*.md repeated (benchmarkArticle).`);
  return out;
}
