// A failed request to a data source (SEC EDGAR, the price source), with a kind that decides
// whether to retry and a message that names the URL and what went wrong, so a failed company
// or listing in a sync summary explains itself.

export const HTTP_ERROR_KINDS = [
  'not-found', // 404, or the source's own "no such symbol" answer
  'forbidden', // 403: SEC: missing User-Agent, or the IP is being rate-limited
  'rate-limited', // 429 (retried), or a Retry-After longer than airace is willing to wait
  'quota', // the source's daily request quota is used up: retrying today cannot help
  'server', // 5xx (retried)
  'http', // any other unexpected status
  'timeout', // no complete response in time (retried)
  'network', // connection refused or reset before a response (retried)
  'truncated', // the body ended before Content-Length bytes (retried)
  'decode', // a gzip or deflate body that does not decode, or an unknown Content-Encoding (retried)
  'too-large', // the body is over the download limit as sent, or the body limit inflated
  'redirect', // a redirect away from the source's hosts (refused, its headers never sent there), or too many
  'content-type', // not the content type the source promises (SEC: application/json)
  'malformed', // not parseable, or not the expected shape
  'interrupted', // the user pressed Ctrl-C
] as const;
export type HttpErrorKind = (typeof HTTP_ERROR_KINDS)[number];

const RETRYABLE: ReadonlySet<HttpErrorKind> = new Set(['rate-limited', 'server', 'timeout', 'network', 'truncated', 'decode']);

export class HttpError extends Error {
  /** Attempts made before giving up (1 when the error is not retryable). */
  attempts = 1;

  constructor(
    readonly kind: HttpErrorKind,
    message: string,
    readonly url: string | null = null,
    readonly status: number | null = null,
    /** The server's Retry-After, in ms, when it sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}
