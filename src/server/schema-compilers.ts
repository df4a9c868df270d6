// How Fastify uses the zod schemas of src/server/query-parameters.ts and api-schemas.ts:
// query strings are read as the rest of airace reads them (lists joined, keywords in any case)
// and a bad value becomes the same `{error, parameter, allowed}` 400 the pages show; responses
// sent as objects are serialised through their schema (fastify-type-provider-zod).
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { ApiError } from './api-error.js';
import { parseQuery } from './query-parameters.js';

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    try {
      if (httpPart === 'querystring' && schema instanceof z.ZodObject) return { value: parseQuery(schema, (data ?? {}) as Record<string, unknown>) };
      // An article to check arrives as JSON, text or a form; check-input.ts reads all three and
      // words its own errors ("paste the article to check"), so the body schema only documents it.
      if (httpPart === 'body') return { value: data };
      const result = schema.safeParse(data);
      if (result.success) return { value: result.data };
      const issue = result.error.issues[0]!;
      const where = issue.path.length ? issue.path.join('.') : httpPart === 'body' ? 'body' : String(httpPart);
      return { error: new ApiError(400, `invalid ${where} (${issue.message})`, where) };
    } catch (e) {
      return { error: e as Error };
    }
  };

export const serializerCompiler = zodSerializerCompiler;
