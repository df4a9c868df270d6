// Money and models side by side for one company (a group: its members): per calendar year, the
// capex of the fiscal year that ends in it (Alibaba's FY2025 ends March 2025; for a December
// year-end this is the calendar year) next to the models released that year, the largest
// training compute among them and how many had open weights, from Epoch AI's data through the
// reviewed organisation map. Fiscal years, because they are what the company reports whole.
import type { ReadDb } from '../series/read-db.js';
import type { Company } from '../model/company.js';
import type { SeriesPoint } from '../model/series.js';
import type { ModelSourceRef } from '../model/model-series.js';
import { getSeries } from '../series/engine.js';
import { modelCatalog, modelSource } from '../series/model-catalog.js';
import { modelJson, type ModelJson } from './model-rows.js';

export interface MoneyAndModelsYear {
  year: number;
  /** The company's capex for the fiscal year that ends in this calendar year (its label says which: FY2025). */
  capex: SeriesPoint | null;
  models: number;
  /** Of those, with a training-compute estimate. */
  estimated: number;
  largest: ModelSourceRef | null;
  openWeights: number;
  /** Of those, with a recorded accessibility. */
  knownAccess: number;
}

export interface CompanyModels {
  loaded: boolean;
  /** False when no model in Epoch's table is mapped to the company. */
  mapped: boolean;
  credit: string;
  dataAsOf: string | null;
  retrieved: string | null;
  source: string | null;
  currency: string;
  years: MoneyAndModelsYear[];
  total: number;
  newest: ModelJson[];
}

export async function companyModels(db: ReadDb, company: Company, currency: string): Promise<CompanyModels> {
  const tickers = company.kind === 'group' ? company.members : [company.ticker];
  const all = await modelCatalog(db);
  const mine = all.models.filter((m) => m.actors.some((a) => a.ticker && tickers.includes(a.ticker)) && m.publicationDate !== null);
  const base = { loaded: all.load !== null, credit: all.credit, dataAsOf: all.dataAsOf, retrieved: all.load?.retrieved ?? null, source: all.load?.source ?? null, currency };
  if (!all.load || !mine.length) return { ...base, mapped: false, years: [], total: 0, newest: [] };
  const yearsOf = mine.map((m) => Number(m.publicationDate!.slice(0, 4)));
  const last = Math.max(...yearsOf);
  const first = Math.max(Math.min(...yearsOf), last - 9);
  const capex = await getSeries(db, { metric: 'capex', tickers: [company.ticker], period: 'fy', currency });
  const capexEnding = (year: number) => capex.series[0]?.points.find((p) => p.end.startsWith(String(year))) ?? null;
  const years: MoneyAndModelsYear[] = [];
  for (let year = last; year >= first; year--) {
    const inYear = mine.filter((m) => m.publicationDate!.startsWith(String(year)));
    const estimated = inYear.filter((m) => m.trainingComputeFlop !== null);
    const top = estimated.reduce<(typeof estimated)[number] | null>((t, m) => (!t || m.trainingComputeFlop! > t.trainingComputeFlop! ? m : t), null);
    years.push({
      year,
      capex: capexEnding(year),
      models: inYear.length,
      estimated: estimated.length,
      largest: top ? modelSource(top, all.load, top.trainingComputeFlop) : null,
      openWeights: inYear.filter((m) => m.openWeights === true).length,
      knownAccess: inYear.filter((m) => m.openWeights !== null).length,
    });
  }
  const newest = [...mine].sort((a, b) => b.publicationDate!.localeCompare(a.publicationDate!)).slice(0, 10).map((m) => modelJson(m, all));
  return { ...base, mapped: true, years, total: mine.length, newest };
}
