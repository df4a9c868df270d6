// Series over the models of one retrieval: per country group, company or lab, or Epoch's own
// organisation names, and per calendar year or quarter.
//   models_released     models published in the period (a joint model counts for each participant)
//   frontier_compute    the largest training compute of any model of the group published by the
//                       period's end (the frontier to date)
//   max_compute         the largest training compute among the period's models
//   median_compute      the median among the period's models that have an estimate
//   open_weights_share  % of the period's models with a known accessibility that have open weights
// A model without an estimate is never counted as zero: it is left out of the compute metrics,
// and every point says how many models it could use (`counted`) of how many there were (`models`).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { ModelLoad } from '../model/ai-model.js';
import { COUNTRY_GROUPS, type CountryGroup } from '../model/country-group.js';
import type { CatalogModel, ModelGrouping, ModelMetric, ModelPeriod, ModelSeries, ModelSeriesPoint, ModelSeriesResult } from '../model/model-series.js';
import { allCompanies } from './read-db.js';
import { UnknownChoiceError } from '../model/errors.js';
import { MODELS_EMPTY_NOTICE, leadingActors, modelCatalog, modelSource, resolveOrg, type ModelFilter } from './model-catalog.js';

export const MODEL_METRIC_DEFINITIONS: Record<ModelMetric, { label: string; unit: ModelSeriesResult['unit']; definition: string }> = {
  models_released: { label: 'Models released', unit: 'models', definition: 'Notable models published in the period, from Epoch AI’s table; a model made jointly counts for each participant.' },
  frontier_compute: { label: 'Frontier training compute', unit: 'FLOP', definition: 'The largest training compute (FLOP, Epoch AI’s estimate) of any model published by the end of the period: the frontier to date. Models without a public estimate are left out.' },
  max_compute: { label: 'Largest training compute', unit: 'FLOP', definition: 'The largest training compute (FLOP, Epoch AI’s estimate) among models published in the period. Models without a public estimate are left out.' },
  median_compute: { label: 'Median training compute', unit: 'FLOP', definition: 'The median training compute (FLOP, Epoch AI’s estimate) of models published in the period that have an estimate.' },
  open_weights_share: { label: 'Open-weights share', unit: 'percent', definition: 'Share of models published in the period whose weights can be downloaded (Epoch AI’s accessibility “Open weights …”), among those whose accessibility Epoch records.' },
};

export const COUNTRY_COLOURS: Record<CountryGroup, string> = { US: '#1F5FA8', China: '#C8372D', Other: '#8C8C8C' };
const ALL_COLOUR = '#444444';
/** Labs have no company colour: a fixed palette in order of appearance, distinct from the companies'. */
const LAB_PALETTE = ['#56B4E9', '#7A5195', '#2F4B7C', '#8C564B', '#BC5090', '#17BECF', '#6B8E23', '#FFA600', '#7F7F7F', '#003F5C'];

export interface ModelSeriesRequest extends ModelFilter {
  metric: ModelMetric;
  period: ModelPeriod;
  /** How to split the models into series; the default follows the filter (countries given → country, orgs → company). */
  by?: ModelGrouping;
  /** With by=company or organization and no orgs: this many leading ones (default 8). */
  top?: number;
}

interface Group {
  key: string;
  label: string;
  colour: string;
  ticker: string | null;
  has: (m: CatalogModel) => boolean;
}

export function defaultGrouping(r: Pick<ModelSeriesRequest, 'by' | 'orgs' | 'countries'>): ModelGrouping {
  return r.by ?? (r.orgs?.length ? 'company' : 'country');
}

export async function getModelSeries(db: Kysely<Database>, request: ModelSeriesRequest): Promise<ModelSeriesResult> {
  const def = MODEL_METRIC_DEFINITIONS[request.metric];
  const by = defaultGrouping(request);
  // Dates bound the periods shown, not the models read: the frontier to date needs every earlier model.
  const catalog = await modelCatalog(db, { orgs: by === 'country' ? request.orgs : undefined, countries: by === 'country' ? undefined : request.countries, asOf: request.asOf });
  const base: ModelSeriesResult = {
    metric: request.metric,
    unit: def.unit,
    period: request.period,
    by,
    definition: def.definition,
    loaded: catalog.load !== null,
    notice: catalog.load ? null : MODELS_EMPTY_NOTICE,
    dataAsOf: catalog.dataAsOf,
    coverageEnd: catalog.models.reduce<string | null>((max, m) => (m.publicationDate && (!max || m.publicationDate > max) ? m.publicationDate : max), null),
    credit: catalog.credit,
    load: catalog.load && { id: catalog.load.id, retrieved: catalog.load.retrieved, confirmed: catalog.load.confirmed, source: catalog.load.source, datasets: catalog.load.datasets, format: catalog.load.format },
    series: [],
    notes: [],
  };
  if (!catalog.load) return base;
  const load = catalog.load;
  const dated = catalog.models.filter((m) => m.publicationDate !== null);
  const groups = groupsFor(by, dated, request, await allCompanies(db));
  const periods = periodsFor(request, dated);
  const unestimated = new Map<string, string[]>();
  const series: ModelSeries[] = groups.map((g) => {
    const mine = dated.filter(g.has).sort((a, b) => a.publicationDate!.localeCompare(b.publicationDate!));
    const shown = periods.length ? mine.filter((m) => m.publicationDate! >= periods[0]!.start && m.publicationDate! <= periods.at(-1)!.end) : [];
    unestimated.set(g.key, shown.filter((m) => m.trainingComputeFlop === null).map((m) => m.displayName));
    return { key: g.key, label: g.label, colour: g.colour, ticker: g.ticker, points: periods.map((p) => pointFor(request.metric, mine, p, load)) };
  });
  return { ...base, series, notes: notesFor(request.metric, series, unestimated, catalog.models.length - dated.length) };
}

function groupsFor(by: ModelGrouping, models: CatalogModel[], r: ModelSeriesRequest, companies: Awaited<ReturnType<typeof allCompanies>>): Group[] {
  if (by === 'all') return [{ key: 'all', label: 'All models', colour: ALL_COLOUR, ticker: null, has: () => true }];
  if (by === 'country') {
    const wanted = r.countries?.length ? r.countries : [...COUNTRY_GROUPS];
    return wanted.map((q) => {
      const group = COUNTRY_GROUPS.find((g) => g.toLowerCase() === q.trim().toLowerCase() || (g === 'US' && /^(usa|united states( of america)?)$/i.test(q.trim())));
      if (group) return { key: group, label: group, colour: COUNTRY_COLOURS[group], ticker: null, has: (m: CatalogModel) => m.countryGroup === group };
      const name = q.trim();
      return { key: name, label: name, colour: ALL_COLOUR, ticker: null, has: (m: CatalogModel) => m.countries.some((c) => c.toLowerCase() === name.toLowerCase()) };
    });
  }
  const colourOf = paletteFor(companies);
  const known = (q: string) => {
    const r = resolveOrg(models, companies, q);
    if (!r) throw new UnknownChoiceError('org', q, leadingActors(models, 12));
    return r;
  };
  if (by === 'company') {
    const names = r.orgs?.length ? r.orgs.map((q) => known(q).actor ?? known(q).organization!) : leadingActors(models, r.top ?? 8);
    return [...new Set(names)].map((name) => {
      const ticker = models.flatMap((m) => m.actors).find((a) => a.name === name)?.ticker ?? null;
      return { key: ticker ?? name, label: name, colour: colourOf(ticker, name), ticker, has: (m: CatalogModel) => m.actors.some((a) => a.name === name) };
    });
  }
  const orgs = r.orgs?.length ? r.orgs.map((q) => known(q).organization ?? known(q).actor!) : leadingOrganizations(models, r.top ?? 8);
  return [...new Set(orgs)].map((name) => ({ key: name, label: name, colour: colourOf(null, name), ticker: null, has: (m: CatalogModel) => m.organizations.some((o) => o.toLowerCase() === name.toLowerCase()) }));
}

function leadingOrganizations(models: CatalogModel[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const m of models) for (const o of m.organizations) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([o]) => o);
}

/** Tracked companies keep their chart colour everywhere; labs take the palette in turn. */
export function paletteFor(companies: { ticker: string; colour: string }[]): (ticker: string | null, name: string) => string {
  const given = new Map<string, string>();
  return (ticker, name) => {
    const company = ticker ? companies.find((c) => c.ticker === ticker) : undefined;
    if (company) return company.colour;
    let colour = given.get(name);
    if (!colour) given.set(name, (colour = LAB_PALETTE[given.size % LAB_PALETTE.length]!));
    return colour;
  };
}

interface PeriodSpan {
  label: string;
  start: string;
  end: string;
}

/** Calendar years or quarters from --from to --to; by default the ten years up to the newest model. */
function periodsFor(r: ModelSeriesRequest, models: CatalogModel[]): PeriodSpan[] {
  const years = models.map((m) => Number(m.publicationDate!.slice(0, 4)));
  if (!years.length && !r.from) return [];
  const last = r.to ? Number(r.to.slice(0, 4)) : Math.max(...years);
  const first = r.from ? Number(r.from.slice(0, 4)) : Math.max(Math.min(...years), last - 9);
  const out: PeriodSpan[] = [];
  for (let y = first; y <= last; y++) {
    if (r.period === 'cy') out.push({ label: String(y), start: `${y}-01-01`, end: `${y}-12-31` });
    else for (let q = 1; q <= 4; q++) out.push({ label: `${y}-Q${q}`, start: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: `${y}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}` });
  }
  return out.filter((p) => (!r.from || p.end >= r.from) && (!r.to || p.start <= r.to));
}

function pointFor(metric: ModelMetric, models: CatalogModel[], p: PeriodSpan, load: ModelLoad): ModelSeriesPoint {
  const inPeriod = models.filter((m) => m.publicationDate! >= p.start && m.publicationDate! <= p.end);
  const point = (value: number | null, counted: number, sources: CatalogModel[], missing: ModelSeriesPoint['missing'], valueOf?: (m: CatalogModel) => number | null): ModelSeriesPoint => ({
    label: p.label,
    start: p.start,
    end: p.end,
    value,
    missing,
    models: inPeriod.length,
    counted,
    sources: sources.map((m) => modelSource(m, load, valueOf ? valueOf(m) : null)),
  });
  const compute = (m: CatalogModel) => m.trainingComputeFlop;
  const estimated = inPeriod.filter((m) => m.trainingComputeFlop !== null);
  const none = (what: string) => ({ reason: 'no-models' as const, detail: `no ${what} published in ${p.label}` });
  const noEstimate = (n: number) => ({ reason: 'no-estimate' as const, detail: `${n} model${n === 1 ? '' : 's'} in ${p.label}, none with a public compute estimate` });

  switch (metric) {
    case 'models_released':
      return point(inPeriod.length, inPeriod.length, inPeriod, null);
    case 'frontier_compute': {
      const toDate = models.filter((m) => m.publicationDate! <= p.end && m.trainingComputeFlop !== null);
      const top = largest(toDate);
      if (!top) {
        const earlier = models.filter((m) => m.publicationDate! <= p.end).length;
        return point(null, 0, [], earlier ? { reason: 'no-estimate', detail: `${earlier} model${earlier === 1 ? '' : 's'} up to ${p.end}, none with a public compute estimate` } : { reason: 'no-models', detail: `no models published by ${p.end}` }, compute);
      }
      return point(top.trainingComputeFlop, estimated.length, [top], null, compute);
    }
    case 'max_compute': {
      const top = largest(estimated);
      if (!top) return point(null, 0, [], inPeriod.length ? noEstimate(inPeriod.length) : none('models'), compute);
      return point(top.trainingComputeFlop, estimated.length, [top], null, compute);
    }
    case 'median_compute': {
      if (!estimated.length) return point(null, 0, [], inPeriod.length ? noEstimate(inPeriod.length) : none('models'), compute);
      const sorted = [...estimated].sort((a, b) => a.trainingComputeFlop! - b.trainingComputeFlop!);
      const mid = Math.floor(sorted.length / 2);
      const middle = sorted.length % 2 ? [sorted[mid]!] : [sorted[mid - 1]!, sorted[mid]!];
      const value = middle.reduce((s, m) => s + m.trainingComputeFlop!, 0) / middle.length;
      return point(value, estimated.length, middle, null, compute);
    }
    case 'open_weights_share': {
      const known = inPeriod.filter((m) => m.openWeights !== null);
      if (!known.length) {
        return point(null, 0, [], inPeriod.length ? { reason: 'no-accessibility', detail: `${inPeriod.length} model${inPeriod.length === 1 ? '' : 's'} in ${p.label}, none with a recorded accessibility` } : none('models'));
      }
      const open = known.filter((m) => m.openWeights);
      return point((open.length / known.length) * 100, known.length, open, null);
    }
  }
}

/** The model with the most compute; on a tie, the first published (it reached the frontier first). */
function largest(models: CatalogModel[]): CatalogModel | null {
  let top: CatalogModel | null = null;
  for (const m of models) if (m.trainingComputeFlop !== null && (!top || m.trainingComputeFlop > top.trainingComputeFlop!)) top = m;
  return top;
}

function notesFor(metric: ModelMetric, series: ModelSeries[], unestimated: Map<string, string[]>, undated: number): string[] {
  const notes: string[] = [];
  for (const s of series) {
    const models = s.points.reduce((n, p) => n + p.models, 0);
    const counted = s.points.reduce((n, p) => n + p.counted, 0);
    if (metric === 'models_released' || metric === 'frontier_compute' || !models) continue;
    if (counted < models) {
      const what = metric === 'open_weights_share' ? 'no recorded accessibility' : 'no public compute estimate';
      notes.push(`${s.label}: ${models - counted} of ${models} models have ${what}; they are left out, not counted as zero.`);
    }
  }
  if (metric === 'frontier_compute') {
    for (const s of series) {
      const unknown = unestimated.get(s.key) ?? [];
      if (unknown.length) {
        const recent = unknown.slice(-3).reverse();
        notes.push(`${s.label}: ${unknown.length} model${unknown.length === 1 ? '' : 's'} in these periods ha${unknown.length === 1 ? 's' : 've'} no public compute estimate (latest: ${recent.join(', ')}); the frontier counts only estimated models, so it may be higher.`);
      }
    }
  }
  if (undated) notes.push(`${undated} model${undated === 1 ? ' has' : 's have'} no publication date and ${undated === 1 ? 'is' : 'are'} left out.`);
  return notes;
}

