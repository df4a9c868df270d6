// What the engine, the chart module and Fastify throw, mapped to the one error shape (ApiError)
// by class. Its own module: the mapping reads the query parameters' allowed values, and
// query-parameters.ts throws ApiError, so the two would otherwise import each other.
import { NotFoundError, TooLargeError, UsageError } from '../model/errors.js';
import { ApiError } from './api-error.js';
import { allowedFor } from './query-parameters.js';

/** Option names of the engine and the checker → the query or body parameter that carries them. */
const OPTION_PARAMETER: Record<string, string> = { article: 'text' };

/** The HTTP status of each kind of usage error; the CLI's exit codes are in src/cli/exit-code.ts. */
export function httpStatusFor(e: UsageError): number {
  if (e instanceof NotFoundError) return 404;
  if (e instanceof TooLargeError) return 413;
  return 400;
}

interface FastifyValidationError {
  validation: { instancePath?: string; keyword?: string; params?: { allowedValues?: unknown[]; missingProperty?: string; limit?: number } }[];
  validationContext?: string;
  message: string;
}

function isValidationError(e: unknown): e is FastifyValidationError {
  return typeof e === 'object' && e !== null && Array.isArray((e as FastifyValidationError).validation);
}

/**
 * Maps what the engine, the chart module and Fastify throw to an ApiError by class, or null
 * for a bug (a 500). `companyParameter` names the parameter an unknown company came from (`ticker` on
 * the facts endpoint and company pages, `companies` elsewhere); `given` is the raw query, to
 * repeat the offending value.
 */
export function toApiError(e: unknown, companyParameter = 'companies', given: Record<string, unknown> = {}): ApiError | null {
  if (e instanceof ApiError) return e;
  if (e instanceof UsageError) {
    const parameter = e.option === 'company' ? companyParameter : (OPTION_PARAMETER[e.option] ?? e.option);
    return new ApiError(httpStatusFor(e), e.message, parameter, e.allowed);
  }
  if (isValidationError(e)) {
    const first = e.validation[0];
    const parameter = first?.instancePath?.replace(/^\//, '') || first?.params?.missingProperty || e.validationContext || 'query';
    // An enum may hold '' (an empty flag means true): a choice nobody can see is not listed.
    const allowed = first?.params?.allowedValues?.map(String).filter(Boolean) ?? allowedFor(parameter);
    const value = given[parameter];
    const shown = value === undefined ? '' : `: ${Array.isArray(value) ? value.join(',') : String(value)}`;
    return new ApiError(400, `invalid ${parameter}${shown} (${first?.keyword === 'enum' ? `expected one of ${allowed.join(', ')}` : e.message.replace(/^querystring\/\S+ /, '')})`, parameter, allowed);
  }
  // Fastify's own client errors (body too large, unsupported media type, rate limit): keep their status.
  const status = (e as { statusCode?: number } | null)?.statusCode;
  if (e instanceof Error && typeof status === 'number' && status >= 400 && status < 500) return new ApiError(status, e.message);
  return null;
}
