// The article `airace check` reads: a file, or standard input for `-`. Standard input is read with
// the size limit applied as it streams, so an endless pipe stops at the limit instead of filling
// memory; an empty article is a usage error (exit 2), not an empty report.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InvalidOptionError, TooLargeError } from '../model/errors.js';

/** Reads at most `limit` bytes of a stream; more is a TooLargeError, raised as soon as the limit is passed. */
export async function readLimited(stream: Readable, limit: number, what = 'article'): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > limit) {
      stream.destroy();
      throw new TooLargeError(what, limit);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readFileLimited(file: string, limit: number): string {
  if (statSync(file).size > limit) throw new TooLargeError('article', limit);
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(limit + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n > limit) throw new TooLargeError('article', limit);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export async function readArticle(file: string, limit: number, stdin: Readable = process.stdin): Promise<string> {
  const text = file === '-' ? await readLimited(stdin, limit) : readFileLimited(file, limit);
  if (text.trim() === '') throw new InvalidOptionError('article', file === '-' ? 'standard input' : file, ['an article of plain text or markdown'], 'it is empty');
  return text;
}
