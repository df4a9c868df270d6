// One error shape for every surface of the server: `{error, parameter, allowed}`, so a client
// (or a person reading a 400 page) learns which parameter was wrong and what it may be. What is
// thrown elsewhere is mapped to it by to-api-error.ts.

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
