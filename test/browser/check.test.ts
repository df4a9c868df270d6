// "Check an article" in chromium: paste an article, submit it with the keyboard, read the
// verdicts and the redrawn charts; axe-core on the form and on the result.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectProblems, seriousViolations, useDashboard, waitForCharts } from './browser-harness.js';
import { needs } from '../helpers/requirements.js';

const article = readFileSync(new URL('../../examples/articles/big-four-capex.md', import.meta.url), 'utf8');
/** On /check: Tabs to the textarea, pastes the article, Tabs to the button and presses Enter; resolves on the result page. */
async function checkByKeyboard(page: Page, text: string): Promise<void> {
  const active = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));
  for (let i = 0; i < 30 && (await active()).id !== 'article'; i++) await page.keyboard.press('Tab');
  expect((await active()).id).toBe('article');
  await page.keyboard.insertText(text); // what a paste delivers
  for (let i = 0; i < 10 && (await active()).text !== 'Check the article'; i++) await page.keyboard.press('Tab');
  expect((await active()).text).toBe('Check the article');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

describe('checking an article in chromium', { timeout: 90_000, ...needs('chromium') }, () => {
  const d = useDashboard();

  it('pastes an article, submits it with the keyboard and shows the verdicts and charts', async () => {
    const page = await d.browser.newPage();
    const problems = collectProblems(page);
    await page.goto(`${d.base}/`);
    await page.locator('nav a', { hasText: 'Check an article' }).click();
    await page.waitForURL(`${d.base}/check`);
    await checkByKeyboard(page, article);

    expect(new URL(page.url()).pathname).toBe('/check');
    await expect(page.locator('.check-summary').textContent()).resolves.toMatch(/7 figures checked.*1 contradicted/);
    const contradicted = page.locator('li.claim-contradicted');
    expect(await contradicted.count()).toBe(1);
    expect(await contradicted.locator('.claim-text').textContent()).toBe('Alphabet spent $81.5 billion over the same year');
    expect(await contradicted.locator('dd strong').first().textContent()).toBe('$91.447B');
    expect(await contradicted.locator('dt:has-text("Sources") + dd a').first().getAttribute('href')).toMatch(/^https?:\/\//);
    await waitForCharts(page);
    expect(await page.locator('.described-chart figure[data-hydrated="true"] .chart-view svg[role="img"]').count()).toBe(2);
    // The article is kept for another try.
    expect(await page.locator('#article').inputValue()).toBe(article.replace(/\r\n/g, '\n'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works without JavaScript', async () => {
    const context = await d.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${d.base}/check`);
    await page.fill('#article', article);
    await page.locator('button', { hasText: 'Check the article' }).click();
    await page.locator('li.claim-contradicted').waitFor();
    // Without JavaScript each chart is the server's drawing as an image, with its alt text.
    expect(await page.locator('.described-chart .chart-view img[alt*="chart of"]').count()).toBe(2);
    await context.close();
  });

  it('shows a pasted <script> as text and runs nothing', async () => {
    const page = await d.browser.newPage();
    const problems = collectProblems(page);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`${d.base}/check`);
    await checkByKeyboard(page, `<script>alert(1)</script>\nAlphabet spent $81.5 billion in 2025 <img src=x onerror="alert(2)">.`);
    await page.locator('#check-result').waitFor();
    expect(await page.locator('#article').inputValue()).toContain('<script>alert(1)</script>');
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility violations on the form and the result (axe-core)', { timeout: 120_000 }, async () => {
    const page = await d.browser.newPage();
    await page.goto(`${d.base}/check`);
    const found = (await seriousViolations(page)).map((v) => ({ page: 'form', ...v }));
    await checkByKeyboard(page, article);
    await waitForCharts(page);
    found.push(...(await seriousViolations(page)).map((v) => ({ page: 'result', ...v })));
    // Without app.js the charts stay the server's images, each panel of a frame under its heading.
    const fallback = await d.browser.newPage();
    await fallback.route('**/static/app.*.js', (route) => route.abort());
    await fallback.goto(`${d.base}/check`);
    await checkByKeyboard(fallback, article);
    found.push(...(await seriousViolations(fallback)).map((v) => ({ page: 'result, static charts', ...v })));
    expect(found).toEqual([]);
    await page.close();
    await fallback.close();
  });
});
