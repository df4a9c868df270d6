// Why one HTTP attempt failed, in words that name the URL, with a kind the caller maps to its
// own policy (retry or not). Sources with their own error types (SecError) wrap these.

export const HTTP_FAILURE_KINDS = [
  'timeout', // no complete response within the attempt's time
  'network', // connection refused or reset before a response
  'truncated', // the body ended before Content-Length bytes, or the connection closed mid-body
  'too-large', // the body (as sent, or inflated) is over the configured limit
  'decode', // a gzip or deflate body that does not decode, or an unknown Content-Encoding
  'redirect', // a redirect outside the allowed hosts, without a Location, or too many of them
  'interrupted', // the caller's signal fired (Ctrl-C)
] as const;
export type HttpFailureKind = (typeof HTTP_FAILURE_KINDS)[number];

export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}
