// The JSON shape of a check report (`airace check --format json`, POST /api/v1/check):
// { claims: [{ text, verdict, claimed, actual, sources, reason, ... }], charts: [{ text, type, request, files, alt }] }.
// The CLI leaves the Vega-Lite spec out (it is large, and the files it wrote hold the chart);
// the web API, which writes no files, sends the spec in place of the file paths.
import type { CheckReport, CheckedClaim, ChartEntry } from './check-report.js';

export type CheckReportJson = Omit<CheckReport, 'charts'> & { charts: Array<Omit<ChartEntry, 'spec'>> };
export type CheckedClaimJson = CheckedClaim;
/** The web API's report: each chart with its Vega-Lite `spec` (null when it could not be drawn) and no `files`. */
export type CheckReportWebJson = Omit<CheckReport, 'charts'> & { charts: Array<Omit<ChartEntry, 'files'>> };

export function reportToJson(report: CheckReport): CheckReportJson {
  return {
    articleDate: report.articleDate,
    summary: report.summary,
    policy: report.policy,
    claims: report.claims,
    charts: report.charts.map(({ spec: _spec, ...rest }) => rest),
  };
}

/** Same as reportToJson, with each chart's Vega-Lite spec instead of file paths (for the web API). */
export function reportToWebJson(report: CheckReport): CheckReportWebJson {
  return {
    articleDate: report.articleDate,
    summary: report.summary,
    policy: report.policy,
    claims: report.claims,
    charts: report.charts.map(({ files: _files, ...rest }) => rest),
  };
}
