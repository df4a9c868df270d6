// Everything that decides how airace talks to SEC EDGAR, read once from the environment.
// Hosts are overridable so tests (and mirrors) can stand in for www.sec.gov and data.sec.gov.
import type { HttpClientConfig } from '../http/http-client.js';
import { httpLimitsFromEnv } from '../http/http-limits-from-env.js';

export interface SecConfig extends HttpClientConfig {
  /** https://www.sec.gov: company_tickers.json. */
  wwwUrl: string;
  /** https://data.sec.gov: submissions and companyfacts. */
  dataUrl: string;
  /** "Name email": SEC answers 403 to requests without a descriptive User-Agent. */
  userAgent: string;
  /** SEC's fair-access limit is 10 requests per second across all of a user's machines. */
  maxRequestsPerSecond: number;
}

export const USER_AGENT_HELP =
  'SEC requires a descriptive User-Agent with contact details (your name or organisation and an email address) on every request.\n' +
  'Set it once in your shell profile, e.g.:\n\n' +
  '  export AIRACE_SEC_USER_AGENT="Your Name you@example.com"\n';

/** AIRACE_SEC_USER_AGENT is unset or says nothing about who is asking. */
export class MissingUserAgentError extends Error {
  constructor(given: string | undefined) {
    super(given ? `AIRACE_SEC_USER_AGENT="${given}" has no contact email.\n${USER_AGENT_HELP}` : `AIRACE_SEC_USER_AGENT is not set.\n${USER_AGENT_HELP}`);
    this.name = 'MissingUserAgentError';
  }
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/**
 * Reads AIRACE_SEC_* variables. Throws MissingUserAgentError unless the User-Agent carries an
 * email address, because SEC blocks anonymous clients (and airace should not hide behind one).
 */
export function secConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SecConfig {
  const userAgent = env.AIRACE_SEC_USER_AGENT?.trim();
  if (!userAgent || !/\S+@\S+\.\S+/.test(userAgent)) throw new MissingUserAgentError(userAgent);
  const wwwUrl = trimSlash(env.AIRACE_SEC_WWW_URL || 'https://www.sec.gov');
  const dataUrl = trimSlash(env.AIRACE_SEC_DATA_URL || 'https://data.sec.gov');
  return {
    wwwUrl,
    dataUrl,
    userAgent,
    ...httpLimitsFromEnv(
      env,
      'AIRACE_SEC',
      { maxRequestsPerSecond: 10, timeoutMs: 30_000, retries: 5, backoffMs: 1_000, backoffMaxMs: 60_000, maxRetryAfterMs: 15 * 60_000, maxDownloadMb: 128, maxBodyMb: 256 },
      { rpsCeiling: 10 },
    ),
    // Redirects stay on the two hosts airace reads from (a mirror's, when configured).
    redirectOrigins: [...new Set([wwwUrl, dataUrl].map((u) => new URL(u).origin))],
  };
}
