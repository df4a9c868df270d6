// Checked claims as flat rows: the CSV twin of the "Check an article" result (POST /check.csv),
// one row per claim with its verdict, our figure, the difference and the sources.
import type { CheckedClaim } from '../check/check-report.js';

export const CLAIM_COLUMNS = [
  'id', 'text', 'verdict', 'kind', 'subject', 'metric', 'period', 'basis',
  'claimed', 'claimed_value', 'actual', 'actual_value', 'actual_label', 'difference', 'tolerance', 'reason_code', 'reason', 'source_urls',
] as const;

/** Rows in CLAIM_COLUMNS order; source URLs are space-separated as in the series CSV. */
export function claimRows(claims: CheckedClaim[]): (string | number | null)[][] {
  return claims.map((c) => [
    c.id,
    c.text,
    c.verdict,
    c.kind,
    c.subject?.tickers.join(';') ?? null,
    c.metric,
    c.period?.label ?? null,
    c.basis,
    c.claimed?.display ?? null,
    c.claimed?.value ?? null,
    c.actual?.display ?? null,
    c.actual?.value ?? null,
    c.actual?.label ?? null,
    c.difference?.display ?? null,
    c.tolerance,
    c.reasonCode,
    c.reason,
    c.sources.map((d) => d.url).join(' '),
  ]);
}
