// The JSON shape of a check report (`airace check --format json`, POST /api/v1/check):
// { claims: [{ text, verdict, claimed, actual, sources, reason, ... }], charts: [{ text, type, request, files, alt }] }.
// The Vega-Lite spec stays out: it is large and the request redraws it.
import type { CheckReport, CheckedClaim, ChartEntry } from './check-report.js';

export type CheckReportJson = Omit<CheckReport, 'charts'> & { charts: Array<Omit<ChartEntry, 'spec'>> };
export type CheckedClaimJson = CheckedClaim;

export function reportToJson(report: CheckReport): CheckReportJson {
  return {
    articleDate: report.articleDate,
    summary: report.summary,
    policy: report.policy,
    claims: report.claims,
    charts: report.charts.map(({ spec: _spec, ...rest }) => rest),
  };
}
