// Issues #15 and #19: a check runs in a worker pool, off the server's event loop, within a time
// budget, and stops when its client goes away. Times are compared as ratios within one run, never
// against a wall-clock limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkArticle } from '../../bench/check-benchmark.js';
import { CheckCancelled, CheckRunner } from '../../src/server/check-runner.js';
import { openStore } from '../../src/store/database.js';
import { testServer, type TestServer } from './test-server.js';

/** Close to the largest article the server accepts (256 KB). */
const LARGE = benchmarkArticle(240_000);

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
  // Warm the pool: a thread started, the store opened, the modules loaded.
  await server.app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'Alphabet spent $52.5 billion in 2024.' } });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('the check pool', () => {
  it('runs checks in worker threads for a store other threads can open', async () => {
    expect(server.app).toBeDefined();
    const memory = await openStore(':memory:');
    try {
      expect(new CheckRunner(memory).pooled).toBe(false);
    } finally {
      await memory.close();
    }
  });

  it('answers a small request promptly while a large check runs', async () => {
    const started = performance.now();
    let checkDone = 0;
    const check = server.app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: LARGE } }).then((r) => {
      checkDone = performance.now();
      return r;
    });
    const small: number[] = [];
    // Small requests one after another while the check runs.
    while (!checkDone && small.length < 200) {
      const t0 = performance.now();
      const res = await server.app.inject('/api/v1/companies');
      expect(res.statusCode).toBe(200);
      small.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await check;
    expect(res.statusCode).toBe(200);
    const checkMs = checkDone - started;
    const slowest = Math.max(...small);
    // Several small requests were answered during the check, each in a small fraction of its time.
    expect(small.length).toBeGreaterThan(3);
    expect(slowest / checkMs, `slowest small request ${slowest.toFixed(0)} ms during a ${checkMs.toFixed(0)} ms check`).toBeLessThan(0.2);
  }, 120_000);

  it('stops a check that runs out of time with a clear 503', async () => {
    // The budget is set from how long a check with no figures takes on this machine now (its thread's
    // start-up included), so a loaded machine scales both sides: the article is far longer than that.
    // The quickest of three, so that one busy moment on a shared machine does not stretch the budget
    // past the large check itself.
    const emptyMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      expect((await server.app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'No figures here.' } })).statusCode).toBe(200);
      emptyMs.push(performance.now() - t0);
    }
    const budgetMs = Math.max(150, Math.round(20 * Math.min(...emptyMs)));
    const hurried = await testServer({ checks: { budgetMs } });
    try {
      const res = await hurried.app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: LARGE } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: expect.stringMatching(/^the check took longer than \d+ s, the limit for one check/), parameter: 'text' });
      expect(res.headers['retry-after']).toBeDefined();
      // The pool is still usable afterwards.
      const ok = await hurried.app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'No figures here.' } });
      expect(ok.statusCode).toBe(200);
    } finally {
      await hurried.close();
    }
  }, 120_000);

  it('stops a check whose client went away, long before the check would have finished', async () => {
    const runner = new CheckRunner(server.store, { threads: 1 });
    try {
      const t0 = performance.now();
      await runner.run({ text: LARGE }, new AbortController().signal);
      const full = performance.now() - t0;
      const gone = new AbortController();
      const t1 = performance.now();
      const run = runner.run({ text: LARGE }, gone.signal);
      setTimeout(() => gone.abort(new Error('client closed')), 50);
      await expect(run).rejects.toBeInstanceOf(CheckCancelled);
      expect((performance.now() - t1) / full).toBeLessThan(0.5);
    } finally {
      await runner.close();
    }
  }, 120_000);
});
