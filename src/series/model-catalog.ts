// The models of one retrieval as views get them: each row with who made it (the reviewed
// organisation map), its country group, its links, and where it came from; filtered by
// organisation or company, country and date.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Company } from '../model/company.js';
import { epochCredit, type ModelLoad } from '../model/ai-model.js';
import { actorsOf, splitOrganizations } from '../model/model-organizations.js';
import { COUNTRY_GROUPS, countryGroupOf, splitCountries } from '../model/country-group.js';
import type { CatalogModel, ModelCatalog, ModelSourceRef } from '../model/model-series.js';
import { UnknownChoiceError } from '../model/errors.js';
import { currentModelLoad, selectModels, type StoredModel } from '../store/models-repository.js';
import { allCompanies } from './read-db.js';
import { findCompany } from './company-lookup.js';
import { retrievalAsOf } from './data-as-of.js';

/** What every surface shows when no models data is loaded: the one command that loads it. */
export const MODELS_EMPTY_NOTICE = 'No models data is loaded. Run `airace models sync` to download Epoch AI’s table (or `airace models import FILE` for a downloaded copy).';
export const MODELS_LOAD_COMMAND = 'airace models sync';

export interface ModelFilter {
  /** Organisations (Epoch's names), companies (ticker, name or alias: Google → Alphabet) or labs; a model matches any. */
  orgs?: string[];
  /** US, China, Other, or a country as Epoch names it (France); a model matches any. */
  countries?: string[];
  /** Inclusive ISO dates on the publication date. */
  from?: string;
  to?: string;
  /** Read the newest retrieval on or before this date instead of the newest. */
  asOf?: string;
}

export function displayName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

export function linksOf(cell: string | null): string[] {
  return cell ? (cell.match(/https?:\/\/[^\s,;]+/g) ?? []) : [];
}

export function catalogModel(m: StoredModel): CatalogModel {
  const { loadId, position, organization, country, domain, link, ...cells } = m;
  return {
    ...cells,
    id: `${loadId}:${position}`,
    displayName: displayName(m.name),
    organizations: splitOrganizations(organization),
    actors: actorsOf(organization).map((a) => ({ name: a.actor, ticker: a.ticker })),
    countries: splitCountries(country),
    countryGroup: countryGroupOf(country),
    domains: domain ? domain.split(',').map((s) => s.trim()).filter(Boolean) : [],
    links: linksOf(link),
  };
}

export async function modelCatalog(db: Kysely<Database>, filter: ModelFilter = {}): Promise<ModelCatalog> {
  const load = await currentModelLoad(db, filter.asOf);
  if (!load) return { load: null, models: [], credit: epochCredit([], 'epoch'), dataAsOf: null };
  const all = (await selectModels(db, load.id)).map(catalogModel);
  const match = filter.orgs?.length ? orgMatcher(all, await allCompanies(db), filter.orgs) : null;
  const inCountry = filter.countries?.length ? countryMatcher(all, filter.countries) : null;
  const models = all.filter(
    (m) =>
      (!match || match(m)) &&
      (!inCountry || inCountry(m)) &&
      (!filter.from || (m.publicationDate !== null && m.publicationDate >= filter.from)) &&
      (!filter.to || (m.publicationDate !== null && m.publicationDate <= filter.to)),
  );
  return { load, models, credit: epochCredit(load.datasets, load.format), dataAsOf: retrievalAsOf(load) };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Who a query names: an actor (Alphabet, OpenAI), a ticker, a stored company's alias (Google), or an organisation. */
export function resolveOrg(models: CatalogModel[], companies: Company[], query: string): { actor: string | null; organization: string | null } | null {
  const q = norm(query);
  const actors = new Map<string, string>();
  const orgs = new Map<string, string>();
  for (const m of models) {
    for (const a of m.actors) {
      actors.set(norm(a.name), a.name);
      if (a.ticker) actors.set(norm(a.ticker), a.name);
    }
    for (const o of m.organizations) orgs.set(norm(o), o);
  }
  const organization = orgs.get(q) ?? null;
  let actor = actors.get(q) ?? null;
  if (!actor) {
    const company = findCompany(companies.filter((c) => c.kind === 'company'), query);
    if (company) actor = actors.get(norm(company.ticker)) ?? null;
  }
  return actor || organization ? { actor, organization } : null;
}

function orgMatcher(models: CatalogModel[], companies: Company[], queries: string[]): (m: CatalogModel) => boolean {
  const wanted = queries.map((q) => {
    const r = resolveOrg(models, companies, q);
    if (!r) throw new UnknownChoiceError('org', q, leadingActors(models, 12));
    return r;
  });
  const actors = new Set(wanted.map((w) => w.actor).filter((a): a is string => a !== null));
  const orgs = new Set(wanted.map((w) => w.organization && norm(w.organization)).filter((o): o is string => !!o));
  return (m) => m.actors.some((a) => actors.has(a.name)) || m.organizations.some((o) => orgs.has(norm(o)));
}

function countryMatcher(models: CatalogModel[], queries: string[]): (m: CatalogModel) => boolean {
  const known = new Set(models.flatMap((m) => m.countries.map(norm)));
  const tests = queries.map((q) => {
    const group = COUNTRY_GROUPS.find((g) => norm(g) === norm(q) || (g === 'US' && ['usa', 'united states', 'united states of america'].includes(norm(q))));
    if (group) return (m: CatalogModel) => m.countryGroup === group;
    if (!known.has(norm(q))) throw new UnknownChoiceError('country', q, [...COUNTRY_GROUPS, 'or a country as Epoch names it (France, Korea (Republic of))']);
    return (m: CatalogModel) => m.countries.some((c) => norm(c) === norm(q));
  });
  return (m) => tests.some((t) => t(m));
}

/** Actors with the most models, most first: the default choice of "leading labs and companies". */
export function leadingActors(models: CatalogModel[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const m of models) for (const a of m.actors) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([name]) => name);
}

/** The source reference of a model's value. */
export function modelSource(m: CatalogModel, load: ModelLoad, value: number | null = null): ModelSourceRef {
  return {
    model: m.displayName,
    organization: m.organizations.join(', ') || null,
    publicationDate: m.publicationDate,
    value,
    confidence: m.confidence,
    url: m.links[0] ?? null,
    dataset: m.dataset,
    table: load.source,
    retrieved: load.retrieved,
    line: m.line,
  };
}
