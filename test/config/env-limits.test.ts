// Numbers read from the environment: one helper (src/config/env-number.ts), one home for the
// HTTP limits of every source (src/ingest/http/http-limits-from-env.ts). The variable names and
// defaults are contracts, so they are read from the docs' tables and compared with what the
// configs give; every invalid value is an error naming its variable.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { numberFromEnv } from '../../src/config/env-number.js';
import { secConfigFromEnv } from '../../src/ingest/sec/sec-config.js';
import { priceSourceConfigFromEnv } from '../../src/ingest/prices/price-source-config.js';
import { epochConfigFromEnv } from '../../src/ingest/models/epoch-config.js';
import type { HttpClientConfig } from '../../src/ingest/http/http-client.js';
import { CheckRunner } from '../../src/server/check-runner.js';
import { PngRenderer } from '../../src/server/png-renderer.js';
import { openStore } from '../../src/store/database.js';

const MB = 1024 * 1024;
const FIELD: Record<string, { key: keyof HttpClientConfig; scale: number }> = {
  MAX_RPS: { key: 'maxRequestsPerSecond', scale: 1 },
  TIMEOUT_MS: { key: 'timeoutMs', scale: 1 },
  RETRIES: { key: 'maxRetries', scale: 1 },
  BACKOFF_MS: { key: 'backoffBaseMs', scale: 1 },
  BACKOFF_MAX_MS: { key: 'backoffMaxMs', scale: 1 },
  MAX_RETRY_AFTER_MS: { key: 'maxRetryAfterMs', scale: 1 },
  MAX_DOWNLOAD_MB: { key: 'maxDownloadBytes', scale: MB },
  MAX_BODY_MB: { key: 'maxBodyBytes', scale: MB },
};

/** The documented limit variables of one source and their defaults, from its docs table (`A`, `B` | `1`, `2` rows too). */
function documentedLimits(doc: string, prefix: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readFileSync(doc, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1]!.startsWith(`\`${prefix}_`)) continue;
    const names = [...cells[1]!.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!);
    const values = [...cells[2]!.matchAll(/`(\d+)`/g)].map((m) => Number(m[1]));
    names.forEach((n, i) => {
      if (FIELD[n.slice(prefix.length + 1)] && values[i] !== undefined) out.set(n, values[i]!);
    });
  }
  return out;
}

const SOURCES = [
  { prefix: 'AIRACE_SEC', doc: 'docs/sync.md', config: (env: NodeJS.ProcessEnv) => secConfigFromEnv({ AIRACE_SEC_USER_AGENT: 'Test test@example.com', ...env }) },
  { prefix: 'AIRACE_PRICES', doc: 'docs/prices.md', config: (env: NodeJS.ProcessEnv) => priceSourceConfigFromEnv(env) },
  { prefix: 'AIRACE_EPOCH', doc: 'docs/models.md', config: (env: NodeJS.ProcessEnv) => epochConfigFromEnv(env) },
];

describe('HTTP limits from the environment', () => {
  for (const { prefix, doc, config } of SOURCES) {
    it(`${prefix}_*: the documented defaults, each variable read, an invalid one named`, () => {
      const documented = documentedLimits(doc, prefix);
      // Every source documents at least the seven limits other than the rate.
      expect(documented.size).toBeGreaterThanOrEqual(7);
      const defaults = config({});
      for (const [name, value] of documented) {
        const { key, scale } = FIELD[name.slice(prefix.length + 1)]!;
        expect(defaults[key], name).toBe(value * scale);
        // Set alone, it changes only its own field.
        const set = config({ [name]: '3' });
        expect(set[key], name).toBe(3 * scale);
      }
    });
    it(`${prefix}_*: a value that is not a non-negative number is an error naming the variable`, () => {
      for (const name of documentedLimits(doc, prefix).keys()) {
        for (const bad of ['fast', '-1', '1e999']) {
          expect(() => config({ [name]: bad }), `${name}=${bad}`).toThrow(`invalid ${name}: ${bad} (expected a non-negative number)`);
        }
      }
    });
  }

  it('keeps SEC at or under its published 10 requests per second, and 0 means the default', () => {
    const sec = SOURCES[0]!.config;
    expect(sec({ AIRACE_SEC_MAX_RPS: '50' }).maxRequestsPerSecond).toBe(10);
    expect(sec({ AIRACE_SEC_MAX_RPS: '0' }).maxRequestsPerSecond).toBe(10);
    expect(sec({ AIRACE_SEC_MAX_RPS: '4' }).maxRequestsPerSecond).toBe(4);
  });
});

describe('numberFromEnv', () => {
  it('gives the fallback when unset or blank, and refuses what is out of range by name', () => {
    expect(numberFromEnv({}, 'AIRACE_X', 7)).toBe(7);
    expect(numberFromEnv({ AIRACE_X: '  ' }, 'AIRACE_X', 7)).toBe(7);
    expect(numberFromEnv({ AIRACE_X: '0' }, 'AIRACE_X', 7)).toBe(0);
    expect(() => numberFromEnv({ AIRACE_X: '0' }, 'AIRACE_X', 7, { positive: true })).toThrow('invalid AIRACE_X: 0 (expected a positive number)');
    expect(() => numberFromEnv({ AIRACE_X: '1.5' }, 'AIRACE_X', 7, { positive: true, integer: true })).toThrow('invalid AIRACE_X: 1.5 (expected a positive whole number)');
    expect(numberFromEnv({ AIRACE_X: '3' }, 'AIRACE_X', 7, { positive: true, integer: true })).toBe(3);
  });

  it('makes an invalid server thread count or time budget a clear error, not a silent default', async () => {
    const store = await openStore(':memory:');
    const saved = { ...process.env };
    try {
      for (const [name, bad, expected] of [
        ['AIRACE_CHECK_THREADS', 'two', 'a positive whole number'],
        ['AIRACE_CHECK_TIMEOUT_MS', '0', 'a positive number'],
      ] as const) {
        process.env[name] = bad;
        expect(() => new CheckRunner(store), name).toThrow(`invalid ${name}: ${bad} (expected ${expected})`);
        delete process.env[name];
      }
      for (const [name, bad, expected] of [
        ['AIRACE_RENDER_THREADS', '-2', 'a positive whole number'],
        ['AIRACE_RENDER_TIMEOUT_MS', 'soon', 'a positive number'],
      ] as const) {
        process.env[name] = bad;
        expect(() => new PngRenderer(), name).toThrow(`invalid ${name}: ${bad} (expected ${expected})`);
        delete process.env[name];
      }
      process.env.AIRACE_CHECK_TIMEOUT_MS = '1234';
      const runner = new CheckRunner(store);
      expect(runner.budgetMs).toBe(1234);
      await runner.close();
    } finally {
      process.env = saved;
      await store.close();
    }
  });
});
