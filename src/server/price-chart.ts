// The share-price chart as the pages frame it and /api/v1/prices/chart.* draws it: one query
// (listings, start, rebase) names both, and the largest daily moves within the lines shown are
// marked the same way on each, so the frame's image at any width is the chart the page describes.
import type { ReadDb } from '../series/read-db.js';
import type { SharePriceResult } from '../series/price-series.js';
import { getMarketMoves, type MarketMove } from '../series/market-moves.js';
import type { TopLevelSpec } from 'vega-lite';
import { priceLineSpec } from '../chart/specs/price-line.js';
import { fitToWidth, MIN_PLOT, type MeasureWidth } from '../chart/fit-width.js';

/** The largest daily moves on the lines drawn, from `from` on. */
export async function movesOnLines(db: ReadDb, r: SharePriceResult, from: string | undefined): Promise<MarketMove[]> {
  const shown = r.listings.filter((l) => l.points.length).map((l) => l.listing);
  return shown.length ? getMarketMoves(db, { companies: shown, ...(from ? { from } : {}) }) : [];
}

/** `companies=…&from=…&rebase=…`: the price routes' query for the lines of `r`, the chart's and its data's. */
export function priceQueryString(r: SharePriceResult): string {
  const q = new URLSearchParams({ companies: r.listings.map((s) => s.listing).join(','), ...(r.rebase ? { from: r.rebase, rebase: r.rebase } : {}) });
  return q.toString().replace(/%2C/g, ',');
}

/** Charts narrower than this are a phone's: the legend lists one line per row. */
const NARROW_BELOW = 520;
/** A first estimate of what the value axis takes beside the plot (fitToWidth measures the drawing). */
const BESIDE_PLOT = 50;

/**
 * The chart of `r` with `moves` marked. With `width` and `measure` it is `width` CSS pixels in all,
 * laid out for it (a phone's legend in one column), as every chart route draws for its frame.
 */
export async function priceChartSpec(r: SharePriceResult, moves: readonly MarketMove[], width?: number, measure?: MeasureWidth): Promise<TopLevelSpec> {
  if (width === undefined || !measure) return priceLineSpec(r, { moves });
  const narrow = width < NARROW_BELOW;
  const build = (plot: number) => priceLineSpec(r, { moves, width: plot, ...(narrow ? { height: 260, legendColumns: 1 } : {}) });
  return fitToWidth(width, Math.max(MIN_PLOT, width - BESIDE_PLOT), build, measure);
}
