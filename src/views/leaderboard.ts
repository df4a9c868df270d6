// The overview's leaderboard: per company, the latest fiscal year's capex, trailing-twelve-
// month capex, year-on-year growth, capex intensity and free cash flow, all in one currency.
// Every figure is a SeriesPoint from the engine, so it keeps its sources and missing reason.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { SeriesPoint, SeriesResult } from '../model/series.js';
import { getSeries } from '../series/engine.js';
import { percentChange } from '../series/analytics.js';

export const LEADERBOARD_TICKERS = ['AMZN', 'MSFT', 'GOOGL', 'META', 'BABA'] as const;

export interface Figure {
  metric: string;
  /** Currency code, or `percent`. */
  unit: string;
  label: string;
  point: SeriesPoint;
}

export interface Growth {
  /** Percent change from `from` to `to`, computed here (never a stored fact). */
  value: number;
  from: Figure;
  to: Figure;
}

export interface LeaderboardRow {
  ticker: string;
  name: string;
  colour: string;
  /** Capex of the latest fiscal year with a value. */
  capexFy: Figure | null;
  /** The company's own latest trailing-four-quarter capex (the newest it has reported). */
  capexTtm: Figure | null;
  /** Capex of the trailing four quarters to the board's common quarter (see Leaderboard.ttmLabel): what the ranking compares. */
  comparedTtm: Figure | null;
  /** capexFy against the fiscal year before; null when either is missing. */
  capexGrowth: Growth | null;
  /** Capex intensity and free cash flow of the same fiscal year as capexFy (missing points keep their reason). */
  capexIntensity: Figure | null;
  freeCashFlow: Figure | null;
}

export interface Leaderboard {
  currency: string;
  /**
   * The trailing-twelve-month window every company is compared on: the latest one all of them
   * have ("TTM 2025-Q3"), so the ranking never puts windows ending in different quarters side by
   * side. Null when some company has no TTM figure at all.
   */
  ttmLabel: string | null;
  rows: LeaderboardRow[];
}

function latest(result: SeriesResult, ticker: string): Figure | null {
  const s = result.series.find((x) => x.ticker === ticker);
  const p = s && [...s.points].reverse().find((x) => x.value !== null);
  return p ? { metric: result.metric, unit: result.unit, label: p.label, point: p } : null;
}

function at(result: SeriesResult, ticker: string, label: string | undefined): Figure | null {
  const p = label === undefined ? undefined : result.series.find((x) => x.ticker === ticker)?.points.find((x) => x.label === label);
  return p ? { metric: result.metric, unit: result.unit, label: p.label, point: p } : null;
}

export async function leaderboard(db: Kysely<Database>, tickers: readonly string[] = LEADERBOARD_TICKERS, currency = 'USD'): Promise<Leaderboard> {
  const base = { tickers: [...tickers], period: 'fy' as const };
  const [fy, ttm, intensity, fcf] = await Promise.all([
    getSeries(db, { ...base, metric: 'capex', currency }),
    getSeries(db, { ...base, metric: 'capex', currency, period: 'ttm' }),
    getSeries(db, { ...base, metric: 'capex_intensity' }),
    getSeries(db, { ...base, metric: 'free_cash_flow', currency }),
  ]);
  // The latest window every company has: the earliest of their latest windows.
  const latestEnds = ttm.series.map((s) => [...s.points].reverse().find((p) => p.value !== null));
  const common = latestEnds.every((p) => p !== undefined) ? latestEnds.reduce((a, b) => (b!.end < a!.end ? b : a))!.label : null;
  const rows = fy.series.map((s): LeaderboardRow => {
    const capexFy = latest(fy, s.ticker);
    const year = capexFy ? Number(capexFy.label.replace(/^FY/, '')) : undefined;
    const before = year === undefined ? null : at(fy, s.ticker, `FY${year - 1}`);
    const change = capexFy && before ? percentChange(before.point.value, capexFy.point.value) : null;
    const capexGrowth = change && change.value !== null ? { value: change.value, from: before!, to: capexFy! } : null;
    return {
      ticker: s.ticker,
      name: s.name,
      colour: s.colour,
      capexFy,
      capexTtm: latest(ttm, s.ticker),
      comparedTtm: common === null ? latest(ttm, s.ticker) : at(ttm, s.ticker, common),
      capexGrowth,
      capexIntensity: at(intensity, s.ticker, capexFy?.label),
      freeCashFlow: at(fcf, s.ticker, capexFy?.label),
    };
  });
  return { currency, ttmLabel: common, rows };
}
