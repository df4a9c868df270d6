// A failed SEC request, with a kind that decides whether to retry and a message that names the
// URL and what went wrong, so a failed company in the sync summary explains itself.

export const SEC_ERROR_KINDS = [
  'not-found', // 404: unknown CIK or path
  'forbidden', // 403: missing User-Agent, or the IP is being rate-limited
  'rate-limited', // 429 (retried), or a Retry-After longer than airace is willing to wait
  'server', // 5xx (retried)
  'http', // any other unexpected status
  'timeout', // no complete response in time (retried)
  'network', // connection refused or reset before a response (retried)
  'truncated', // the body ended before Content-Length bytes (retried)
  'decode', // a gzip or deflate body that does not decode (retried)
  'too-large', // the body is over AIRACE_SEC_MAX_DOWNLOAD_MB as sent, or AIRACE_SEC_MAX_BODY_MB inflated
  'redirect', // a redirect away from the configured hosts (refused), or too many
  'content-type', // not application/json
  'malformed', // not parseable JSON, or not the expected shape
  'interrupted', // the user pressed Ctrl-C
] as const;
export type SecErrorKind = (typeof SEC_ERROR_KINDS)[number];

const RETRYABLE: ReadonlySet<SecErrorKind> = new Set(['rate-limited', 'server', 'timeout', 'network', 'truncated', 'decode']);

export class SecError extends Error {
  /** Attempts made before giving up (1 when the error is not retryable). */
  attempts = 1;

  constructor(
    readonly kind: SecErrorKind,
    message: string,
    readonly url: string | null = null,
    readonly status: number | null = null,
    /** The server's Retry-After, in ms, when it sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SecError';
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}
