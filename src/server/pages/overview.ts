// "The race": the seed chart with the events of the seed article marked, a leaderboard, the
// big four's combined capex, plans (guidance, Alibaba's commitment) against what was actually
// spent, and the cited timeline of the race.
import { chartMeta } from '../../chart/chart-meta.js';
import type { DataAsOf, SeriesResult } from '../../model/series.js';
import { combineDataAsOf, dataAsOfEvents, dataAsOfPoints } from '../../series/data-as-of.js';
import { getSeries } from '../../series/engine.js';
import { buildChart } from '../../chart/chart.js';
import { chartPreset } from '../../chart/presets.js';
import { columnScaleFor, formatPercent } from '../../model/format-figure.js';
import { metricLabel } from '../../series/labels.js';
import { seriesRows, SERIES_CSV_COLUMNS } from '../../views/series-rows.js';
import { leaderboard, type Leaderboard, type LeaderboardRow } from '../../views/leaderboard.js';
import { planVsActualData, type PlanVsActualData } from '../../series/plan-vs-actual-data.js';
import type { GuidanceHistory } from '../../series/guidance-history.js';
import type { PledgeProgress } from '../../series/pledge-progress.js';
import { figurePreset } from '../../chart/figure-presets.js';
import { guidanceText, planVsActualSpec } from '../../chart/specs/plan-vs-actual.js';
import { GUIDANCE_COLUMNS, guidanceRows } from '../../views/guidance-rows.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { twinHref, type CsvTable, type Page, type PageRequest } from '../page.js';
import { QUERIES } from '../query-parameters.js';
import type { ServerContext } from '../server-context.js';
import { chartOptionsOf, parseChartQuery, seriesRequestOf, type ChartQuery } from '../series-query.js';
import { chartFrame } from '../components/chart-frame.js';
import { chartSummary, type ChartSummary } from '../chart-summary.js';
import { planSources } from '../../views/chart-sources.js';
import { chartLinks, type ChartLinks } from '../components/chart-links.js';
import { seriesTable } from '../components/series-table.js';
import { scrollTable } from '../components/scroll-table.js';
import { MARKS_LEGEND, exactValue, formatUnit, pointValue } from '../components/value-link.js';
import { caveatMarks, citations, companyNames, NO_NAMES, type CompanyNames } from '../components/source-links.js';
import { pointCaveats } from '../../series/caveats.js';
import { eventDocument } from '../../model/race-event.js';
import type { DocumentRef, SourceRef } from '../../model/fact.js';
import { allCompanies } from '../../series/read-db.js';
import { swatch } from '../components/swatch.js';
import { eventTimeline } from '../components/event-timeline.js';
import { listEvents } from '../../series/events.js';
import { formatEventDate } from '../../chart/format-event-date.js';
import { EVENT_COLUMNS, eventJson, eventRows, type EventJson } from '../../views/event-rows.js';
import { chartEventsFor } from '../chart-spec.js';
import { modelsSummary, type ModelsSummary } from '../../views/models-summary.js';
import { modelsSection } from '../components/models-section.js';

export interface OverviewData {
  /** The seed chart, as `airace chart --preset seed --annotate`: `events` are the ones it marks. */
  seed: { query: ChartQuery; links: ChartLinks; result: SeriesResult; events: EventJson[] };
  leaderboard: Leaderboard;
  /** The big four's combined capex by calendar year (sums of their calendar quarters). */
  bigFour: SeriesResult;
  /** The same four stacked by calendar year, each company's share visible and incomplete years marked. */
  stack: { query: ChartQuery; links: ChartLinks; result: SeriesResult };
  /** Guidance as it changed against actual spending, and Alibaba's pledge against its capex since (the `plan-vs-actual` figure). */
  plan: { preset: string; year: number; links: ChartLinks; data: PlanVsActualData };
  /** Every event of the race, oldest first, each with its source (`airace events --format json`). */
  timeline: EventJson[];
  /** The models side of the race, from Epoch AI's data (`loaded: false` until `airace models sync`). */
  models: ModelsSummary;
  /** Names of the CSV twins (`/index.csv?table=`). */
  tables: string[];
  /** What the frames say about each chart (title, alt text, periods), worked out once with the data. */
  summaries: { seed: ChartSummary; stack: ChartSummary; plan: { title: string; alt: string } };
  /** How current the figures on the page are (charts, tables and timeline together). */
  dataAsOf: DataAsOf;
}

/** Timeline years from this one on are shown open; earlier ones are one click away. */
const TIMELINE_OPEN_FROM = 2025;

async function load(ctx: ServerContext): Promise<OverviewData> {
  return ctx.memo.get('overview', async () => {
    const { db } = ctx.store;
    const companies = await allCompanies(db);
    const query = parseChartQuery({ preset: 'seed', annotate: 'true' }, companies);
    const figure = figurePreset('plan-vs-actual');
    const stackQuery = parseChartQuery({ metric: 'capex', companies: 'AMZN,MSFT,GOOGL,META', period: 'cy', type: 'stacked' }, companies);
    const [result, board, bigFour, stack, plan, timeline, models] = await Promise.all([
      getSeries(db, seriesRequestOf(query)),
      leaderboard(db),
      getSeries(db, { metric: 'capex', tickers: ['GROUP4'], period: 'cy' }),
      getSeries(db, seriesRequestOf(stackQuery)),
      planVsActualData(db, figure),
      listEvents(db),
      modelsSummary(db),
    ]);
    const marked = await chartEventsFor(db, query, result);
    const planQuery = parseChartQuery({ preset: figure.name }, []);
    const preset = chartPreset('seed');
    const seedOptions = { type: query.type, ...preset.options, annotations: marked };
    const seedSummary = chartSummary(result, seedOptions);
    const planSpec = planVsActualSpec(plan.histories, plan.pledge, figure.options);
    const summaries = {
      seed: { ...seedSummary, alt: buildChart(result, seedOptions).description ?? seedSummary.alt },
      stack: chartSummary(stack, chartOptionsOf(stackQuery)),
      plan: { title: chartMeta(planSpec)?.title ?? '', alt: planSpec.description ?? '' },
    };
    return {
      seed: { query, links: chartLinks(query), result, events: marked.map(eventJson) },
      leaderboard: board,
      bigFour,
      stack: { query: stackQuery, links: chartLinks(stackQuery), result: stack },
      plan: { preset: figure.name, year: figure.year, links: chartLinks(planQuery), data: plan },
      timeline: timeline.map(eventJson),
      models,
      tables: TABLES.map((t) => t.name),
      summaries,
      dataAsOf: combineDataAsOf([
        result.dataAsOf,
        bigFour.dataAsOf,
        dataAsOfPoints(board.rows.flatMap((r) => [r.capexFy, r.capexTtm, r.capexIntensity, r.freeCashFlow].flatMap((f) => (f ? [f.point] : [])))),
        dataAsOfPoints(plan.histories.flatMap((h) => (h.actual ? [h.actual] : []))),
        dataAsOfPoints(plan.pledge?.checkpoints.map((c) => c.quarter) ?? []),
        dataAsOfEvents(timeline),
      ]),
    };
  });
}

/** Every document a figure cites, space-separated: a TTM sum cites each quarter's filing. */
const urlsOf = (p: { sources: { url: string }[] } | undefined) => (p ? [...new Set(p.sources.map((s) => s.url))].join(' ') || null : null);

/** CSV twins: `/index.csv` is the leaderboard; `?table=` picks another. */
const TABLES: { name: string; build: (d: OverviewData) => Omit<CsvTable, 'name'> }[] = [
  {
    name: 'leaderboard',
    build: (d) => ({
      columns: ['ticker', 'name', 'currency', 'fiscal_year', 'capex_fy', 'capex_fy_source', 'ttm_period', 'capex_ttm', 'capex_ttm_source', 'capex_yoy_pct', 'capex_intensity_pct', 'free_cash_flow'],
      rows: d.leaderboard.rows.map((r) => [
        r.ticker, r.name, d.leaderboard.currency, r.capexFy?.label ?? null, r.capexFy?.point.value ?? null, urlsOf(r.capexFy?.point),
        r.comparedTtm?.label ?? null, r.comparedTtm?.point.value ?? null, urlsOf(r.comparedTtm?.point),
        r.capexGrowth ? Number(r.capexGrowth.value.toFixed(4)) : null, r.capexIntensity?.point.value ?? null, r.freeCashFlow?.point.value ?? null,
      ]),
    }),
  },
  { name: 'seed', build: (d) => ({ columns: SERIES_CSV_COLUMNS, rows: seriesRows(d.seed.result) }) },
  { name: 'big-four', build: (d) => ({ columns: SERIES_CSV_COLUMNS, rows: seriesRows(d.bigFour) }) },
  { name: 'guidance', build: (d) => ({ columns: GUIDANCE_COLUMNS, rows: d.plan.data.histories.flatMap(guidanceRows) }) },
  {
    name: 'pledge',
    build: (d) => ({
      columns: ['ticker', 'pledge', 'currency', 'pledge_start', 'pledge_end', 'counted_from', 'quarter', 'quarter_end', 'capex', 'cumulative', 'derivation', 'missing_reason', 'source_urls'],
      rows: d.plan.data.pledge
        ? d.plan.data.pledge.checkpoints.map((c) => {
            const p = d.plan.data.pledge!;
            return [p.ticker, p.amount, p.currency, p.start, p.end, p.countedFrom, c.label, c.end, c.quarter.value, c.cumulative, c.derivation, c.quarter.missing?.reason ?? null, [...new Set(c.sources.map((x) => x.url))].join(' ')];
          })
        : [],
    }),
  },
  { name: 'events', build: (d) => ({ columns: EVENT_COLUMNS, rows: eventRows(d.timeline) }) },
];

/** A growth rate inherits its two years' caveats and cites both years' documents. */
function growthProvenance(sources: SourceRef[], names: CompanyNames): SafeHtml {
  return html`${caveatMarks(pointCaveats({ derived: false, derivation: null, fx: null, sources }))}${citations(sources, names)}`;
}

/** One scale per money column, so a column never mixes "RMB 1.0T" with "RMB 996.3B". */
interface ColumnScales {
  fy?: number;
  ttm?: number;
  fcf?: number;
}

/** A later figure in a sentence: linked to its first document (its citations are in the company's row of the JSON and on its page). */
function furtherValue(f: NonNullable<LeaderboardRow['capexTtm']>, unit: string): SafeHtml {
  const href = safeUrl(f.point.sources[0]?.url);
  const text = formatUnit(f.point.value, unit);
  return href ? html`<a class="value" href="${href}" data-verified="${f.point.sources[0]!.verified}">${text}</a>` : html`${text}`;
}

/** A company whose own latest twelve months end after the window the board compares. */
const reportedFurther = (r: LeaderboardRow) => r.capexTtm !== null && r.comparedTtm !== null && r.capexTtm.label !== r.comparedTtm.label;

function leaderRow(r: LeaderboardRow, unit: string, names: CompanyNames, scales: ColumnScales): SafeHtml {
  const growth = r.capexGrowth
    ? // A computed figure: its link opens both years side by side, each linked to its source.
      html`<span class="figure"><a href="/explore?metric=capex&amp;companies=${r.ticker}&amp;period=fy&amp;currency=${unit}" title="${`${r.capexGrowth.from.label} ${exactValue(r.capexGrowth.from.point.value, unit)} → ${r.capexGrowth.to.label} ${exactValue(r.capexGrowth.to.point.value, unit)}; computed by airace`}">${r.capexGrowth.value >= 0 ? '+' : '−'}${formatPercent(Math.abs(r.capexGrowth.value))}</a><span class="mark" aria-hidden="true">*</span>${growthProvenance([...r.capexGrowth.from.point.sources, ...r.capexGrowth.to.point.sources], names)}</span>`
    : html`<span class="missing">—</span>`;
  return html`<tr>
    <th scope="row">${swatch(r.colour)}<a href="/company/${r.ticker}">${r.name}</a></th>
    <td>${r.capexFy?.label ?? '—'}</td>
    <td class="num">${pointValue(r.capexFy?.point, unit, names, scales.fy)}</td>
    <td class="num">${pointValue(r.comparedTtm?.point, unit, names, scales.ttm)}${reportedFurther(r) ? html`<span class="mark" aria-hidden="true">†</span>` : ''}</td>
    <td class="num">${growth}</td>
    <td class="num">${pointValue(r.capexIntensity?.point, 'percent', names)}</td>
    <td class="num">${pointValue(r.freeCashFlow?.point, unit, names, scales.fcf)}</td>
  </tr>`;
}

function leaderboardTable(d: OverviewData, names: CompanyNames): SafeHtml {
  const b = d.leaderboard;
  const unit = b.currency;
  const rows = [...b.rows].sort((a, z) => (z.comparedTtm?.point.value ?? -Infinity) - (a.comparedTtm?.point.value ?? -Infinity));
  const scale = (values: (number | null | undefined)[]) => columnScaleFor(values)?.size;
  const scales = { fy: scale(rows.map((r) => r.capexFy?.point.value)), ttm: scale(rows.map((r) => r.comparedTtm?.point.value)), fcf: scale(rows.map((r) => r.freeCashFlow?.point.value)) };
  const window = b.ttmLabel ? b.ttmLabel.replace(/^TTM /, '') : null;
  const later = rows.filter(reportedFurther);
  return html`${scrollTable(
    html`<table id="leaderboard">
    <caption id="leaderboard-caption">Capex leaderboard in ${unit}, ranked by capex in the twelve months to ${window ?? 'each company’s latest quarter'} <a class="csv-link" href="${twinHref('/', 'csv', '', 'leaderboard')}">CSV</a></caption>
    <thead><tr>
      <th scope="col">Company</th>
      <th scope="col">Latest fiscal year</th>
      <th scope="col" class="num"><a href="/methodology#capex">Capex</a>, fiscal year</th>
      <th scope="col" class="num"><a href="/methodology#periods">Capex, 12 months to ${window ?? 'latest'}</a></th>
      <th scope="col" class="num"><a href="/methodology#growth">Capex growth</a>, year on year</th>
      <th scope="col" class="num"><a href="/methodology#capex_intensity">Capex intensity</a></th>
      <th scope="col" class="num"><a href="/methodology#free_cash_flow">Free cash flow</a></th>
    </tr></thead>
    <tbody>${rows.map((r) => leaderRow(r, unit, names, scales))}</tbody>
  </table>`,
    'leaderboard',
  )}
  ${
    window
      ? html`<p class="table-note">Every company’s trailing twelve months end in the same quarter, ${window}, the latest all of them have reported, so the ranking compares the same twelve months.${
          later.length ? html` † Reported further: ${later.map((r, i) => html`${i ? '; ' : ''}${r.name} ${furtherValue(r.capexTtm!, unit)} to ${r.capexTtm!.label.replace(/^TTM /, '')}`)}.` : ''
        }</p>`
      : html`<p class="table-note">Not every company has a trailing-twelve-month figure, so the ranking is by each company’s latest window.</p>`
  }`;
}

/** A figure linked to the first of its documents, with all of them cited beside it. */
function linked(text: string, refs: readonly (DocumentRef & { ticker?: string })[], title: string, names: CompanyNames = NO_NAMES): SafeHtml {
  const href = safeUrl(refs[0]?.url);
  const value = href ? html`<a class="value" href="${href}" title="${title}" data-verified="${refs[0]!.verified}">${text}</a>` : html`<span title="${title}">${text}</span>`;
  return html`<span class="figure">${value}${citations(refs, names)}</span>`;
}

function pledgeSection(p: PledgeProgress, names: CompanyNames): SafeHtml {
  const known = p.checkpoints.filter((c) => c.cumulative !== null);
  const last = known[known.length - 1];
  const table = html`<table id="pledge">
    <caption id="pledge-caption">${p.name}’s capex since its pledge, by calendar quarter, ${p.currency} <a class="csv-link" href="${twinHref('/', 'csv', '', 'pledge')}">CSV</a></caption>
    <thead><tr><th scope="col">Quarter</th><th scope="col" class="num">Capex</th><th scope="col" class="num">Since ${p.countedFrom}</th><th scope="col">How the running total is made</th></tr></thead>
    <tbody>${p.checkpoints.map(
      (c) => html`<tr><th scope="row">${c.label}</th><td class="num">${pointValue(c.quarter, p.currency, names)}</td><td class="num">${
        c.cumulative === null ? html`<span class="missing">unknown</span>` : linked(formatUnit(c.cumulative, p.currency), c.sources, `${exactValue(c.cumulative, p.currency)} · ${c.sources.length} sources, all listed beside it`, names)
      }</td><td>${c.derivation ?? (c.quarter.value === null ? 'no figure for this quarter' : 'a quarter before it is missing')}</td></tr>`,
    )}</tbody>
  </table>`;
  return html`<div class="commitment">
  <h3 id="pledge-heading">${p.name}: ${formatUnit(p.amount, p.currency)} pledged from ${p.start} to ${p.end}</h3>
  <p>The pledge (basis <em>commitment</em>): ${citations(p.sources, names)}. Spending counts from ${p.countedFrom}, the first whole quarter after the announcement.</p>
  ${
    last
      ? html`<p class="big-number"><strong>${formatUnit(last.cumulative!, p.currency)}</strong><span class="mark" aria-hidden="true">*</span> of capex from ${p.countedFrom} to ${last.end}: <strong>${formatPercent((last.cumulative! / p.amount) * 100)}</strong> of the pledge.${p.missingQuarters.length ? html` Missing: ${p.missingQuarters.join(', ')}.` : ''}</p>`
      : html`<p>No capex known for whole quarters since the announcement yet.</p>`
  }
  ${scrollTable(table, 'pledge')}
  ${p.updates.length ? html`<p class="table-note">Later statements: ${p.updates.map((e, i) => html`${i ? '; ' : ''}${e.date} ${linked(e.title, [eventDocument(e)], e.note ?? '')}`)}.</p>` : ''}
  <p class="table-note">Capex is all cash capex, not only AI infrastructure; the pledge covers AI and cloud infrastructure (<a href="/methodology#guidance">plans against actuals</a>).</p>
</div>`;
}

function guidanceCell(h: GuidanceHistory, names: CompanyNames): SafeHtml {
  if (!h.steps.length) return html`<span class="missing">no dated guidance</span>`;
  return html`<ol class="steps">${h.steps.map(
    (s) => html`<li>${s.date}: ${linked(guidanceText(s.low, s.high, h.currency), s.sources.map((x) => ({ ...x, ticker: h.ticker })), `${exactValue(s.low, h.currency)}${s.high !== s.low ? ` – ${exactValue(s.high, h.currency)}` : ''} · ${s.sources.length} source${s.sources.length === 1 ? '' : 's'}`, names)}${s.reiterated ? ' (reiterated)' : ''}</li>`,
  )}</ol>`;
}

function guidanceTable(histories: GuidanceHistory[], names: CompanyNames): SafeHtml {
  return scrollTable(
    html`<table id="guidance">
    <caption id="guidance-caption">Capex guidance as it changed, against what was spent <a class="csv-link" href="${twinHref('/', 'csv', '', 'guidance')}">CSV</a></caption>
    <thead><tr><th scope="col">Company</th><th scope="col">Year</th><th scope="col">Guidance, by the day it was given</th><th scope="col" class="num">Actual</th><th scope="col">Compared with</th></tr></thead>
    <tbody>${histories.map(
      (h) => html`<tr>
        <th scope="row"><a href="/company/${h.ticker}">${h.name}</a></th>
        <td>${h.label}</td>
        <td>${guidanceCell(h, names)}${h.skipped.length ? html`<span class="table-note">${h.skipped.length} statement${h.skipped.length === 1 ? '' : 's'} left out (${[...new Set(h.skipped.map((x) => x.reason))].join('; ')})</span>` : ''}</td>
        <td class="num">${pointValue(h.actual, h.currency, names)}</td>
        <td class="note"><a href="/methodology#${h.actualMetric}">${metricLabel(h.actualMetric)}</a>: ${h.actualBasis}</td>
      </tr>`,
    )}</tbody>
  </table>`,
    'guidance',
  );
}

/** The events marked on the seed chart, numbered as on the chart, each linked to its source. */
function markedEvents(events: EventJson[]): SafeHtml {
  if (!events.length) return html``;
  return html`<div class="marked-events"><p>Marked on the chart: the events the seed article brings up (all events are in the <a href="#timeline-heading">timeline</a>).</p>
  <ol>${events.map((e) => html`<li><time datetime="${e.date}">${formatEventDate(e.date)}</time>: ${linked(e.title, [e.source], e.note ?? '')}</li>`)}</ol></div>`;
}

async function render(d: OverviewData, ctx: ServerContext, req: PageRequest): Promise<SafeHtml> {
  const names = companyNames(await allCompanies(ctx.store.db));
  const { seed: seedSummary, stack: stackSummary, plan: planSummary } = d.summaries;
  const main = html`<h1>The race</h1>
<p class="lede">How much Amazon, Microsoft, Alphabet, Meta and Alibaba spend on data centres, servers and the rest of their capital expenditure, from filings and cited statements. Every number links to its source; <a href="/methodology">definitions and pitfalls</a> are one click away.</p>

<section aria-labelledby="seed-heading">
  <h2 id="seed-heading">Capex by company and year</h2>
  <p>Capital expenditures as cash paid for property and equipment, by each company’s fiscal year (<a href="/methodology#capex">definition</a>; <a href="/methodology#finance-leases">why finance leases are not included</a>).</p>
  ${chartFrame({ id: 'chart-seed', links: d.seed.links, ...seedSummary, result: d.seed.result, names, origin: req.origin })}
  ${markedEvents(d.seed.events)}
</section>

<section aria-labelledby="leaderboard-heading">
  <h2 id="leaderboard-heading">Leaderboard</h2>
  <p>Latest figures per company, converted to ${d.leaderboard.currency} (Alibaba at the rates its releases state). Fiscal years differ: Microsoft’s ends in June, Alibaba’s in March (<a href="/methodology#fiscal-years">why it matters</a>).</p>
  ${leaderboardTable(d, names)}
  <p class="table-note">${MARKS_LEGEND}</p>
</section>

<section aria-labelledby="bigfour-heading">
  <h2 id="bigfour-heading">The big four combined</h2>
  <p>Amazon, Microsoft, Alphabet and Meta by calendar year, built from their calendar quarters. A year is only totalled when every company has every quarter: otherwise its column is pale and marked incomplete, and the total below shows the sum of the parts that exist.</p>
  ${chartFrame({ id: 'chart-stack', links: d.stack.links, ...stackSummary, result: d.stack.result, names, origin: req.origin })}
  ${seriesTable(d.bigFour, { id: 'bigfour-table', caption: 'Combined capex of the big four by calendar year, US$', csvHref: twinHref('/', 'csv', '', 'big-four'), names })}
</section>

<section aria-labelledby="plans-heading">
  <h2 id="plans-heading">Plans against actuals</h2>
  <p>Guidance and pledges are statements about the future (<a href="/methodology#guidance">basis</a> <em>guidance</em> or <em>commitment</em>); they never mix with reported figures. Here they sit next to what was spent.</p>
  ${chartFrame({ id: 'chart-plan', links: d.plan.links, ...planSummary, result: null, table: guidanceTable(d.plan.data.histories, names), sources: planSources(d.plan.data.histories, d.plan.data.pledge), origin: req.origin })}
  <h3 id="guidance-heading">Capex guidance for ${d.plan.year}</h3>
  <p>Each company’s guidance for its fiscal year ${d.plan.year}, from the day it was given, against the year’s actual figure in the company’s own definition: the chart’s Table tab.</p>
  ${d.plan.data.pledge ? pledgeSection(d.plan.data.pledge, names) : ''}
</section>

${modelsSection(d.models, { headingId: 'models-heading', origin: req.origin })}

<section aria-labelledby="timeline-heading">
  <h2 id="timeline-heading">Timeline</h2>
  <p>${d.timeline.length} events of the race: model releases, pledges, guidance changes, partnerships, policy and market moves. Titles are airace’s own words; every event links to its source. Amounts are the low end of a range (the note says so). <a href="${twinHref('/', 'csv', '', 'events')}">CSV</a> · <a href="/api/v1/events">JSON</a></p>
  ${eventTimeline(d.timeline, { id: 'timeline', openFrom: TIMELINE_OPEN_FROM })}
</section>`;
  return layout({
    title: 'The race',
    description: 'Capital expenditure of the companies racing to build AI, from filings, with every number linked to its source.',
    main,
    section: 'overview',
    twins: { json: '/index.json', csv: '/index.csv' },
    dataAsOf: d.dataAsOf,
  });
}

export const overviewPage: Page<OverviewData> = {
  query: QUERIES.tablePage,
  load,
  render,
  tables: (d) => TABLES.map((t) => ({ name: t.name, ...t.build(d) })),
};
