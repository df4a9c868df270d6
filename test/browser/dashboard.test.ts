import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { collectProblems, seriousViolations, startDashboard, waitForCharts, type Dashboard } from './browser-harness.js';
import { needs } from '../helpers/requirements.js';

/** The companies a URL names, sorted (the form lists them in its own order). */
const companiesOf = (url: URL) => (url.searchParams.get('companies') ?? '').split(',').sort().join(',');

describe('the dashboard in chromium', { timeout: 60_000, ...needs('chromium') }, () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await startDashboard();
  }, 60_000);
  afterAll(async () => {
    await d?.close();
  });

  it('loads the overview: interactive chart with tooltips, leaderboard, no CSP violations', async () => {
    const page = await d.browser.newPage();
    const problems = collectProblems(page);
    await page.goto(`${d.base}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('The race');
    await waitForCharts(page);
    expect(await page.locator('#chart-seed .chart-live svg').count()).toBe(1);
    expect(await page.locator('#chart-seed .chart-view').count()).toBe(0);
    expect(await page.locator('#leaderboard tbody tr').count()).toBe(5);

    await page.locator('#chart-seed .chart-live [aria-roledescription="bar"]').first().hover();
    const tooltip = page.locator('#vg-tooltip-element.visible');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('Amazon');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets other sites frame /embed (interactive inside the frame) but no other page', async () => {
    const page = await d.browser.newPage();
    // Another site: a second origin on loopback (a public origin may not frame loopback at all).
    const article = `<!doctype html><title>An article</title><iframe id="embed" src="${d.base}/embed?preset=seed" width="900" height="640"></iframe><iframe id="page" src="${d.base}/explore" width="900" height="300"></iframe>`;
    const site = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(article));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => void site.close());
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/article`);
    const embed = page.frameLocator('#embed');
    await embed.locator('#chart-embed[data-hydrated="true"] .chart-live svg').waitFor();
    expect(await embed.locator('nav').count()).toBe(0);
    // frame-ancestors 'none': Chromium replaces the framed page with its error page.
    const blocked = await (await page.$('#page'))!.contentFrame();
    expect(blocked!.url()).not.toContain('/explore');
    expect(await page.frameLocator('#page').locator('#explore-form').count()).toBe(0);
    await page.close();
  });

  it('redraws the explore chart and updates the URL when a control changes', async () => {
    const page = await d.browser.newPage();
    const problems = collectProblems(page);
    await page.goto(`${d.base}/explore`);
    await waitForCharts(page);

    await page.selectOption('#metric', 'revenue');
    await page.waitForURL(/[?&]metric=revenue(&|$)/);
    await waitForCharts(page);
    expect(await page.locator('#explore-status').textContent()).toContain('Revenue');
    expect(await page.locator('#explore-table caption').textContent()).toContain('Revenue');
    const spec = JSON.parse((await page.locator('#chart-explore script.chart-spec').textContent())!);
    expect(spec.usermeta.airace.metric).toBe('revenue');

    await page.uncheck('#company-META');
    await page.waitForURL((url) => companiesOf(url) === 'AMZN,GOOGL,MSFT');
    await waitForCharts(page);
    expect(await page.locator('#explore-table thead').textContent()).not.toContain('Meta');

    await page.selectOption('#transform', 'yoy');
    await page.waitForURL(/[?&]transform=yoy(&|$)/);
    await waitForCharts(page);
    expect(await page.locator('#explore-table caption').textContent()).toContain('year-over-year growth');

    // Back restores the earlier charts from the URL (the page reloads that state).
    await page.goBack();
    await page.locator('#explore-table caption', { hasNotText: 'growth' }).waitFor();
    expect(companiesOf(new URL(page.url()))).toBe('AMZN,GOOGL,MSFT');
    await page.goBack();
    await page.locator('#explore-table thead', { hasText: 'Meta' }).waitFor();
    expect(companiesOf(new URL(page.url()))).toBe('AMZN,GOOGL,META,MSFT');
    await waitForCharts(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads the CSV behind the chart, with values from the data', async () => {
    const page = await d.browser.newPage();
    await page.goto(`${d.base}/explore?metric=capex&companies=AMZN,MSFT&period=fy&from=2024&to=2024`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-explore .downloads a', { hasText: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('airace-capex-fy.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^ticker,name,metric,period,label/);
    expect(csv).toMatch(/^AMZN,Amazon,capex,fy,FY2024,2024-01-01,2024-12-31,82999000000,USD,actual,/m);
    await page.close();
  });

  it('works by keyboard alone: skip link, Tab to the form, change, submit', async () => {
    const page = await d.browser.newPage();
    await page.goto(`${d.base}/explore`);
    await waitForCharts(page);
    const active = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));

    await page.keyboard.press('Tab');
    expect((await active()).text).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect((await active()).id).toBe('main');

    const tabTo = async (id: string) => {
      for (let i = 0; i < 30 && (await active()).id !== id; i++) await page.keyboard.press('Tab');
      expect((await active()).id).toBe(id);
    };
    await tabTo('metric');
    await tabTo('period');
    await page.keyboard.press('ArrowDown'); // fiscal years → calendar years
    await page.waitForURL(/[?&]period=cy(&|$)/);
    await tabTo('from');
    await page.keyboard.type('2022');
    await tabTo('to');
    await page.keyboard.type('2024');
    await tabTo('');
    for (let i = 0; i < 10 && (await active()).text !== 'Update chart'; i++) await page.keyboard.press('Tab');
    expect((await active()).text).toBe('Update chart');
    await page.keyboard.press('Enter');
    await page.waitForURL(/period=cy&from=2022&to=2024/);
    await waitForCharts(page);
    expect(await page.locator('#explore-table tbody th').allTextContents()).toEqual(['2022', '2023', '2024']);
    await page.close();
  });

  it('works without JavaScript: server-rendered SVG and a plain GET form', async () => {
    const context = await d.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${d.base}/explore`);
    expect(await page.locator('#chart-explore .chart-view svg[role="img"]').count()).toBe(1);
    await page.selectOption('#period', 'cy');
    await page.locator('button', { hasText: 'Update chart' }).click();
    await page.waitForURL(/[?&]period=cy(&|$)/);
    expect(await page.locator('#explore-table caption').textContent()).toContain('calendar years');
    expect(await page.locator('#chart-explore .chart-view svg').count()).toBe(1);
    await context.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', { timeout: 180_000 }, async () => {
    const check = async (path: string, staticCharts: boolean) => {
      const page = await d.browser.newPage();
      // Without the Vega scripts the charts stay server-rendered, as without JavaScript.
      if (staticCharts) await page.route('**/static/vendor/**', (route) => route.abort());
      await page.goto(`${d.base}${path}`);
      if (!staticCharts) await waitForCharts(page);
      const violations = await seriousViolations(page);
      await page.close();
      return violations.map((v) => ({ path, staticCharts, ...v }));
    };
    const found = [];
    for (const path of ['/', '/explore', '/company/BABA', '/methodology', '/embed?preset=seed']) found.push(...(await check(path, false)));
    for (const path of ['/', '/explore']) found.push(...(await check(path, true)));
    expect(found).toEqual([]);
  });
});
