// A failed SEC request (see http-error.ts for the kinds and which are retried).
import { HTTP_ERROR_KINDS, HttpError, type HttpErrorKind } from '../http/http-error.js';

export const SEC_ERROR_KINDS = HTTP_ERROR_KINDS;
export type SecErrorKind = HttpErrorKind;

export class SecError extends HttpError {
  constructor(kind: SecErrorKind, message: string, url: string | null = null, status: number | null = null, retryAfterMs: number | null = null) {
    super(kind, message, url, status, retryAfterMs);
    this.name = 'SecError';
  }
}
