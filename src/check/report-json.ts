// The JSON shape of a check report (`airace check --format json`, POST /api/v1/check):
// { text, articleDate, summary, policy, claims: [{ text, start, end, figure, sentence, verdict, claimed, actual, against, ... }], charts }.
// The article's text is in the report once; each claim points into it by offsets (`start`/`end` of
// its clause, `figure` of the figure itself) and carries at most a short excerpt of its own words,
// so a report grows with the article, not with the article times the claims.
// The CLI leaves the Vega-Lite spec out (it is large, and the files it wrote hold the chart);
// the web API, which writes no files, sends the spec in place of the file paths.
import type { CheckReport, CheckedClaim, ChartEntry } from './check-report.js';

export type CheckedClaimJson = CheckedClaim;
export type CheckReportJson = Omit<CheckReport, 'charts'> & { charts: Array<Omit<ChartEntry, 'spec'>> };
/** The web API's report: each chart with its Vega-Lite `spec` (null when it could not be drawn) and no `files`. */
export type CheckReportWebJson = Omit<CheckReport, 'charts'> & { charts: Array<Omit<ChartEntry, 'files'>> };

/** Longest excerpt of a claim's (or a chart's) words kept in a report; the offsets give the rest. */
export const MAX_EXCERPT = 240;

/** The words of a claim cut to MAX_EXCERPT around its figure ("… to RMB 280.2 billion …"). */
export function excerpt(text: string, start: number, end: number, figure: { start: number; end: number } | null): string {
  const words = text.slice(start, end);
  if (words.length <= MAX_EXCERPT) return words;
  const at = figure ? figure.start - start : 0;
  const from = Math.max(0, Math.min(at - MAX_EXCERPT / 2, words.length - MAX_EXCERPT));
  return `${from > 0 ? '…' : ''}${words.slice(from, from + MAX_EXCERPT).trim()}${from + MAX_EXCERPT < words.length ? '…' : ''}`;
}

function claimsJson(report: CheckReport): CheckedClaim[] {
  return report.claims.map((c) => ({ ...c, text: excerpt(report.text, c.start, c.end, c.figure) }));
}

export function reportToJson(report: CheckReport): CheckReportJson {
  const text = report.text;
  return {
    text,
    articleDate: report.articleDate,
    summary: report.summary,
    policy: report.policy,
    uncheckedFrom: report.uncheckedFrom,
    claims: claimsJson(report),
    charts: report.charts.map(({ spec: _spec, ...rest }) => ({ ...rest, text: excerpt(text, rest.start, rest.end, null) })),
  };
}

/** Same as reportToJson, with each chart's Vega-Lite spec instead of file paths (for the web API). */
export function reportToWebJson(report: CheckReport): CheckReportWebJson {
  const text = report.text;
  return {
    text,
    articleDate: report.articleDate,
    summary: report.summary,
    policy: report.policy,
    uncheckedFrom: report.uncheckedFrom,
    claims: claimsJson(report),
    charts: report.charts.map(({ files: _files, ...rest }) => ({ ...rest, text: excerpt(text, rest.start, rest.end, null) })),
  };
}
