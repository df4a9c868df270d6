// Methodology: what each metric means (from the METRICS registry), the pitfalls that make
// published numbers disagree, and which data airace has, from which source, and what is missing.
import { METRICS } from '../../series/metrics.js';
import { metricWords } from '../../series/labels.js';
import type { MetricDef } from '../../series/metrics.js';
import { pageOfCompanies, type CompanyPage } from '../../series/company-lookup.js';
import { InvalidOptionError } from '../../model/errors.js';
import { dataCoverage, type CoverageCell, type CoverageRow } from '../../views/data-coverage.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { twinHref, type Page, type PageRequest } from '../page.js';
import { QUERIES } from '../query-parameters.js';
import type { ServerContext } from '../server-context.js';
import { scrollTable } from '../components/scroll-table.js';
import { verificationMark } from '../components/source-links.js';
import { SOURCE_KINDS, VERIFICATION_LEVELS, type VerificationLevel } from '../../model/fact.js';
import { VERIFICATION_MARKS } from '../../model/document-label.js';
import { DOCUMENT_KINDS, verificationMix, type DocumentKindName, type VerificationReport } from '../../series/verification-mix.js';
import { VERIFICATION_COLUMNS, percentText, verificationRows } from '../../views/verification-rows.js';
import { combineDataAsOf } from '../../series/data-as-of.js';
import type { DataAsOf } from '../../model/series.js';

const DOCUMENT_KIND_LABELS: Record<DocumentKindName, string> = { 'sec-filing': 'SEC filing', company: 'company site', wire: 'wire release', government: 'government', secondary: 'secondary source' };
import { ORGANIZATION_MAP } from '../../model/model-organizations.js';

export interface MethodologyData {
  metrics: MetricDef[];
  pitfalls: { id: string; title: string; text: string[] }[];
  /** What each verification level means, strongest first. */
  verificationLevels: { level: VerificationLevel; mark: string; meaning: string }[];
  /** Per company, the share of the figures airace uses at each verification level, by document kind and origin (`airace sources`). */
  verification: VerificationReport;
  coverage: CoverageRow[];
  dataAsOf: DataAsOf;
  /** The coverage table shows one page of companies (`?page=`), curated ones first. */
  coveragePage: Omit<CompanyPage, 'companies'>;
}

/** Companies per page of the coverage table: the work of a request is bounded by it, not by the store. */
export const COVERAGE_PER_PAGE = 25;

/** `?page=3`; the first page when absent. */
function pageNumberOf(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  const text = String(raw);
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) throw new InvalidOptionError('page', text, ['a page number such as 2']);
  return Number(text);
}

/** Written for airace; anchors are linked from tables and the overview. */
const PITFALLS: MethodologyData['pitfalls'] = [
  {
    id: 'finance-leases',
    title: 'Finance leases are not in capex',
    text: [
      'Capex here is cash paid for property and equipment, as the cash-flow statement shows it. Amazon, Microsoft and Meta also obtain servers and data centres under finance leases. Those assets never pass through the capex line: they arrive as lease liabilities and are paid for later, as principal repayments among financing cash flows.',
      'Totals “including finance leases” are therefore larger, and companies build them differently: Meta adds principal payments on finance leases, Microsoft’s headline figure adds assets acquired under finance leases. airace keeps the two apart (capital expenditures, and capex incl. finance leases) and shows each company’s definition next to the number.',
      'Amazon’s capex is the whole company’s, warehouses and delivery vehicles included, not only AWS; AWS segment capex is a separate metric (AWS capex).',
    ],
  },
  {
    id: 'ytd-quarters',
    title: 'Quarterly cash flows are year to date',
    text: [
      'In a 10-Q the cash-flow statement covers the fiscal year so far: the second-quarter report shows six months, the third nine. A single quarter is the difference of two year-to-date figures (Q2 = H1 − Q1, Q4 = full year − nine months).',
      'Adding year-to-date figures counts the early months twice. airace only ever subtracts them, marks the quarter as derived, and cites both filings.',
    ],
  },
  {
    id: 'fiscal-years',
    title: 'Fiscal years are not calendar years',
    text: [
      'Each company names its fiscal year after the calendar year in which it ends: Microsoft’s FY2025 runs from July 2024 to June 2025, Alibaba’s from April 2024 to March 2025, while Amazon’s, Alphabet’s and Meta’s match the calendar. Side by side, “FY2025” compares different twelve months.',
      'For the same window use calendar years (period cy) or trailing twelve months (ttm), which airace builds from calendar quarters. When a quarter is missing the year is marked incomplete; it is never a quiet sum of the quarters that happen to exist.',
    ],
  },
  {
    id: 'periods',
    title: 'Periods: quarter, fy, cy, ttm',
    text: [
      'quarter: a calendar quarter (2025-Q1 is January to March 2025). fy: the company’s own fiscal year. cy: a calendar year, summed from four calendar quarters. ttm: the trailing twelve months ending with a calendar quarter, summed from four quarters or taken from a fiscal year that ends then.',
    ],
  },
  {
    id: 'growth',
    title: 'Growth rates are computed',
    text: ['Year-on-year growth compares a period with the same period a year earlier. airace computes it from two figures that each link to their sources; it is never stored as if a source had stated it.'],
  },
  {
    id: 'guidance',
    title: 'Guidance and commitments are not spending',
    text: [
      'When a company says it “expects to spend” or “plans to invest”, that is guidance or a commitment, not a reported figure. Guidance changes during the year, may be a range or a lower bound (“more than”), may be a quarterly run rate, and may use a different definition from reported capex (Meta’s includes finance-lease principal).',
      'airace stores such statements with basis guidance or commitment, never mixed with actuals, and keeps each statement’s note with its date. Comparisons of plan and actual put them side by side instead of subtracting one from the other.',
    ],
  },
  {
    id: 'currency',
    title: 'Currency conversion',
    text: [
      'Alibaba reports in renminbi. airace converts to US dollars only at the convenience rate Alibaba states in its own release for that period, and every converted value says which rate and date it used. Where no stated rate covers a period the value is missing (“no FX rate”) rather than converted at a rate from elsewhere.',
      'Growth rates are best read in the reporting currency, where exchange-rate moves do not distort them.',
    ],
  },
  {
    id: 'derived',
    title: 'Computed and missing values',
    text: [
      'Every value either comes from a source or is computed from sourced values, and computed values say how (hover a figure, or read derivation in the JSON and CSV). A missing value keeps its reason: no data, incomplete (some parts missing; the parts that exist are shown separately), no FX rate, or not applicable.',
    ],
  },
  {
    id: 'share-prices',
    title: 'Share prices: listings, windows, splits',
    text: [
      'Share prices are daily closes from a public daily-price source (Stooq’s daily CSV by default), downloaded by airace prices sync; none are bundled. Each download is kept with the time it was made, and every close points at the download it came from.',
      'A company can trade in several places, each in its own currency: Alibaba’s American depositary shares on the NYSE (BABA, in US dollars) and its ordinary shares in Hong Kong (9988.HK, in Hong Kong dollars). The listings are one reviewed table (data/listings.csv); prices are never converted between currencies, and lines of different listings are compared rebased to 100 at a common start date.',
      'A change is measured between two closes, each the last close on or before its date, so a weekend or holiday means the session before it. Year to date runs from the last close of the previous year; “on the day” compares a session with the one before it; N days are calendar days.',
      'After a split the source divides every earlier price by the split ratio, so its whole history changes. airace replaces a listing’s prices whole with each download (and counts the closes the source revised), so stored closes always come from one consistent response and a change across a split is the change a holder saw. Dividends are not added back.',
      'The claim checker checks a price claim against the listing its sentence names (“Hong Kong-listed shares” → 9988.HK), else the company’s primary listing, with the article’s date deciding “this year” and “on the day”; the company’s other listings and any gain the press reported are shown beside the verdict.',
    ],
  },
  {
    id: 'sources',
    title: 'Sources and versions',
    text: [
      'Every figure names its document of record: the filing (10-K, 10-Q, 20-F, or the results release furnished on Form 8-K or 6-K) on SEC EDGAR, or the company’s own release or investor page, or an official wire release. Where the value was read somewhere else (an aggregator, a mirror, the press), a “read at” link says where; the verification mark says how far the value has been checked (see the levels below). A confidence goes with it: high only for a value verified in XBRL or in the document itself and exact, medium for an exact copy or a rounded company figure, low for rounded news figures. Live sync from SEC EDGAR adds filed XBRL facts, each verified xbrl with its accession number.',
      'Several sources can give the same figure. The engine uses a synced filing first (the newest filed, or the first filed “as first reported”), then the bundled row marked preferred; the others stay as evidence on each company’s page.',
    ],
  },
  {
    id: 'models',
    title: 'Models and compute: Epoch AI’s estimates',
    text: [
      'The models side comes from Epoch AI’s table of notable AI models (CC BY 4.0). Training compute is Epoch’s estimate in FLOP, usually 6 × parameters × training tokens, or accelerator-hours × peak throughput × utilisation, each marked Confident, Likely or Speculative. Many recent frontier models, most closed ones, have no public estimate: they count as released models but are never sized, and never as zero. Every chart and table says how many it leaves out.',
      organisationMapText(),
      'Countries: a model is US when its developers’ countries include the United States but not China or Hong Kong, China when they include China or Hong Kong but not the United States, and Other otherwise (joint US–China models and models with no country included). This grouping is airace’s, not Epoch’s.',
      'Epoch revises its estimates. Each sync or import is kept as a retrieval with its date; the newest is shown unless as-of asks for an earlier one, and every chart says how current its data is. Costs come in two kinds that are never added: the notable table’s cloud-rental estimate in 2023 dollars, and the large-scale table’s cloud cost.',
    ],
  },
];

/** The reviewed organisation map in words, from the map itself (so the page cannot drift from it). */
function organisationMapText(): string {
  const byCompany = new Map<string, string[]>();
  for (const e of ORGANIZATION_MAP) if (e.ticker) byCompany.set(e.actor, [...(byCompany.get(e.actor) ?? []), e.organization]);
  const labs = ORGANIZATION_MAP.filter((e) => !e.ticker && e.organization !== e.actor).map((e) => `${e.organization} as ${e.actor}`);
  return `Epoch names the developers as they sign their work. airace counts them for the company they belong to by one reviewed table of exact names: ${[...byCompany].map(([actor, orgs]) => `${orgs.join(', ')} for ${actor}`).join('; ')}. Every other organisation, OpenAI, Anthropic, DeepSeek and xAI among them, is shown as itself (spellings merged: ${labs.join('; ')}). A model made jointly counts for each participant.`;
}

async function load(ctx: ServerContext, req: PageRequest): Promise<MethodologyData> {
  const page = pageNumberOf(req.query.page);
  return ctx.memo.get(`methodology:${page}`, async () => {
    const { companies, ...coveragePage } = await pageOfCompanies(ctx.store.db, page, COVERAGE_PER_PAGE);
    // Both tables cover the page's companies, so a request's work is bounded by the page, not the store.
    const coverage = await dataCoverage(ctx.store.db, companies);
    return {
      metrics: [...METRICS.values()],
      pitfalls: PITFALLS,
      verificationLevels: VERIFICATION_LEVELS.map((level) => ({ level, ...VERIFICATION_MARKS[level] })),
      verification: await verificationMix(ctx.store.db, { companies }),
      coverage,
      coveragePage,
      dataAsOf: combineDataAsOf(coverage.map((r) => r.dataAsOf)),
    };
  });
}

function verificationSection(d: MethodologyData, search: string): SafeHtml {
  const mixes = [...d.verification.companies, d.verification.all];
  const cell = (s: { count: number; share: number }) => html`<td class="num" title="${s.count} figures">${percentText(s.share)}</td>`;
  const table = html`<table id="verification">
  <caption id="verification-caption">Verification of the figures airace uses, by company: one figure per metric and period (a synced SEC fact, else the bundled preferred row) <a class="csv-link" href="${twinHref('/methodology', 'csv', search, 'verification')}">CSV</a></caption>
  <thead><tr><th scope="col">Company</th><th scope="col" class="num">Figures</th>${VERIFICATION_LEVELS.map((l) => html`<th scope="col" class="num">${verificationMark(l)}</th>`)}${DOCUMENT_KINDS.map((k) => html`<th scope="col" class="num">${DOCUMENT_KIND_LABELS[k]}</th>`)}${SOURCE_KINDS.map((k) => html`<th scope="col" class="num">${k === 'sec' ? 'SEC sync' : 'bundled'}</th>`)}</tr></thead>
  <tbody>${mixes.map((m) => html`<tr><th scope="row">${m.ticker === '*' ? m.name : html`<a href="/company/${m.ticker}">${m.name}</a>`}</th><td class="num">${m.figures}</td>${VERIFICATION_LEVELS.map((l) => cell(m.byLevel[l]))}${DOCUMENT_KINDS.map((k) => cell(m.byDocument[k]))}${SOURCE_KINDS.map((k) => cell(m.byOrigin[k]))}</tr>`)}</tbody>
</table>`;
  return html`<dl class="verification-levels">${d.verificationLevels.map((v) => html`<dt id="verified-${v.level}">${verificationMark(v.level)} ${v.level}</dt><dd>${v.meaning}</dd>`)}</dl>
  <p>A figure computed from several (a quarter from year-to-date filings, a group total, a growth rate) cites every input and shows the weakest level among them. Each figure’s document is linked by kind (“Form 10-K, filed 2025-02-07”); where the value was read elsewhere a “read at” link follows it. <code>airace sources</code> prints this table; after <code>airace sync</code> the share at XBRL rises, and <code>airace audit</code> lists every bundled figure that disagrees with the filed XBRL value.</p>
  ${scrollTable(table, 'verification')}
  <p class="table-note">Document kinds: SEC filing (any form on SEC EDGAR), the company’s own site, an official wire (Business Wire, PR Newswire), a government publication, or a secondary source. With more companies than fit a page, the table covers this page’s companies (<code>airace sources</code> covers all).</p>
  <h3 id="corrections">Reporting a wrong figure</h3>
  <p>Found a figure that its document does not show? Report it with the row (company, metric, period) and the document and page that show the right figure. A maintainer records the correction in <code>data/corrections.csv</code>: the corrected figure becomes the one used, and the old value stays on the company page as an earlier version with the reason (the repository’s <code>docs/data.md</code>, “Correcting a figure”, has the steps).</p>`;
}

/** "Companies 26–50 of 2,006", with links to the pages before and after. */
function coveragePager(p: MethodologyData['coveragePage']): SafeHtml | '' {
  if (p.pages <= 1) return '';
  const first = (p.page - 1) * p.perPage + 1;
  const last = Math.min(p.total, p.page * p.perPage);
  const link = (page: number, text: string, rel: string) => html`<a rel="${rel}" href="/methodology?page=${page}#coverage-heading">${text}</a>`;
  return html`<nav class="pager" aria-label="Coverage pages"><p>Companies ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} (page ${p.page} of ${p.pages})${p.page > 1 ? html` · ${link(p.page - 1, '← previous', 'prev')}` : ''}${p.page < p.pages ? html` · ${link(p.page + 1, 'next →', 'next')}` : ''}</p></nav>`;
}

function metricEntry(m: MetricDef): SafeHtml {
  const per = Object.entries(m.companyDefinitions ?? {});
  return html`<div class="metric">
  <dt id="${m.id}">${m.label}</dt>
  <dd>
    <p>${m.definition}</p>
    <p class="meta">In the API and CSV files: <code>metric=${m.id}</code></p>
    <p class="meta">${m.unit === 'percent' ? 'Percent' : 'Money, in the company’s reporting currency unless converted'} · ${m.kind === 'reported' ? 'reported' : html`computed from ${(m.inputs ?? []).map((i) => metricWords(i)).join(' and ')}${m.reportedFirst ? ' when no reported figure exists' : ''}`} · <a href="/explore?metric=${m.id}">chart it</a></p>
    ${per.length ? html`<ul class="company-definitions">${per.map(([t, d]) => html`<li><strong>${t}</strong>: ${d}</li>`)}</ul>` : ''}
  </dd>
</div>`;
}

function coverageCell(c: CoverageCell | undefined): SafeHtml {
  if (!c || c.present === 0) {
    const err = c?.gaps.find((g) => g.reason === 'error');
    return html`<td class="none">${err ? `error: ${err.detail}` : 'no data'}</td>`;
  }
  const range = c.first === c.last ? c.first : `${c.first}–${c.last}`;
  const newest = c.dataAsOf.newestPeriodEnd;
  return html`<td><span class="range">${range}</span> · ${c.present} of ${c.total} · ${c.sourceKinds.join(', ')}${newest ? html` · to ${newest}` : ''}${
    c.gaps.length ? html`<br><span class="gaps">missing: ${c.gaps.map((g, i) => html`${i ? ', ' : ''}<span title="${g.detail}">${g.label} (${g.reason})</span>`)}</span>` : ''
  }</td>`;
}

function coverageTable(rows: CoverageRow[], search: string): SafeHtml {
  const table = html`<table id="coverage">
  <caption id="coverage-caption">Data coverage by company and metric: periods with a value, out of the span from the first to the last, and where they come from <a class="csv-link" href="${twinHref('/methodology', 'csv', search, 'coverage')}">CSV</a></caption>
  <thead><tr><th scope="col">Company</th><th scope="col">Metric</th><th scope="col">Newest figure</th><th scope="col">Fiscal years</th><th scope="col">Calendar quarters</th></tr></thead>
  <tbody>${rows.map(
    (r) => html`<tr><th scope="row"><a href="/company/${r.ticker}">${r.name}</a></th><td><a href="#${r.metric}">${r.metric}</a></td><td>${r.dataAsOf.newestPeriodEnd ? html`period to ${r.dataAsOf.newestPeriodEnd}${r.dataAsOf.newestDocumentDate ? html`; document filed ${r.dataAsOf.newestDocumentDate}` : ''}` : html`<span class="missing">none</span>`}</td>${coverageCell(r.cells.find((c) => c.period === 'fy'))}${coverageCell(r.cells.find((c) => c.period === 'quarter'))}</tr>`,
  )}</tbody>
</table>`;
  return scrollTable(table, 'coverage');
}

async function render(d: MethodologyData, _ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const main = html`<h1>Methodology</h1>
<p class="lede">What each number means, why published numbers disagree, and what data airace has.</p>
<nav aria-label="On this page" class="toc"><ul><li><a href="#metrics-heading">Metric definitions</a></li><li><a href="#pitfalls-heading">Pitfalls</a></li><li><a href="#verification-heading">Verification</a></li><li><a href="#coverage-heading">Data coverage</a></li></ul></nav>
<section aria-labelledby="metrics-heading">
  <h2 id="metrics-heading">Metric definitions</h2>
  <dl class="metrics">${d.metrics.map(metricEntry)}</dl>
</section>
<section aria-labelledby="pitfalls-heading">
  <h2 id="pitfalls-heading">Pitfalls</h2>
  ${d.pitfalls.map((p) => html`<section aria-labelledby="${p.id}"><h3 id="${p.id}">${p.title}</h3>${p.text.map((t) => html`<p>${t}</p>`)}</section>`)}
</section>
<section aria-labelledby="verification-heading">
  <h2 id="verification-heading">How each figure is verified</h2>
  ${verificationSection(d, req.search)}
</section>
<section aria-labelledby="coverage-heading">
  <h2 id="coverage-heading">Data coverage</h2>
  <p>Computed by asking the series engine for every company, metric and period kind. <em>bundled</em> is the verified data shipped with airace; <em>sec</em> is data synced from SEC EDGAR. Hover a missing period for the engine’s reason.</p>
  ${coveragePager(d.coveragePage)}
  ${coverageTable(d.coverage, req.search)}
</section>`;
  return layout({ title: 'Methodology', description: 'Metric definitions, pitfalls and data coverage.', main, section: 'methodology', twins: { json: twinHref('/methodology', 'json', req.search), csv: twinHref('/methodology', 'csv', req.search) }, dataAsOf: d.dataAsOf });
}

export const methodologyPage: Page<MethodologyData> = {
  query: QUERIES.methodologyPage,
  load,
  render,
  tables: (d) => [
    {
      name: 'coverage',
      columns: ['ticker', 'metric', 'period', 'first', 'last', 'present', 'total', 'source_kinds', 'missing', 'newest_period_end', 'newest_document_date'],
      rows: d.coverage.flatMap((r) => r.cells.map((c) => [r.ticker, r.metric, c.period, c.first, c.last, c.present, c.total, c.sourceKinds.join(' '), c.gaps.map((g) => `${g.label}:${g.reason}`).join(' '), c.dataAsOf.newestPeriodEnd, c.dataAsOf.newestDocumentDate])),
    },
    { name: 'verification', columns: VERIFICATION_COLUMNS, rows: verificationRows([...d.verification.companies, d.verification.all]) },
    { name: 'metrics', columns: ['id', 'label', 'unit', 'kind', 'inputs', 'definition'], rows: d.metrics.map((m) => [m.id, m.label, m.unit, m.kind, (m.inputs ?? []).join(' '), m.definition]) },
  ],
};
