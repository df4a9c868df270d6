// The share-price chart in chromium at a phone and a desktop width, with SYNTHETIC closes for
// Alibaba's two listings synced from a loopback source: drawn by its chart route for the width
// of its frame, as every chart is, and shown at its own size (never a desktop drawing scaled down).
import { afterAll, describe, expect, it } from 'vitest';
import { collectProblems, useDashboard, waitForCharts } from './browser-harness.js';
import { alibabaPriceSource, syncAlibabaPrices } from '../prices/price-test-kit.js';
import type { PriceFixtureServer } from '../prices/price-fixture-server.js';
import { needs } from '../helpers/requirements.js';

describe('the share-price chart in chromium', { timeout: 120_000, ...needs('chromium') }, () => {
  let source: PriceFixtureServer | undefined;
  const d = useDashboard({
    prepare: async (server) => {
      source = await alibabaPriceSource();
      await syncAlibabaPrices(server.store, source);
    },
  });
  afterAll(async () => {
    await source?.close();
  });

  for (const [width, height] of [
    [390, 844],
    [1440, 900],
  ] as const) {
    it(`is drawn for its frame's width at ${width} px on the company page`, async () => {
      const page = await d.browser.newPage({ viewport: { width, height } });
      const problems = collectProblems(page);
      await page.goto(`${d.base}/company/BABA`);
      await waitForCharts(page);
      const fit = await page.locator('#prices-chart').evaluate((f) => {
        const view = f.querySelector('.chart-view')!.getBoundingClientRect().width;
        const svg = f.querySelector('.chart-view svg')!;
        return { hydrated: (f as HTMLElement).dataset.hydrated, view, svg: Number(svg.getAttribute('width')), shown: svg.getBoundingClientRect().width };
      });
      expect(fit.hydrated).toBe('true');
      // Drawn for the frame (within the 20 px app.js rounds widths to), and shown at its own size.
      expect(fit.svg).toBeLessThanOrEqual(fit.view);
      expect(fit.view - fit.svg).toBeLessThan(24);
      expect(Math.abs(fit.shown - fit.svg)).toBeLessThan(1);
      // Its lines are both listings', with their moves marked.
      const text = (await page.locator('#prices-chart .chart-view svg').textContent()) ?? '';
      expect(text).toContain('Alibaba 9988.HK (HKEX)');
      // Laid out for the width, not shrunk: a phone's axis still names at least three months.
      const months = (await page.locator('#prices-chart .chart-view svg text').allTextContents()).filter((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t));
      expect(months.length, months.join(', ')).toBeGreaterThanOrEqual(3);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
