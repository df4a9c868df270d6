// Share prices over time, one line per listing: rebased to 100 at a start date so companies
// (and a company's ADR and Hong Kong lines, each in its own currency) compare on one axis, or
// closes in the listing's currency when there is one line and no rebase. Daily data on a UTC
// time axis; a listing that is not its company's primary line is dashed.
import { chartUsermeta } from '../chart-meta.js';
import type { TopLevelSpec } from 'vega-lite';
import type { SharePriceResult } from '../../series/price-series.js';
import type { DataAsOf } from '../../model/series.js';
import { listingLabel } from '../../model/listing.js';
import { currencyPrefix, formatPrice } from '../../model/format-figure.js';
import { COLOURS, FONT_SIZES, theme } from '../theme.js';
import { wrapText } from '../wrap-text.js';
import type { MarketMove } from '../../series/market-moves.js';

export interface PriceChartOptions {
  title?: string;
  width?: number;
  height?: number;
  /** Legend entries per row (one on a phone, so the legend is no wider than the plot); all in one row when omitted. */
  legendColumns?: number;
  /** Daily moves to mark on their line (the largest of each year, as on the timeline). */
  moves?: readonly Pick<MarketMove, 'listing' | 'date' | 'change' | 'rank'>[];
}

const lineName = (s: SharePriceResult['listings'][number]) => `${s.name} ${listingLabel({ id: s.listing, exchange: s.exchange, kind: s.kind })}`;

/** "Source: daily closes from Stooq (baba.us, 9988.hk), as the source adjusts them for splits". */
export function priceSourceLine(r: SharePriceResult): string {
  const providers = new Map<string, string[]>();
  for (const s of r.listings) if (s.source && s.points.length) providers.set(s.source.provider, [...(providers.get(s.source.provider) ?? []), s.source.symbol]);
  const from = [...providers].map(([p, symbols]) => `${p} (${symbols.join(', ')})`).join('; ');
  return `Source: daily closes from ${from || 'no price source yet'}, as the source adjusts them for splits`;
}

/** "Data as of the close of 2025-06-30 (downloaded 2025-07-01)", or null with no close shown: the chart's footer and the CLI say the same. */
export function priceDataAsOfText(d: DataAsOf): string | null {
  return d.newestPeriodEnd ? `Data as of the close of ${d.newestPeriodEnd} (downloaded ${d.newestDocumentDate})` : null;
}

/** The chart's alt text: what is drawn, and where each line ends. */
export function describePriceChart(r: SharePriceResult): string {
  const drawn = r.listings.filter((s) => s.points.length);
  if (!drawn.length) return 'No share prices stored for the listings asked for.';
  const ends = drawn.map((s) => {
    const last = s.points.at(-1)!;
    return r.rebase ? `${lineName(s)} ${last.index!.toFixed(1)} on ${last.date}` : `${lineName(s)} ${formatPrice(last.close, s.currency)} on ${last.date}`;
  });
  const what = r.rebase ? `Line chart of share prices rebased to 100 at the close on or before ${r.rebase}` : 'Line chart of daily closing share prices';
  return `${what}: ${ends.join('; ')}.`;
}

export function priceLineSpec(r: SharePriceResult, o: PriceChartOptions = {}): TopLevelSpec {
  const width = o.width ?? 720;
  const height = o.height ?? 320;
  const drawn = r.listings.filter((s) => s.points.length);
  const rebased = r.rebase !== null;
  const currency = !rebased && drawn.length === 1 ? drawn[0]!.currency : null;
  const values = drawn.flatMap((s) =>
    s.points.map((p) => ({
      date: p.date,
      value: rebased ? p.index : p.close,
      line: lineName(s),
      close: formatPrice(p.close, s.currency),
      listing: s.listing,
      primary: s.primary,
      sourceUrl: s.source?.url ?? null,
    })),
  );
  const title = o.title ?? (rebased ? `Share prices, rebased to 100 at ${r.rebase}` : drawn.length === 1 ? `${lineName(drawn[0]!)}: daily close` : 'Share prices: daily close');
  const subtitle = rebased ? 'Each listing in its own currency, 100 = its close on or before the start date' : currency ? `In ${currency}` : 'Each listing in its own currency';
  const lines = drawn.map(lineName);
  const colours = drawn.map((s) => s.colour);
  const footerY = height + 40;
  const marked = (o.moves ?? []).flatMap((m) => {
    const v = values.find((p) => p.listing === m.listing && p.date === m.date);
    if (!v) return [];
    const sign = m.change >= 0 ? '+' : '-';
    return [{ ...v, move: `${sign}${Math.abs(m.change).toFixed(1)}% on the day, the ${m.rank === 1 ? 'largest' : `#${m.rank}`} move of ${m.date.slice(0, 4)}` }];
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: describePriceChart(r),
    usermeta: chartUsermeta({ type: 'price-line', series: 'share_price', rebase: r.rebase, longDescription: describePriceChart(r) }),
    title: { text: wrapText(title, width, FONT_SIZES.title, 'semibold'), subtitle: wrapText(subtitle, width, FONT_SIZES.subtitle) },
    width,
    height,
    data: { values },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
        encoding: {
          x: { field: 'date', type: 'temporal', scale: { type: 'utc' }, axis: { title: null, format: '%b %Y', tickCount: Math.max(3, Math.min(8, Math.floor(width / 110))), labelOverlap: true } },
          y: { field: 'value', type: 'quantitative', scale: { zero: false }, axis: { format: rebased ? ',.0f' : ',.2f', ...(currency ? { labelExpr: `'${currencyPrefix(currency).replace(/'/g, "\\'")}' + datum.label` } : {}) } },
          // Colour and dash share the field, so the legend shows both: a company's other listings are dashed.
          color: { field: 'line', type: 'nominal', scale: { domain: lines, range: colours }, legend: { title: null, orient: 'top', labelLimit: Math.min(320, width), symbolType: 'stroke', symbolStrokeWidth: 2, ...(o.legendColumns ? { columns: o.legendColumns } : {}) } },
          strokeDash: { field: 'line', type: 'nominal', scale: { domain: lines, range: drawn.map((s) => (s.primary ? [1, 0] : [6, 3])) } },
          tooltip: [
            { field: 'line', title: 'Listing' },
            { field: 'date', type: 'temporal', title: 'Date', format: '%Y-%m-%d' },
            { field: 'close', title: 'Close' },
            ...(rebased ? [{ field: 'value', type: 'quantitative' as const, title: 'Index', format: '.1f' }] : []),
          ],
          href: { field: 'sourceUrl' },
        },
      },
      ...(marked.length
        ? [
            {
              data: { values: marked },
              mark: { type: 'point' as const, filled: true, size: 80, stroke: COLOURS.background, strokeWidth: 1.5 },
              encoding: {
                x: { field: 'date', type: 'temporal' as const },
                y: { field: 'value', type: 'quantitative' as const },
                color: { field: 'line', type: 'nominal' as const, scale: { domain: lines, range: colours } },
                tooltip: [{ field: 'line', title: 'Listing' }, { field: 'date', type: 'temporal' as const, title: 'Date', format: '%Y-%m-%d' }, { field: 'move', title: 'Move' }, { field: 'close', title: 'Close' }],
                href: { field: 'sourceUrl' },
              },
            },
          ]
        : []),
      ...(rebased ? [{ data: { values: [{ y: 100 }] }, mark: { type: 'rule' as const, color: COLOURS.axis, strokeDash: [2, 2] }, encoding: { y: { field: 'y', type: 'quantitative' as const } } }] : []),
      {
        data: { values: [{ text: [priceSourceLine(r), priceDataAsOfText(r.dataAsOf)].flatMap((line) => (line ? wrapText(line, width, FONT_SIZES.source) : [])) }] },
        mark: { type: 'text', align: 'left', baseline: 'top', fontSize: FONT_SIZES.source, color: COLOURS.muted },
        encoding: { text: { field: 'text' }, x: { value: 0 }, y: { value: footerY } },
      },
    ],
    config: theme,
  } as TopLevelSpec;
}
