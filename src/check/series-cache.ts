// One article repeats the same questions ("Alibaba revenue by quarter") many times; each distinct
// request goes to the engine once per check, so a 100 KB article costs about as many queries as
// a 4 KB one with the same subjects.
import { type ReadDb, allCompanies, storedFacts } from '../series/read-db.js';
import type { Company } from '../model/company.js';
import type { StoredFact } from '../model/fact.js';
import type { SeriesResult } from '../model/series.js';
import { getSeries, type SeriesRequest } from '../series/engine.js';
import { guidanceForCalendarYear, guidanceForQuarter, guidanceHistory, type GuidanceHistory } from '../series/guidance-history.js';
import { listingPricesOf, type ListingPrices } from '../series/price-series.js';

export class SeriesCache {
  private readonly seriesMemo = new Map<string, Promise<SeriesResult | Error>>();
  private readonly factsMemo = new Map<string, Promise<StoredFact[]>>();
  private companiesMemo: Promise<Company[]> | null = null;
  private readonly pricesMemo = new Map<string, Promise<ListingPrices[]>>();
  private readonly guidanceMemo = new Map<string, Promise<GuidanceHistory | Error>>();
  /** Number of engine calls made, for the benchmark and tests. */
  engineCalls = 0;

  constructor(private readonly db: ReadDb) {}

  /** The engine's answer, or the error it raised (unknown metric, bad range) as a value. */
  series(request: SeriesRequest): Promise<SeriesResult | Error> {
    const key = JSON.stringify(request, Object.keys(request).sort());
    let p = this.seriesMemo.get(key);
    if (!p) {
      this.engineCalls++;
      p = getSeries(this.db, request).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      this.seriesMemo.set(key, p);
    }
    return p;
  }

  /** Raw facts (guidance, commitments, FX rates, stated growth) that the engine does not serve as series. */
  facts(tickers: string[], metrics: string[]): Promise<StoredFact[]> {
    const key = `${tickers.join(',')}|${metrics.join(',')}`;
    let p = this.factsMemo.get(key);
    if (!p) {
      p = storedFacts(this.db, { tickers, metrics });
      this.factsMemo.set(key, p);
    }
    return p;
  }

  /** A company's listings with their stored closes (share-price claims). */
  listingPrices(ticker: string): Promise<ListingPrices[]> {
    let p = this.pricesMemo.get(ticker);
    if (!p) {
      p = listingPricesOf(this.db, [ticker]);
      this.pricesMemo.set(ticker, p);
    }
    return p;
  }

  /** The series layer's guidance history for a company's (or group's) fiscal year, a calendar year, or a guided quarter (`2025-Q3`). */
  guidance(ticker: string, period: { year: number } | { calendarYear: number } | { quarter: string }): Promise<GuidanceHistory | Error> {
    const key = `${ticker}|${'year' in period ? period.year : 'calendarYear' in period ? `CY${period.calendarYear}` : period.quarter}`;
    let p = this.guidanceMemo.get(key);
    if (!p) {
      const run =
        'year' in period
          ? guidanceHistory(this.db, { ticker, year: period.year })
          : 'calendarYear' in period
            ? guidanceForCalendarYear(this.db, { ticker, year: period.calendarYear })
            : guidanceForQuarter(this.db, { ticker, quarter: period.quarter });
      p = run.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      this.guidanceMemo.set(key, p);
    }
    return p;
  }

  companies(): Promise<Company[]> {
    this.companiesMemo ??= allCompanies(this.db);
    return this.companiesMemo;
  }
}
