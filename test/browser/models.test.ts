// The models page in chromium at a desktop and a phone width, with the transcribed table
// imported: every chart turns interactive, the phone gets the phone-sized charts, nothing
// overflows sideways, no console errors or CSP violations, no serious accessibility issues.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS, collectProblems, seriousViolations, waitForCharts } from './browser-harness.js';
import { testServer, type TestServer } from '../server/test-server.js';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { TRANSCRIBED_FILE } from '../models/models-fixtures.js';
import { needs } from '../helpers/requirements.js';

describe('the models page in chromium', { timeout: 120_000, ...needs('chromium', 'shared-models') }, () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    server = await testServer();
    await importModelsFile(server.store, TRANSCRIBED_FILE);
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [width, height, shown, hidden] of [
    [1440, 900, '#chart-compute', '#chart-compute-narrow'],
    [390, 844, '#chart-compute-narrow', '#chart-compute'],
  ] as const) {
    it(`draws live charts that fit at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      const problems = collectProblems(page);
      await page.goto(`${base}/models`);
      await waitForCharts(page);
      expect(await page.locator(`${shown} .chart-live svg`).isVisible()).toBe(true);
      expect(await page.locator(`${hidden} .chart-live svg`).isVisible()).toBe(false);
      // The live view keeps the model names the server drew.
      const labels = await page.locator(`${shown} .chart-live svg text`).allTextContents();
      expect(labels.some((t) => t.startsWith('Qwen'))).toBe(true);
      expect(labels.some((t) => t.startsWith('DeepSeek'))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
