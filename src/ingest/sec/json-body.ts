// Turns a response body (or a zip entry) into JSON, or a SecError naming the source and where
// the text broke, so a truncated or garbled download fails loudly instead of half-loading.
import { SecError } from './sec-error.js';

export function parseJsonBody(body: Buffer | string, source: string): unknown {
  let text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    throw new SecError('malformed', `malformed JSON in ${source} (${size} bytes): ${(e as Error).message}`, source);
  }
}

/** A schema failure as one line: "facts: expected object, received array". */
export function shapeError(source: string, what: string, issues: { path: PropertyKey[]; message: string }[]): SecError {
  const first = issues[0];
  const where = first && first.path.length ? `${first.path.map(String).join('.')}: ` : '';
  return new SecError('malformed', `${source} is not a valid ${what}: ${where}${first?.message ?? 'unexpected shape'}`, source);
}
