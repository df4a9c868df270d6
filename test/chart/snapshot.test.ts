// The harness itself: it must create, compare, report changes, and refuse to create under CI.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { assertSnapshot, normaliseSvg } from './snapshot.js';

describe('assertSnapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airace-snapshot-'));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a missing golden, then passes on the same output', () => {
    vi.stubEnv('CI', '');
    assertSnapshot('first', 'svg', '<svg/>\n', dir);
    expect(readFileSync(join(dir, 'first.svg'), 'utf8')).toBe('<svg/>\n');
    expect(() => assertSnapshot('first', 'svg', '<svg/>\n', dir)).not.toThrow();
  });

  it('fails on a mismatch and writes <name>-changed next to the golden', () => {
    vi.stubEnv('CI', '');
    assertSnapshot('second', 'svg', '<svg/>\n', dir);
    expect(() => assertSnapshot('second', 'svg', '<svg width="2"/>\n', dir)).toThrow(/snapshot second.svg changed/);
    expect(readFileSync(join(dir, 'second-changed.svg'), 'utf8')).toBe('<svg width="2"/>\n');
  });

  it('fails instead of creating a golden under CI=true', () => {
    vi.stubEnv('CI', 'true');
    expect(() => assertSnapshot('third', 'vl.json', '{}\n', dir)).toThrow(/missing snapshot/);
    expect(existsSync(join(dir, 'third.vl.json'))).toBe(false);
  });

  it('normalises geometry but not short numbers in text', () => {
    expect(normaliseSvg('<g transform="translate(81.31818181818181,7)"><text>$83.0B</text></g><clipPath id="clip7"/>')).toBe(
      '<g transform="translate(81.32,7)">\n<text>$83.0B</text>\n</g>\n<clipPath id="id0"/>\n',
    );
  });

});
