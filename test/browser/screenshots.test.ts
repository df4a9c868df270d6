// What a reader sees first on each page, at a phone's width (390 px) and a desktop's (1440 px),
// compared with the references committed in docs/screenshots/ (pixelmatch, with a tolerance for
// anti-aliasing). A changed screen writes <name>-changed.png and <name>-diff.png beside the
// reference; replace the reference when the change is intended (CI never creates one).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboard, waitForCharts } from './browser-harness.js';
import { needs } from '../helpers/requirements.js';
import { importModelsFile } from '../../src/ingest/models/import-models.js';
import { TRANSCRIBED_FILE } from '../models/models-fixtures.js';

const DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
/** Share of pixels that may differ (text anti-aliasing, sub-pixel layout) before a screen counts as changed. */
const TOLERANCE = 0.015;
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } } as const;

const article = readFileSync(new URL('../../examples/articles/big-four-capex.md', import.meta.url), 'utf8');

const SCREENS: { name: string; open: (page: Page, base: string) => Promise<void>; needs?: 'models' }[] = [
  { name: 'overview', open: (p, base) => p.goto(`${base}/`).then(() => undefined) },
  { name: 'company', open: (p, base) => p.goto(`${base}/company/AMZN`).then(() => undefined) },
  { name: 'explore', open: (p, base) => p.goto(`${base}/explore?metric=capex&companies=AMZN,MSFT,GOOGL,META&period=quarter&from=2023-Q1&to=2025-Q4&type=line`).then(() => undefined) },
  {
    name: 'check',
    open: async (p, base) => {
      await p.goto(`${base}/check`);
      await p.fill('#article', article);
      await Promise.all([p.waitForNavigation(), p.locator('button', { hasText: 'Check the article' }).click()]);
      await p.locator('#result-heading').scrollIntoViewIfNeeded();
    },
  },
  { name: 'methodology', open: (p, base) => p.goto(`${base}/methodology`).then(() => undefined) },
  { name: 'embed', open: (p, base) => p.goto(`${base}/embed?preset=seed`).then(() => undefined) },
  { name: 'api', open: (p, base) => p.goto(`${base}/api`).then(() => undefined) },
  // The compute chart, the first chart of the models page (Epoch's data, read from ../shared).
  // Scrolled once the page is laid out (charts drawn, fonts in): an anchor in the URL scrolls as soon as
  // it is parsed, before what is above it has its final height, so the screen moved by a pixel or two.
  {
    name: 'models',
    needs: 'models',
    open: async (p, base) => {
      await p.goto(`${base}/models`);
      await waitForCharts(p);
      await p.evaluate(() => document.fonts.ready);
      await p.evaluate(() => window.scrollTo(0, Math.round(document.getElementById('compute-heading')!.getBoundingClientRect().top + window.scrollY)));
    },
  },
];

function compare(name: string, actual: Buffer): { ratio: number; created: boolean } {
  mkdirSync(DIR, { recursive: true });
  const reference = join(DIR, `${name}.png`);
  const changed = join(DIR, `${name}-changed.png`);
  const diffFile = join(DIR, `${name}-diff.png`);
  if (!existsSync(reference)) {
    if (process.env.CI === 'true') throw new Error(`missing screenshot reference ${reference}: run the browser tests locally and commit it`);
    writeFileSync(reference, actual);
    return { ratio: 0, created: true };
  }
  const a = PNG.sync.read(readFileSync(reference));
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) {
    writeFileSync(changed, actual);
    return { ratio: 1, created: false };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const pixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.15 });
  const ratio = pixels / (a.width * a.height);
  if (ratio > TOLERANCE) {
    writeFileSync(changed, actual);
    writeFileSync(diffFile, PNG.sync.write(diff));
  } else {
    rmSync(changed, { force: true });
    rmSync(diffFile, { force: true });
  }
  return { ratio, created: false };
}

describe('screens at 390 and 1440 px against docs/screenshots/', { timeout: 120_000, ...needs('chromium') }, () => {
  const d = useDashboard();

  for (const screen of SCREENS) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      it(`${screen.name} on a ${size} (${viewport.width} px)`, screen.needs === 'models' ? needs('shared-models') : {}, async () => {
        // Loaded once, when the first screen that needs it comes (the screens before show no models).
        if (screen.needs === 'models') await importModelsFile(d.server.store, TRANSCRIBED_FILE);
        const page = await d.browser.newPage({ viewport, deviceScaleFactor: 1 });
        await screen.open(page, d.base);
        await waitForCharts(page);
        await page.evaluate(() => document.fonts.ready);
        // No caret, no focus ring, no hover: the same screen every run.
        await page.mouse.move(0, 0);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const shot = await page.screenshot({ caret: 'hide', animations: 'disabled' });
        const { width, scroll } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth }));
        expect(scroll, 'no horizontal scroll').toBeLessThanOrEqual(width);
        await page.close();
        const { ratio } = compare(`${screen.name}-${viewport.width}`, shot);
        expect(ratio, `${screen.name}-${viewport.width}.png differs from its reference in ${(ratio * 100).toFixed(2)}% of pixels`).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }
});
