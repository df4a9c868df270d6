// "Check an article": a plain POST form (works without JavaScript) and, after a POST, every
// figure the article states with its verdict and the evidence (our figure, the difference,
// sources, the reason), plus the charts it describes drawn inline. The article is untrusted
// input: it is escaped wherever it appears and never stored.
import type { CheckedClaim, ChartEntry, Evidence, SourceDocument, Verdict } from '../../check/index.js';
import type { CheckReportWebJson } from '../../check/report-json.js';
import type { DataAsOf } from '../../model/series.js';
import { storeDataAsOf } from '../../series/data-as-of.js';
import { CLAIM_COLUMNS, claimRows } from '../../views/claim-rows.js';
import { againstLine, againstParts } from '../../check/against-words.js';
import { ApiError } from '../api-error.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import type { Page, PageRequest } from '../page.js';
import type { ServerContext } from '../server-context.js';
import { CHECK_BODY_LIMIT, QUERIES } from '../query-parameters.js';
import { checkInput } from '../check-input.js';
import { checkReport } from '../api/check-endpoint.js';
import { chartFrame } from '../components/chart-frame.js';
import { chartLinks } from '../components/chart-links.js';
import { seriesResultFor } from '../series-result.js';
import { chartSummary } from '../chart-summary.js';
import type { ChartQuery } from '../series-query.js';
import type { CheckWebReport } from '../check-web-report.js';
import { documentCitation } from '../components/source-links.js';
import { uniqueDocuments } from '../../model/document-label.js';

/** The report of a POST (also the `.json` twin, the same as POST /api/v1/check); null for the empty form. */
export type CheckPageData = CheckWebReport | null;

const CHART_LABELS: Record<string, string> = { grouped: 'grouped columns', line: 'line', stacked: 'stacked columns' };
const VERDICT_LABELS: Record<Verdict, string> = { supported: 'Supported', close: 'Close', contradicted: 'Contradicted', 'not-checkable': 'Not checkable' };

async function load(ctx: ServerContext, req: PageRequest): Promise<CheckPageData> {
  if (req.body === undefined) return null;
  return checkReport(ctx, checkInput(req.body, req.query), req.signal);
}

/** What the form shows: the article as posted (a bad request keeps it too). */
function posted(req: PageRequest): { text: string; date: string } {
  const get = (name: string) => {
    const v = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>)[name] : undefined;
    return typeof v === 'string' ? v : '';
  };
  return { text: typeof req.body === 'string' ? req.body : get('text'), date: get('date') };
}

function form(input: { text: string; date: string }, again: boolean): SafeHtml {
  return html`<form method="post" action="/check" id="check-form" class="check-form" aria-labelledby="form-heading">
  <h2 id="form-heading">${again ? 'The article' : 'Paste an article'}</h2>
  <div class="field"><label for="article">Article, as plain text or markdown (at most ${CHECK_BODY_LIMIT / 1024} KB)</label>
    <textarea id="article" name="text" rows="${again ? 8 : 16}" required aria-describedby="article-hint">${input.text}</textarea>
    <p id="article-hint" class="hint">Nothing you paste is stored. Figures are read in English: amounts with their currency and scale (“$53 billion”, “RMB 380 billion”), growth rates, shares, with the period and company they are about.</p></div>
  <div class="field"><label for="date">Article date (optional)</label>
    <input type="date" id="date" name="date" value="${input.date}" aria-describedby="date-hint">
    <p id="date-hint" class="hint">Used when the article states none (“Published: …” or a dateline): it resolves “this year” and picks the guidance in force at the time.</p></div>
  <button type="submit">Check the article</button>
</form>`;
}

/** Each document as the site cites one (source-links.ts): its kind and date, linked, where the value was read, its verification mark; and the accession, for finding the filing. */
function sources(docs: SourceDocument[]): SafeHtml {
  return html`${uniqueDocuments(docs).map((d, i) => html`${i ? ', ' : ''}${documentCitation(d)}${d.accession ? html` <span class="accession">${d.accession}</span>` : ''}`)}`;
}

function verdictBadge(v: Verdict | null): SafeHtml {
  return v ? html`<span class="verdict verdict-${v}">${VERDICT_LABELS[v]}</span>` : html``;
}

function evidence(e: Evidence): SafeHtml {
  return html`<li>${verdictBadge(e.verdict)} ${e.label}: ${e.actual ? e.actual.display : 'no figure'}${e.difference ? ` (${e.difference.display})` : ''}${e.note ? html`. <span class="note">${e.note}</span>` : ''}${e.sources.length ? html` · ${sources(e.sources)}` : ''}</li>`;
}

function claimItem(c: CheckedClaim): SafeHtml {
  // What the figure was checked against, and how each part was found (stated, carried from sentence N, from the article date).
  const about = againstLine(c.against);
  const parts = againstParts(c.against);
  return html`<li class="claim claim-${c.verdict}" id="claim-${c.id}">
  <p class="claim-head">${verdictBadge(c.verdict)} <q class="claim-text">${c.text}</q></p>
  <dl class="claim-facts">
    ${about ? html`<dt>Checked against</dt><dd>${about}</dd>` : ''}
    ${parts.definition ? html`<dt>Definition</dt><dd>${parts.definition}</dd>` : ''}
    ${c.claimed ? html`<dt>Claimed</dt><dd>${c.claimed.display}</dd>` : ''}
    ${c.actual ? html`<dt>Our figure</dt><dd><strong>${c.actual.display}</strong>: ${c.actual.label}${c.actual.statedOn ? `, stated ${c.actual.statedOn}` : ''}${c.actual.derivation ? ` (${c.actual.derivation})` : ''}</dd>` : ''}
    ${c.difference ? html`<dt>Difference</dt><dd>${c.difference.display}</dd>` : ''}
    ${c.sources.length ? html`<dt>Sources</dt><dd>${sources(c.sources)}</dd>` : ''}
    ${c.reason ? html`<dt>${c.verdict === 'not-checkable' ? 'Why' : 'Reason'}</dt><dd>${c.reason}</dd>` : ''}
    ${c.period?.note ? html`<dt>Period</dt><dd>${c.period.note}</dd>` : ''}
    ${c.tolerance ? html`<dt>Tolerance</dt><dd>${c.tolerance}</dd>` : ''}
    ${c.alsoAgainst.length ? html`<dt>Also compared with</dt><dd><ul>${c.alsoAgainst.map(evidence)}</ul></dd>` : ''}
    ${c.notes.length ? html`<dt>Notes</dt><dd><ul>${c.notes.map((n) => html`<li>${n}</li>`)}</ul></dd>` : ''}
  </dl>
</li>`;
}

/** A described chart as a chart query, so it is drawn, tabled and downloaded like any other. */
function chartQueryOf(ch: Omit<ChartEntry, 'files'>): ChartQuery | null {
  const r = ch.request;
  if (!r) return null;
  return { metric: r.metric, companies: r.tickers, period: r.period as ChartQuery['period'], from: r.from, to: r.to, currency: r.currency, basis: r.basis ?? 'actual', asFirstReported: false, type: ch.type };
}

async function chartItem(ctx: ServerContext, ch: Omit<ChartEntry, 'files'>, i: number, req: PageRequest): Promise<SafeHtml> {
  const query = ch.spec ? chartQueryOf(ch) : null;
  let figure: SafeHtml = html`<p class="missing">Not drawn: ${ch.error ?? 'no chart could be made from these words'}.</p>`;
  if (query) {
    const result = await seriesResultFor(ctx.store.db, query);
    const summary = chartSummary(result, { type: query.type });
    figure = chartFrame({ id: `chart-${i + 1}`, links: chartLinks(query), ...summary, result, origin: req.origin });
  }
  return html`<div class="described-chart">
  <h3 id="chart-${i + 1}-heading">Chart ${i + 1}: ${CHART_LABELS[ch.type] ?? ch.type}</h3>
  <blockquote>${ch.text}</blockquote>
  ${figure}
  ${ch.notes.map((n) => html`<p class="table-note">${n}</p>`)}
</div>`;
}

/** Buttons that post the same article to the `.csv` and `.json` twins (a link cannot carry it). */
function downloads(input: { text: string; date: string }): SafeHtml {
  const hidden = html`<input type="hidden" name="text" value="${input.text}"><input type="hidden" name="date" value="${input.date}">`;
  return html`<div class="downloads">Download the result:
  <form method="post" action="/check.csv" class="inline-form">${hidden}<button type="submit" class="link-button">Claims as CSV</button></form> ·
  <form method="post" action="/check.json" class="inline-form">${hidden}<button type="submit" class="link-button">Report as JSON</button></form>
  · or <code>POST /api/v1/check</code> (<a href="/api#/check">API</a>)</div>`;
}

function summary(r: CheckReportWebJson): SafeHtml {
  const s = r.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const date = r.articleDate
    ? html`Article date: ${r.articleDate.date} (${r.articleDate.from === 'article' ? html`stated in the article: <q>${r.articleDate.words ?? ''}</q>` : 'given in the form'}).`
    : html`The article states no date; give one above to resolve “this year” and the guidance at the time.`;
  return html`<p class="check-summary" role="status"><strong>${plural(s.claims, 'figure')} checked</strong>: ${s.supported} supported, ${s.close} close, ${s.contradicted} contradicted, ${s.notCheckable} not checkable; ${plural(s.charts, 'chart')} described.</p>
<p>${date}</p>`;
}

async function render(d: CheckPageData, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const input = posted(req);
  const intro = html`<h1>Check an article</h1>
<p class="lede">Paste a news story about the AI race. airace finds every figure it states, checks each one against the filings with the same engine as the rest of this site, and redraws the charts it describes in words. Each figure gets a verdict, our number, the difference and the sources (<a href="/methodology">how the numbers are made</a>).</p>`;
  if (!d) return page(html`${intro}${form(input, false)}`, await storeDataAsOf(ctx.store.db));
  const charts = await Promise.all(d.charts.map((ch, i) => chartItem(ctx, ch, i, req)));
  const main = html`${intro}
<section aria-labelledby="result-heading" id="check-result">
  <h2 id="result-heading">Result</h2>
  ${summary(d)}
  <details class="policy"><summary>How verdicts are given</summary><p>${d.policy}</p></details>
  ${d.claims.length ? html`<ol class="claims">${d.claims.map(claimItem)}</ol>` : html`<p>No figures found. airace reads amounts with a currency (“$53 billion”), growth rates and shares, about the companies it follows.</p>`}
  ${charts.length ? html`<h2 id="charts-heading">Charts the article describes</h2>${charts}` : ''}
  ${downloads(input)}
</section>
${form(input, true)}`;
  return page(main, d.dataAsOf);
}

function page(main: SafeHtml, dataAsOf: DataAsOf): SafeHtml {
  return layout({
    title: 'Check an article',
    description: 'Paste an article about the AI race: every figure it states is checked against company filings, with sources.',
    main,
    section: 'check',
    dataAsOf,
  });
}

/** A bad request (no text, a bad date) shows the form again with the article kept. */
async function renderError(error: ApiError, _ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  return layout({
    title: 'Check an article',
    main: html`<h1>Check an article</h1>
<div class="error" role="alert"><h2>Check the ${error.parameter === 'text' ? 'article' : error.parameter ?? 'form'}</h2><p>${error.message}</p>${error.allowed.length ? html`<p>Allowed: ${error.allowed.join(', ')}</p>` : ''}</div>
${form(posted(req), false)}`,
    section: 'check',
  });
}

export const checkPage: Page<CheckPageData> = {
  query: QUERIES.check,
  load,
  render,
  renderError,
  tables: (d) => [{ name: 'claims', columns: CLAIM_COLUMNS, rows: d ? claimRows(d.claims) : [] }],
};
