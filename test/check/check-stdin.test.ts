// Issue #19: `airace check -` once read all of standard input before applying its size limit (an
// endless pipe grew the process to 6 GB), and answered empty input with an empty report and exit 0.
// Now stdin is read with the limit applied as it streams, and an empty article is a usage error.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLimited } from '../../src/cli/read-article.js';
import { MAX_ARTICLE_BYTES } from '../../src/check/check-article.js';
import { TooLargeError } from '../../src/model/errors.js';
import { repoRoot } from './check-helpers.js';
import { needs } from '../helpers/requirements.js';

const bin = join(repoRoot, 'dist', 'src', 'cli', 'bin.js');
const db = join(mkdtempSync(join(tmpdir(), 'airace-stdin-')), 'airace.db');

/** Runs the built CLI with `feed` writing to its stdin; resolves with its exit code, stderr and the bytes fed. */
function run(args: string[], feed: (stdin: NodeJS.WritableStream, done: () => boolean) => void): Promise<{ code: number | null; stderr: string; fed: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, '--db', db, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    let exited = false;
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdin.on('error', () => {});
    const counted = child.stdin as NodeJS.WritableStream & { bytes?: number };
    let fed = 0;
    const write = counted.write.bind(counted);
    counted.write = ((chunk: Buffer, ...rest: never[]) => {
      fed += chunk.length;
      return write(chunk, ...rest);
    }) as typeof counted.write;
    child.on('exit', (code) => {
      exited = true;
      resolve({ code, stderr, fed });
    });
    feed(counted, () => exited);
  });
}

describe('airace check - (standard input)', needs('dist'), () => {
  it('calls empty input a usage error: exit 2, naming it', async () => {
    const r = await run(['check', '-'], (stdin) => stdin.end());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid article: standard input \(it is empty\)/);
  }, 60_000);

  it('stops an endless pipe at the size limit, while it streams', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'Amazon spent $83.0 billion in 2024. ');
    const r = await run(['check', '-'], (stdin, done) => {
      const pump = () => {
        while (!done() && stdin.write(chunk)) if (done()) return;
        if (!done()) stdin.once('drain', pump);
      };
      pump();
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid article: larger than ${MAX_ARTICLE_BYTES} bytes`);
    // It stopped reading near the limit, not after the whole stream: what was fed is a small multiple of the limit.
    expect(r.fed).toBeLessThan(4 * MAX_ARTICLE_BYTES);
  }, 60_000);
});

describe('readLimited', () => {
  it('rejects as soon as the limit is passed, without reading the rest', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 'x'));
      },
    });
    await expect(readLimited(endless, 10_000)).rejects.toBeInstanceOf(TooLargeError);
    expect(produced).toBeLessThan(40_000);
  });
});
