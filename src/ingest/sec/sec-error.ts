// SEC requests fail with the shared HttpError (see ../http/http-error.ts); these names keep
// the SEC code reading in its own terms.
export { HttpError as SecError, HTTP_ERROR_KINDS as SEC_ERROR_KINDS, type HttpErrorKind as SecErrorKind } from '../http/http-error.js';
