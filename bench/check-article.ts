// Times the claim checker on a 4 KB and a 100 KB article and prints the cost per KB of each and
// their ratio: near 1 means linear. Run: npx tsx bench/check-article.ts (or node dist/bench/check-article.js).
import { openStore } from '../src/store/database.js';
import { ensureBundledData } from '../src/ingest/bundled-data.js';
import { benchmarkArticle, timeCheckArticle, type CheckTiming } from './check-benchmark.js';

const RUNS = 5;

async function median(run: () => Promise<CheckTiming>): Promise<CheckTiming> {
  const results: CheckTiming[] = [];
  for (let i = 0; i < RUNS; i++) results.push(await run());
  return results.sort((a, b) => a.ms - b.ms)[Math.floor(RUNS / 2)]!;
}

const store = await openStore(':memory:');
try {
  await ensureBundledData(store);
  // Warm up module and query caches so the first size is not charged for them.
  await timeCheckArticle(store.db, benchmarkArticle(4_000));
  const small = await median(() => timeCheckArticle(store.db, benchmarkArticle(4_000)));
  const large = await median(() => timeCheckArticle(store.db, benchmarkArticle(100_000)));
  const perKb = (t: CheckTiming) => t.ms / (t.bytes / 1024);
  for (const [name, t] of [['4 KB', small], ['100 KB', large]] as const) {
    console.log(`${name.padEnd(7)} ${String(t.bytes).padStart(7)} bytes  ${String(t.claims).padStart(5)} claims  ${String(t.engineCalls).padStart(3)} engine calls  ${t.ms.toFixed(1).padStart(8)} ms  ${perKb(t).toFixed(2)} ms/KB`);
  }
  console.log(`ratio of ms/KB, 100 KB ÷ 4 KB: ${(perKb(large) / perKb(small)).toFixed(2)} (about 1 = linear)`);
  console.log(`ratio of engine calls, 100 KB ÷ 4 KB: ${(large.engineCalls / small.engineCalls).toFixed(2)}`);
} finally {
  await store.close();
}
