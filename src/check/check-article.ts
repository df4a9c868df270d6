// The claim checker's entry point, shared by the CLI (`airace check`) and the web server
// (POST /api/v1/check): read an article, check every figure against the data with the series
// engine, and describe the charts it mentions. Pure: reads the store, writes nothing (charts are
// written by writeChartFiles). Deterministic: same text, options and data, same report.
import { type ReadDb } from '../series/read-db.js';
import type { CheckReport, CheckedClaim, ChartEntry } from './check-report.js';
import { extractClaims } from './extract-claims.js';
import { impliedCurrencyNote } from './extract-money.js';
import { verifyClaim } from './verify-claim.js';
import { chartFromWords } from './chart-from-words.js';
import { SeriesCache } from './series-cache.js';
import { TOLERANCE_POLICY } from './tolerance.js';
import { parseDateOption } from './article-date.js';
import type { VerifyContext } from './verify-context.js';
import { closesVerifier } from './verify-price-closes.js';
import { TooLargeError } from '../model/errors.js';
import { modelCatalog } from '../series/model-catalog.js';

export interface CheckOptions {
  /** Article date (YYYY-MM-DD), used when the article states none. */
  date?: string;
  /** Skip the charts (faster when only verdicts are wanted). */
  charts?: boolean;
  /** Share a cache between calls on an unchanged store (benchmarks); a fresh one per call by default. */
  cache?: SeriesCache;
  /** Stops the check between claims (a client that went away); it then throws CheckAbortedError. */
  signal?: AbortSignal;
  /** Time budget in ms, counted from the call: read from the clock between claims, since a check that never
   *  yields to the event loop's timer phase would never see a timeout signal fire. */
  budgetMs?: number;
  /** Verifiers asked first for share prices (default: the stored daily closes, verify-price-closes.ts) and AI models (verify-model.ts; else Epoch's table in the store). */
  prices?: VerifyContext['prices'];
  models?: VerifyContext['models'];
}

/** A check stopped by its signal (time budget or cancellation). */
export class CheckAbortedError extends Error {
  constructor(readonly why: 'timeout' | 'cancelled', detail: string) {
    super(detail);
    this.name = 'CheckAbortedError';
  }
}

function stopIfAborted(signal: AbortSignal | undefined, deadline = Infinity): void {
  if (performance.now() > deadline) throw new CheckAbortedError('timeout', 'the check ran out of time');
  if (!signal?.aborted) return;
  const reason = signal.reason as unknown;
  const timeout = reason instanceof Error && reason.name === 'TimeoutError';
  throw new CheckAbortedError(timeout ? 'timeout' : 'cancelled', timeout ? 'the check ran out of time' : 'the check was cancelled');
}

/** Largest article accepted, so a pasted book cannot tie up a server. */
export const MAX_ARTICLE_BYTES = 2_000_000;

export async function checkArticle(db: ReadDb, text: string, options: CheckOptions = {}): Promise<CheckReport> {
  if (Buffer.byteLength(text, 'utf8') > MAX_ARTICLE_BYTES) throw new TooLargeError('article', MAX_ARTICLE_BYTES);
  const date = options.date ? parseDateOption(options.date) : undefined;
  const deadline = options.budgetMs === undefined ? Infinity : performance.now() + options.budgetMs;
  const stop = () => stopIfAborted(options.signal, deadline);
  const cache = options.cache ?? new SeriesCache(db);
  const companies = await cache.companies();
  // Epoch AI's models, read once per check: their names are what model claims are about.
  const modelData = await modelCatalog(db);
  stop();
  const extraction = extractClaims(text, companies, { date, models: modelData.models });
  const ctx: VerifyContext = {
    cache,
    companies,
    articleDate: extraction.articleDate?.date ?? null,
    slots: new Map(),
    claims: new Map(extraction.claims.map((c) => [c.id, c])),
    modelData,
    prices: options.prices ?? closesVerifier,
    ...(options.models ? { models: options.models } : {}),
  };

  // Claims that state their own period first: the rest of their sentence borrows it.
  const checked = new Map<number, CheckedClaim>();
  for (const pass of [false, true]) {
    for (const claim of extraction.claims) {
      if ((claim.siblingOf !== null) !== pass) continue;
      stop();
      const result = await verifyClaim(claim, ctx);
      const unitNote = impliedCurrencyNote(claim.quantity);
      checked.set(claim.id, unitNote ? { ...result, notes: [unitNote, ...result.notes] } : result);
    }
  }
  const claims = extraction.claims.map((c) => checked.get(c.id)!);

  const charts: ChartEntry[] = [];
  if (options.charts !== false) {
    for (const mention of extraction.charts) {
      stop();
      charts.push(await chartFromWords(mention, companies, cache));
    }
  }

  const count = (v: string) => claims.filter((c) => c.verdict === v).length;
  return {
    text,
    articleDate: extraction.articleDate,
    claims,
    uncheckedFrom: extraction.uncheckedFrom,
    charts,
    summary: {
      claims: claims.length,
      supported: count('supported'),
      close: count('close'),
      contradicted: count('contradicted'),
      notCheckable: count('not-checkable'),
      charts: charts.length,
    },
    policy: TOLERANCE_POLICY,
  };
}
