// The models page in chromium at a desktop and a phone width, with the transcribed table
// imported: every chart sits in its frame drawn for the frame's width (a phone's names fewer
// models, never scaled down), nothing overflows sideways, no console errors or CSP violations,
// no serious accessibility issues.
import { describe, expect, it } from 'vitest';
import { collectProblems, seriousViolations, useDashboard, waitForCharts } from './browser-harness.js';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { TRANSCRIBED_FILE } from '../models/models-fixtures.js';
import { needs } from '../helpers/requirements.js';

describe('the models page in chromium', { timeout: 120_000, ...needs('chromium', 'shared-models') }, () => {
  const d = useDashboard({ prepare: (server) => importModelsFile(server.store, TRANSCRIBED_FILE).then(() => undefined), timeout: 120_000 });

  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    it(`draws every chart for its frame's width at ${width} px`, async () => {
      const page = await d.browser.newPage({ viewport: { width, height } });
      const problems = collectProblems(page);
      await page.goto(`${d.base}/models`);
      await waitForCharts(page);
      const frames = await page.evaluate(() =>
        Array.from(document.querySelectorAll('figure.frame')).map((f) => {
          const view = f.querySelector('.chart-view')!.getBoundingClientRect().width;
          const svg = f.querySelector('.chart-view svg');
          return { id: f.id, view, svg: svg ? Number(svg.getAttribute('width')) : 0, shown: svg ? svg.getBoundingClientRect().width : 0 };
        }),
      );
      expect(frames.map((f) => f.id)).toEqual(['chart-compute', 'chart-per-year', 'chart-open']);
      for (const f of frames) {
        // Drawn for the frame (within the 20 px the width is rounded to) and shown at its own size.
        expect(f.svg, f.id).toBeGreaterThan(f.view - 40);
        expect(f.svg, f.id).toBeLessThanOrEqual(f.view + 1);
        expect(Math.abs(f.shown - f.svg), f.id).toBeLessThan(1);
      }
      // The live view keeps the model names the server drew.
      const labels = await page.locator('#chart-compute .chart-view svg text').allTextContents();
      expect(labels.some((t) => t.startsWith('Qwen'))).toBe(true);
      expect(labels.some((t) => t.startsWith('DeepSeek'))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
