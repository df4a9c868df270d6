// The web report of one check as JSON text (POST /api/v1/check, /check.json, the check page):
// the report's web shape (src/check/report-json.ts) and how current the figures it compared
// against are, from the claims themselves (their figures' periods and documents), so no query
// over the store is added to a check. One home for the pool's threads and the in-process path.
import type { Basis } from '../model/fact.js';
import type { DataAsOf } from '../model/series.js';
import type { CheckReport } from '../check/check-report.js';
import { reportToWebJson, type CheckReportWebJson } from '../check/report-json.js';
import { dataAsOf } from '../series/data-as-of.js';

export type CheckWebReport = CheckReportWebJson & { dataAsOf: DataAsOf };

/** The newest period end (of reported figures) and document date among the figures the claims were checked against. */
export function checkDataAsOf(report: Pick<CheckReport, 'claims'>): DataAsOf {
  const compared = report.claims.flatMap((c) => [c, ...c.alsoAgainst]);
  return dataAsOf(compared.flatMap((e) => (e.actual?.end ? [{ end: e.actual.end, basis: e.actual.basis as Basis, sources: e.sources }] : [])));
}

export function checkWebReportJson(report: CheckReport): string {
  const web: CheckWebReport = { ...reportToWebJson(report), dataAsOf: checkDataAsOf(report) };
  return JSON.stringify(web);
}
