// The claim checker's public API, for the CLI and the web server (POST /api/v1/check).
export { checkArticle, MAX_ARTICLE_BYTES, type CheckOptions } from './check-article.js';
export { writeChartFiles } from './write-charts.js';
export { reportToJson, reportToWebJson, type CheckReportJson, type CheckReportWebJson, type CheckedClaimJson } from './report-json.js';
export { reportToText } from './report-text.js';
export { reportToMarkdown } from './report-markdown.js';
export { parseDateOption } from './article-date.js';
export type { CheckReport, CheckedClaim, CheckedAgainst, ChartEntry, Evidence, Figure, Verdict, ReasonCode, Difference, ClaimedFigure, SourceDocument } from './check-report.js';
export { VERDICTS } from './check-report.js';
