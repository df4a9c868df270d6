// The series engine: the only way views get numbers. It reads facts, picks versions,
// derives quarters and years, converts currencies, and computes derived metrics,
// keeping every value's sources and the reason any value is missing.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Company } from '../model/company.js';
import type { Basis, FactFigure } from '../model/fact.js';
import { missingPoint, outcomeOf, presentPoint, type CompanySeries, type FxUse, type Period, type PointFields, type SeriesPoint, type SeriesResult } from '../model/series.js';
import { listFactFigures } from '../store/facts-repository.js';
import { Citations, CitedFactGoneError } from './citations.js';
import { FactIndex, type VersionPolicy } from './fact-index.js';
import { FxTable, FX_METRIC } from './fx-table.js';
import { metricDef, type MetricDef, type MetricInputs } from './metrics.js';
import { PeriodResolver, missingValue, type Resolved } from './period-resolver.js';
import { parseBound, parsePeriod, periodSlots, type PeriodSlot } from './period-range.js';
import { lookupCompanies } from './company-lookup.js';
import { fiscalSpanLabel, fiscalYearOf } from './fiscal-year.js';
import { monthIndexOf, yearOf } from './months.js';
import { dataAsOfResult } from './data-as-of.js';
import { InvalidOptionError } from '../model/errors.js';
import { factSegments } from './fact-segments.js';
import { inSegment, withinOneSegment, type SegmentResolvers } from './one-segment.js';
import { segmentsOf, type Segment } from './segments.js';

export interface SeriesRequest {
  metric: string;
  tickers: string[];
  period: Period | string;
  /** `2022` or `2022-Q3`; defaults to the first period with data. */
  from?: string;
  to?: string;
  /** Target currency; defaults to the companies' common reporting currency, else USD. */
  currency?: string;
  basis?: Basis;
  asFirstReported?: boolean;
  /**
   * One segment of a metric reported in segments (`Microsoft Cloud`): each period's version is the
   * preferred one among that segment's. Already resolved to its registry entry (see segmentOption).
   */
  segment?: Segment;
}

/** Everything the engine read from the store for one request. */
interface Context {
  companies: Company[];
  facts: FactFigure[];
  citations: Citations;
  fx: FxTable;
  policy: VersionPolicy;
  basis: Basis;
  resolvers: Map<string, PeriodResolver>;
  /** Segment of each fact of a segmented metric, by fact id. */
  segments: Map<number, string | null>;
  segment: Segment | null;
}

export interface SeriesOptions {
  /** Companies the caller has already read from the store (the server's validation did): those asked for are not read again. */
  known?: Company[];
}

/** Attempts at a result whose cited facts a concurrent write deleted between the engine's reads. */
const ATTEMPTS = 3;

export async function getSeries(db: Kysely<Database>, req: SeriesRequest, options: SeriesOptions = {}): Promise<SeriesResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await computeSeriesOnce(db, req, options);
    } catch (e) {
      if (!(e instanceof CitedFactGoneError) || attempt >= ATTEMPTS) throw e;
    }
  }
}

async function computeSeriesOnce(db: Kysely<Database>, req: SeriesRequest, options: SeriesOptions): Promise<SeriesResult> {
  const def = metricDef(req.metric);
  const period = parsePeriod(req.period);
  const { chosen, known: all } = await lookupCompanies(db, req.tickers, options.known);
  const members = new Set(chosen.flatMap((c) => (c.kind === 'group' ? c.members : [c.ticker])));
  const basis = req.basis ?? 'actual';
  const facts = await listFactFigures(db, { tickers: [...members], metrics: [...baseMetrics(def), FX_METRIC] });
  if (req.segment) checkSegment(req.segment, def, [...members]);
  const segments = await factSegments(db, facts);
  const citations = new Citations();
  const ctx: Context = { companies: all, facts, citations, fx: new FxTable(facts, citations.cite), policy: { asFirstReported: req.asFirstReported }, basis, resolvers: new Map(), segments, segment: req.segment ?? null };

  const memberCompanies = all.filter((c) => members.has(c.ticker));
  const currencies = new Set(memberCompanies.map((c) => c.currency));
  const currency = def.unit === 'percent' ? null : (req.currency?.toUpperCase() ?? (currencies.size === 1 ? [...currencies][0]! : 'USD'));
  if (currency && currency !== 'USD' && [...currencies].some((c) => c !== currency)) {
    throw new InvalidOptionError('currency', currency, ['USD', `the reporting currency of every chosen company (${[...currencies].join(', ')})`], 'airace converts reporting currencies to USD only; use --currency USD');
  }

  const explicit = { from: req.from !== undefined, to: req.to !== undefined };
  const bounds = defaultBounds(ctx, memberCompanies, def, period);
  const from = req.from !== undefined ? parseBound('from', req.from) : bounds.from;
  const to = req.to !== undefined ? parseBound('to', req.to) : bounds.to;
  let slots = periodSlots(period, from, to);

  let series: CompanySeries[] = chosen.map((c) => ({
    ticker: c.ticker,
    name: c.name,
    colour: c.colour,
    reportingCurrency: c.currency,
    definition: def.companyDefinitions?.[c.ticker] ?? null,
    points: slots.map((s) => pointFor(ctx, def, c, s, currency)),
  }));

  // Without explicit bounds, drop leading and trailing periods that nobody has data for.
  if (!explicit.from || !explicit.to) {
    const has = slots.map((_, i) => series.some((s) => s.points[i]!.value !== null || s.points[i]!.partialValue !== null));
    const first = explicit.from ? 0 : Math.max(0, has.indexOf(true));
    const last = explicit.to ? slots.length - 1 : has.lastIndexOf(true);
    if (last >= first) {
      slots = slots.slice(first, last + 1);
      series = series.map((s) => ({ ...s, points: s.points.slice(first, last + 1) }));
    }
  }

  await citations.fill(db);
  return {
    metric: def.id,
    unit: currency ?? 'percent',
    currency,
    period,
    basis,
    definition: def.definition,
    series,
    dataAsOf: dataAsOfResult({ series }),
  };
}

function inputsFor(def: MetricDef, ticker: string): MetricInputs | null {
  const own = def.companyInputs?.[ticker];
  return own === undefined ? (def.inputs ?? null) : own;
}

function baseMetrics(def: MetricDef): string[] {
  const perCompany = Object.values(def.companyInputs ?? {}).flatMap((x) => x ?? []);
  return [...new Set([...(def.kind === 'reported' || def.reportedFirst ? [def.id] : []), ...(def.inputs ?? []), ...perCompany])];
}

/** A segment asked for must be of the metric and of the companies chosen. */
function checkSegment(segment: Segment, def: MetricDef, tickers: string[]): void {
  const known = [...new Set(tickers.flatMap((t) => baseMetrics(def).flatMap((m) => segmentsOf(t, m).map((s) => s.name))))];
  if (!tickers.every((t) => t === segment.ticker) || !baseMetrics(def).some((m) => segmentsOf(segment.ticker, m).includes(segment))) {
    const why = known.length ? `segments of ${def.id} for the companies chosen: ${known.join(', ')}` : `${def.id} of the companies chosen has no segments`;
    throw new InvalidOptionError('segment', segment.name, known.length ? known : ['no segment'], `${segment.name} is a segment of ${segment.ticker}; ${why}${tickers.length > 1 || tickers[0] !== segment.ticker ? `; choose ${segment.ticker} alone` : ''}`);
  }
}

/** The resolver of one company's metric, over all its facts or (`segment`) one segment's facts. */
function resolverFor(ctx: Context, company: Company, metric: string, segment?: string): PeriodResolver {
  const key = `${company.ticker}/${metric}${segment === undefined ? '' : `/${segment}`}`;
  let r = ctx.resolvers.get(key);
  if (!r) {
    const own = ctx.facts.filter((f) => f.ticker === company.ticker && f.metric === metric && f.unit === company.currency && (segment === undefined || ctx.segments.get(f.id) === segment));
    // A compiler's own estimate (basis `derived`) is not a figure any document states: never used, but named when a period has only it.
    const estimates = ctx.basis === 'actual' ? own.filter((f) => f.basis === 'derived') : [];
    r = new PeriodResolver(new FactIndex(own.filter((f) => f.basis === ctx.basis), ctx.policy), company.fiscalYearEndMonth, `${company.ticker} ${metric}`, new FactIndex(estimates));
    ctx.resolvers.set(key, r);
  }
  return r;
}

function segmentResolvers(ctx: Context, company: Company, metric: string, segments: Segment[]): SegmentResolvers {
  return {
    all: resolverFor(ctx, company, metric),
    bySegment: segments.map((s) => [s.name, resolverFor(ctx, company, metric, s.name)]),
    segmentOf: (f) => ctx.segments.get(f.id) ?? null,
    fyeMonth: company.fiscalYearEndMonth,
    what: `${company.ticker} ${metric}`,
  };
}

/** One reported metric of one company for one period, in its reporting currency; within one segment when the metric has them. */
function resolveReported(ctx: Context, company: Company, metric: string, slot: PeriodSlot): Resolved {
  const end = slot.endFor(company);
  const resolve = (r: PeriodResolver): Resolved => (ctx.basis !== 'actual' ? r.stated(end, slot.months) : slot.months === 3 ? r.quarter(end) : r.year(end));
  const segments = segmentsOf(company.ticker, metric);
  if (!segments.length) return resolve(resolverFor(ctx, company, metric));
  const s = segmentResolvers(ctx, company, metric, segments);
  return ctx.segment && segments.includes(ctx.segment) ? inSegment(s, ctx.segment.name, resolve) : withinOneSegment(s, resolve);
}

/** A metric (reported or derived) of one company for one period, in its reporting currency. */
function resolveMetric(ctx: Context, def: MetricDef, company: Company, slot: PeriodSlot): Resolved {
  if (def.kind === 'reported') return resolveReported(ctx, company, def.id, slot);
  const names = inputsFor(def, company.ticker);
  if (def.reportedFirst) {
    const stated = resolveReported(ctx, company, def.id, slot);
    // Companies whose definition can't be computed from statement lines get reported figures only.
    if (stated.value !== null || !names) return stated;
  }
  const end = slot.endFor(company);
  if (!names) throw new Error(`metric ${def.id} has no inputs for ${company.ticker}`);
  const [first, second] = [resolveReported(ctx, company, names[0], slot), resolveReported(ctx, company, names[1], slot)];
  const sources = [...first.sources, ...second.sources];
  if (first.value === null || second.value === null) {
    const lacking = first.value === null ? first : second;
    return missingValue(end, slot.months, lacking.missing ?? { reason: 'no-data', detail: `no ${slot.label} figure` }, null, sources);
  }
  if (!def.compute) throw new Error(`metric ${def.id} is derived but has no compute() in the metric registry`);
  const computed = def.compute(first.value, second.value, { inputs: names, ticker: company.ticker, period: slot.label });
  if (computed.value === null) return missingValue(end, slot.months, computed.missing, null, sources);
  return { ...first, derived: true, sources, missing: null, partialValue: null, restated: first.restated || second.restated, value: computed.value, derivation: computed.derivation };
}

function pointFor(ctx: Context, def: MetricDef, company: Company, slot: PeriodSlot, currency: string | null): SeriesPoint {
  if (company.kind === 'group') return groupPoint(ctx, def, company, slot, currency);
  const r = resolveMetric(ctx, def, company, slot);
  return convert(ctx, r, company, slot, currency);
}

/** The company's fiscal quarters behind a calendar label (null when they read the same, as for December year-ends). */
function fiscalPeriodOf(company: Company, slot: PeriodSlot): string | null {
  if (company.kind === 'group' || slot.label.startsWith('FY') || company.fiscalYearEndMonth === 12) return null;
  return fiscalSpanLabel(slot.endFor(company), slot.months, company.fiscalYearEndMonth);
}

function toPoint(ctx: Context, r: Resolved, slot: PeriodSlot, fx: FxUse | null, fiscalPeriod: string | null, factor = 1): SeriesPoint {
  const fields: PointFields = {
    label: slot.label,
    start: r.start,
    end: r.end,
    fiscalPeriod,
    basis: ctx.basis,
    complete: r.missing?.reason !== 'incomplete',
    derived: r.derived,
    derivation: r.derivation,
    partialValue: r.partialValue === null ? null : r.partialValue / factor,
    fx,
    sources: r.sources.map(ctx.citations.cite),
    restated: r.restated,
    ...(r.segment === undefined ? {} : { segment: r.segment }),
  };
  const outcome = outcomeOf(r.value === null ? null : r.value / factor, r.missing, `${slot.label} ${r.start}..${r.end}`);
  return outcome.value === null ? missingPoint(fields, outcome.missing) : presentPoint(fields, outcome.value);
}

function convert(ctx: Context, r: Resolved, company: Company, slot: PeriodSlot, currency: string | null): SeriesPoint {
  const fiscal = fiscalPeriodOf(company, slot);
  if (currency === null || currency === company.currency) return toPoint(ctx, r, slot, null, fiscal);
  const fx = ctx.fx.rateFor(company.currency, r.end);
  if (!fx) {
    return toPoint(ctx, { ...r, value: null, partialValue: null, missing: r.missing ?? { reason: 'no-fx-rate', detail: `no ${company.currency}/USD rate stated for ${r.end}` } }, slot, null, fiscal);
  }
  return toPoint(ctx, r, slot, fx, fiscal, fx.rate);
}

/** A group (the big four) is the sum of its members, complete only when every member is. */
function groupPoint(ctx: Context, def: MetricDef, group: Company, slot: PeriodSlot, currency: string | null): SeriesPoint {
  const members = group.members.map((t) => ctx.companies.find((c) => c.ticker === t)!);
  const parts = members.map((m) => pointFor(ctx, def, m, slot, currency ?? m.currency));
  const end = slot.endFor(group);
  const shell = missingValue(end, slot.months, { reason: 'no-data', detail: '' });
  const sources = parts.flatMap((p) => p.sources);
  const point: PointFields = { ...toPoint(ctx, shell, slot, null, null), sources, restated: parts.some((p) => p.restated), derived: true, derivation: `sum of ${members.map((m) => m.ticker).join(' + ')}${slot.months === 12 && slot.label.startsWith('FY') ? ' (each company’s own fiscal year)' : ''}` };
  if (def.unit === 'percent') return missingPoint(point, { reason: 'no-data', detail: 'a ratio is not summed across companies' });
  const lacking = parts.filter((p) => p.value === null);
  const sum = parts.reduce((s, p) => s + (p.value ?? p.partialValue ?? 0), 0);
  if (lacking.length === parts.length && parts.every((p) => p.partialValue === null)) {
    return missingPoint(point, { reason: 'no-data', detail: `no data for ${slot.label}` });
  }
  if (lacking.length) {
    return missingPoint({ ...point, complete: false, partialValue: sum }, { reason: 'incomplete', detail: lacking.map((p) => `${members[parts.indexOf(p)]!.ticker}: ${p.missing?.detail ?? 'missing'}`).join('; ') });
  }
  return presentPoint({ ...point, complete: true }, sum);
}

/** The first and last year with any data, when the user gave no bounds. */
function defaultBounds(ctx: Context, companies: Company[], def: MetricDef, period: Period) {
  const wanted = new Set(baseMetrics(def));
  let min = Infinity;
  let max = -Infinity;
  for (const f of ctx.facts) {
    if (!wanted.has(f.metric) || f.basis !== ctx.basis) continue;
    const c = companies.find((x) => x.ticker === f.ticker);
    if (!c) continue;
    const m = monthIndexOf(f.periodEnd);
    // A calendar period counts a fiscal quarter in the year of its middle month (see fiscal-year.ts).
    const y = period === 'fy' ? fiscalYearOf(m, c.fiscalYearEndMonth) : yearOf(m - 1);
    min = Math.min(min, y);
    max = Math.max(max, y);
  }
  if (!Number.isFinite(min)) {
    const y = new Date().getUTCFullYear();
    return { from: { year: y, quarter: null }, to: { year: y, quarter: null } };
  }
  return { from: { year: min, quarter: null }, to: { year: max, quarter: null } };
}
