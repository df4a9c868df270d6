// What the benchmark times: checking an article of a given size. The article is built from the
// example articles, repeated, so every size asks the same questions and a 100 KB article shows
// whether the cost per KB stays flat (the series cache makes repeated questions free).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../src/store/schema.js';
import { packageRoot } from '../src/config/paths.js';
import { checkArticle } from '../src/check/check-article.js';
import { SeriesCache } from '../src/check/series-cache.js';

const DATE_LINE = /^.*(?<![A-Za-z])(?:Published|Updated|Date)\b.*\d{4}.*$/gim;

/** A deterministic article of about `bytes` bytes: one date line, then the example articles' bodies repeated. */
export function benchmarkArticle(bytes: number, dir = join(packageRoot(), 'examples', 'articles')): string {
  const bodies = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(DATE_LINE, '').trim());
  let text = 'Published: 2026-03-02\n\n';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += `${bodies[i % bodies.length]}\n\n`;
  return text;
}

export interface CheckTiming {
  bytes: number;
  claims: number;
  charts: number;
  engineCalls: number;
  ms: number;
}

/** Checks `text` once and reports how long it took and how many distinct engine requests it made. */
export async function timeCheckArticle(db: Kysely<Database>, text: string, options: { charts?: boolean } = {}): Promise<CheckTiming> {
  const cache = new SeriesCache(db);
  const t0 = process.hrtime.bigint();
  const report = await checkArticle(db, text, { cache, charts: options.charts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { bytes: Buffer.byteLength(text), claims: report.claims.length, charts: report.charts.length, engineCalls: cache.engineCalls, ms };
}
