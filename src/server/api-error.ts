// One error shape for every surface of the server: `{error, parameter, allowed}`, so a client
// (or a person reading a 400 page) learns which parameter was wrong and what it may be.
import { UnknownChoiceError } from '../model/unknown-choice-error.js';
import { allowedFor } from './query-parameters.js';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly parameter: string | null = null,
    readonly allowed: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): { error: string; parameter: string | null; allowed: readonly string[] } {
    return { error: this.message, parameter: this.parameter, allowed: this.allowed };
  }
}

/** Engine option names → the query parameter that carries them. */
const OPTION_PARAMETER: Record<string, string> = { company: 'companies', metric: 'metric', period: 'period', preset: 'preset', basis: 'basis', type: 'type' };

interface FastifyValidationError {
  validation: { instancePath?: string; keyword?: string; params?: { allowedValues?: unknown[]; missingProperty?: string; limit?: number } }[];
  validationContext?: string;
  message: string;
}

function isValidationError(e: unknown): e is FastifyValidationError {
  return typeof e === 'object' && e !== null && Array.isArray((e as FastifyValidationError).validation);
}

/**
 * Maps what the engine, the chart module and Fastify throw to an ApiError, or null for a bug
 * (a 500). `companyParameter` names the parameter an unknown company came from (`ticker` on
 * the facts endpoint and company pages, `companies` elsewhere); `given` is the raw query, to
 * repeat the offending value.
 */
export function toApiError(e: unknown, companyParameter = 'companies', given: Record<string, unknown> = {}): ApiError | null {
  if (e instanceof ApiError) return e;
  if (e instanceof UnknownChoiceError) {
    if (e.option === 'company') return new ApiError(404, `unknown company: ${e.given}`, companyParameter, e.choices);
    return new ApiError(400, e.message, OPTION_PARAMETER[e.option] ?? e.option, e.choices);
  }
  if (isValidationError(e)) {
    const first = e.validation[0];
    const parameter = first?.instancePath?.replace(/^\//, '') || first?.params?.missingProperty || e.validationContext || 'query';
    const allowed = first?.params?.allowedValues?.map(String) ?? allowedFor(parameter);
    const value = given[parameter];
    const shown = value === undefined ? '' : `: ${Array.isArray(value) ? value.join(',') : String(value)}`;
    return new ApiError(400, `invalid ${parameter}${shown} (${first?.keyword === 'enum' ? `expected one of ${allowed.join(', ')}` : e.message.replace(/^querystring\/\S+ /, '')})`, parameter, allowed);
  }
  if (!(e instanceof Error)) return null;
  const invalid = /^invalid (\w+):/.exec(e.message);
  if (invalid) {
    const parameter = invalid[1] === 'chart' ? 'type' : invalid[1]!;
    return new ApiError(400, e.message, parameter, allowedFor(parameter));
  }
  if (/^range too long/.test(e.message)) return new ApiError(400, e.message, 'to', allowedFor('to'));
  if (/^empty range/.test(e.message)) return new ApiError(400, e.message, 'to', allowedFor('to'));
  // Fastify's own client errors (body too large, unsupported media type, rate limit): keep their status.
  const status = (e as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new ApiError(status, e.message);
  return null;
}
