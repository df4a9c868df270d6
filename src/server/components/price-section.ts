// Share prices on a page: a line per listing rebased to 100 at a start date (a year before the
// newest close unless the URL says otherwise), a table of where each line starts and ends with
// its source, and a GET form that works without JavaScript. Without prices, an
// empty state names the command that loads them. Used by the company page and explore.
import type { ReadDb } from '../../series/read-db.js';
import { getSharePrices, listListingCoverage, type SharePriceResult } from '../../series/price-series.js';
import type { MarketMove } from '../../series/market-moves.js';
import { daysBefore } from '../../series/price-window.js';
import { parseDateBound } from '../../series/date-bound.js';
import { InvalidOptionError } from '../../model/errors.js';
import { listingLabel } from '../../model/listing.js';
import { priceLineSpec } from '../../chart/specs/price-line.js';
import { formatPrice } from '../../model/format-figure.js';
import { formatPriceChange } from '../../views/price-rows.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import type { RawQuery } from '../series-query.js';
import { lastValue, parseList } from '../../model/list-input.js';
import { chartFrame } from './chart-frame.js';
import { scrollTable } from './scroll-table.js';
import type { ChartLinks } from './chart-links.js';
import { movesOnLines, priceQueryString } from '../price-chart.js';

/** The query parameters of a price section (named apart from a page's own `companies`/`from`). */
export const PRICE_PARAMS = { listings: 'prices', from: 'prices-from' } as const;

export interface PriceSectionData {
  /** Companies or listings asked for, as given (or the page's defaults). */
  asked: string[];
  /** The start every line is rebased at. */
  start: string | null;
  /** Every listing with prices, for the form. */
  choices: { listing: string; label: string }[];
  result: SharePriceResult | null;
  /** The largest daily moves within the lines shown, marked on them. */
  moves: MarketMove[];
}

export async function loadPriceSection(db: ReadDb, q: RawQuery, defaults: string[]): Promise<PriceSectionData> {
  const coverage = await listListingCoverage(db);
  const choices = coverage.filter((l) => l.days > 0).map((l) => ({ listing: l.listing, label: `${l.name} ${listingLabel({ id: l.listing, exchange: l.exchange, kind: l.kind })}` }));
  const given = parseList(q[PRICE_PARAMS.listings], { spaces: false });
  const asked = given.length ? given : defaults;
  const rawFrom = lastValue(q[PRICE_PARAMS.from]);
  let start: string | null = null;
  if (rawFrom !== undefined) {
    try {
      start = parseDateBound('from', rawFrom);
    } catch {
      throw new InvalidOptionError(PRICE_PARAMS.from, rawFrom, ['a date such as 2025-01-02', 'a year such as 2025']);
    }
  }
  if (!choices.length && !given.length) return { asked, start, choices, result: null, moves: [] };
  if (!start) {
    // A year before the newest close of the listings shown.
    const probe = await getSharePrices(db, { companies: asked });
    const newest = probe.dataAsOf.newestPeriodEnd;
    if (!newest) return { asked, start: null, choices, result: probe, moves: [] };
    start = daysBefore(newest, 365);
  }
  const result = await getSharePrices(db, { companies: asked, from: start, rebase: start });
  const moves = await movesOnLines(db, result, start);
  return { asked, start, choices, result, moves };
}

function priceTable(r: SharePriceResult, id: string, caption: string): SafeHtml {
  const rows = r.listings.map((s) => {
    const first = s.points[0];
    const last = s.points.at(-1);
    const source = s.source && safeUrl(s.source.url);
    return html`<tr>
      <th scope="row">${s.name} ${listingLabel({ id: s.listing, exchange: s.exchange, kind: s.kind })}</th>
      <td>${s.currency}</td>
      <td class="num">${s.base ? html`${formatPrice(s.base.close, s.currency)} <span class="muted">${s.base.date}</span>` : '—'}</td>
      <td class="num">${last ? html`${formatPrice(last.close, s.currency)} <span class="muted">${last.date}</span>` : '—'}</td>
      <td class="num">${first && last && s.base ? formatPriceChange((last.close / s.base.close - 1) * 100) : '—'}</td>
      <td>${source ? html`<a href="${source}">${s.source!.provider} (${s.source!.symbol})</a>, downloaded ${s.source!.retrievedAt.slice(0, 10)}` : s.missing?.hint ? html`no prices: run <code>${s.missing.hint}</code>` : '—'}</td>
    </tr>`;
  });
  const table = html`<table id="${id}" class="price-table">
  <caption id="${id}-caption">${caption}</caption>
  <thead><tr><th scope="col">Listing</th><th scope="col">Currency</th><th scope="col" class="num">Start</th><th scope="col" class="num">Latest</th><th scope="col" class="num">Change</th><th scope="col">Source</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
  return scrollTable(table, id);
}

export interface PriceSectionOptions {
  id: string;
  heading: string;
  /** Where the form submits, and the page's own parameters it must keep. */
  action: string;
  keep: Record<string, string>;
  /** The sync command for the empty state. */
  syncHint: string;
}

/**
 * The price chart in the one chart frame, drawn by /api/v1/prices/chart.svg for the frame's width
 * as every chart is (three widths without JavaScript); its Download tab offers the chart and the
 * price data routes with the same listings and start.
 */
function priceFrame(r: SharePriceResult, d: PriceSectionData, o: PriceSectionOptions): SafeHtml {
  // Drawn here only for its alt text; the image is the chart route's, at the frame's width.
  const spec = priceLineSpec(r, { moves: d.moves });
  const query = priceQueryString(r);
  const links: ChartLinks = {
    svg: `/api/v1/prices/chart.svg?${query}`,
    png: `/api/v1/prices/chart.png?${query}`,
    vegaLite: `/api/v1/prices/chart.vl.json?${query}`,
    csv: `/api/v1/prices.csv?${query}`,
    json: `/api/v1/prices?${query}`,
    // The embed page and explore draw the money series; the price chart has neither.
    embed: '',
    explore: '',
  };
  const sources = html`<ul class="source-list">${r.listings.map((s) => {
    const href = s.source && safeUrl(s.source.url);
    return html`<li>${s.name} ${s.listing}: ${href ? html`<a href="${href}">${s.source!.provider} (${s.source!.symbol})</a>, downloaded ${s.source!.retrievedAt.slice(0, 10)}` : 'no prices stored'}</li>`;
  })}</ul><p class="hint">Share prices are a secondary source: a public daily-price download, kept with its retrieval time.</p>`;
  const downloads = html`<ul class="download-list">
  <li><a href="${links.svg}" download>SVG</a> · <a href="${links.png}&amp;width=800" download>PNG</a> · <a href="${links.vegaLite}" download>Vega-Lite</a> <span class="hint">the chart</span></li>
  <li><a href="${links.csv}" download>CSV</a> <span class="hint">the closes, one row per listing and day, with the download they came from</span></li>
  <li><a href="${links.json}">JSON</a> <span class="hint">the same closes and indexes</span></li>
</ul>`;
  return chartFrame({
    id: `${o.id}-chart`,
    links,
    alt: typeof spec.description === 'string' ? spec.description : '',
    title: o.heading,
    result: null,
    table: priceTable(r, `${o.id}-table`, `Share prices from ${r.rebase}`),
    sourcesPanel: sources,
    downloads,
    origin: '',
    embed: false,
  });
}

export function priceSection(d: PriceSectionData, o: PriceSectionOptions): SafeHtml {
  const r = d.result;
  const drawn = r?.listings.filter((s) => s.points.length) ?? [];
  const body = !r || !drawn.length
    ? html`<p class="empty">No share prices stored${r?.listings.length ? html` for ${r.listings.map((s) => s.listing).join(', ')}` : ''}. Prices come from a public daily-price source and are not bundled: run <code>${o.syncHint}</code>, then reload this page.</p>`
    : html`${priceFrame(r, d, o)}
  <p class="table-note">Each line is in its listing’s own currency, indexed to 100 at its close on or before ${r.rebase}; dots mark each year’s largest daily moves (also on the timeline); prices as the source adjusts them for splits. <a href="/methodology#share-prices">How</a>.</p>
  ${r.unlisted.length ? html`<p>No listing stored for ${r.unlisted.map((u) => u.name).join(', ')}: run <code>${r.unlisted.map((u) => u.hint).join('; ')}</code>.</p>` : ''}`;
  const form = d.choices.length
    ? html`<form method="get" action="${o.action}" class="price-controls" aria-label="Share price settings">
  ${Object.entries(o.keep).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
  <fieldset class="field companies"><legend>Listings</legend>
    ${d.choices.map((c) => html`<div class="check"><input type="checkbox" id="${o.id}-${c.listing}" name="${PRICE_PARAMS.listings}" value="${c.listing}"${r?.listings.some((s) => s.listing === c.listing) ? html` checked` : ''}><label for="${o.id}-${c.listing}">${c.label}</label></div>`)}
  </fieldset>
  <div class="field"><label for="${o.id}-from">Rebase at</label><input id="${o.id}-from" name="${PRICE_PARAMS.from}" value="${d.start ?? ''}" size="10" autocomplete="off" aria-describedby="${o.id}-from-hint"><p id="${o.id}-from-hint" class="hint">A day (2025-01-02) or a year; a year before the newest close when empty.</p></div>
  <button type="submit">Update prices</button>
</form>`
    : '';
  return html`<section aria-labelledby="${o.id}-heading" id="${o.id}">
  <h2 id="${o.id}-heading">${o.heading}</h2>
  ${body}
  ${form}
</section>`;
}
