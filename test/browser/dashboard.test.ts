import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { collectProblems, seriousViolations, useDashboard, waitForCharts } from './browser-harness.js';
import { needs } from '../helpers/requirements.js';

/** The companies a URL names, sorted (the form lists them in its own order). */
const companiesOf = (url: URL) => (url.searchParams.get('companies') ?? '').split(',').sort().join(',');

const PAGES = ['/', '/explore', '/company/BABA', '/check', '/methodology', '/embed?preset=seed'];

describe('the dashboard in chromium', { timeout: 90_000, ...needs('chromium') }, () => {
  const d = useDashboard();

  it('draws each chart for the width of its frame, with tooltips, and no CSP violation', async () => {
    for (const width of [390, 1440]) {
      const page = await d.browser.newPage({ viewport: { width, height: 900 } });
      const problems = collectProblems(page);
      await page.goto(`${d.base}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('The race');
      await waitForCharts(page);
      // The inline SVG is exactly as wide as the frame gives it (rounded down to 20 px): never scaled.
      const fit = await page.locator('#chart-seed').evaluate((f) => {
        const view = f.querySelector('.chart-view')!.getBoundingClientRect().width;
        const svg = f.querySelector('.chart-view svg')!;
        return { view, svg: Number(svg.getAttribute('width')), shown: svg.getBoundingClientRect().width };
      });
      expect(fit.svg).toBeLessThanOrEqual(fit.view);
      expect(fit.view - fit.svg).toBeLessThan(24);
      expect(fit.shown).toBeCloseTo(fit.svg, 0);
      expect(await page.locator('#leaderboard tbody tr').count()).toBe(5);

      await page.locator('#chart-seed .chart-view [aria-roledescription="bar"]').first().hover();
      const tooltip = page.locator('.chart-tooltip:not([hidden])');
      await tooltip.waitFor();
      expect(await tooltip.textContent()).toMatch(/^Amazon, FY2022: \$\d/);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('frames every chart as Chart · Table · Sources · Download tabs, which work by keyboard', async () => {
    const page = await d.browser.newPage();
    await page.goto(`${d.base}/explore?metric=capex&companies=AMZN,MSFT&period=fy&from=2023&to=2024`);
    await waitForCharts(page);
    const tabs = page.locator('#chart-explore [role="tab"]');
    expect(await tabs.allTextContents()).toEqual(['Chart', 'Table', 'Sources', 'Download']);
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Table');
    expect(await page.locator('#chart-explore-table').isVisible()).toBe(true);
    expect(await page.locator('#chart-explore-chart').isVisible()).toBe(false);
    // The table is the keyboard path to every figure and its source.
    const amazon = page.locator('#chart-explore-values tbody tr', { hasText: 'FY2024' }).locator('td a').first();
    expect(await amazon.getAttribute('href')).toMatch(/^https?:\/\//);
    await page.keyboard.press('ArrowRight');
    const sources = page.locator('#chart-explore-sources li');
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().textContent()).toMatch(/(10-K|10-Q|20-F|8-K|6-K)|filed|Amazon|Microsoft/);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#chart-explore-download a', { hasText: 'CSV' }).isVisible()).toBe(true);
    // "Data as of" once in the frame: in the chart's footer (it travels with the downloads), not again under it.
    expect(await page.locator('#chart-explore .frame-foot').textContent()).toBe('Explore this chart · How the figures are made');
    const frameText = (await page.locator('#chart-explore').textContent()) ?? '';
    expect(frameText.match(/Data as of/g)).toHaveLength(1);
    expect(await page.locator('#chart-explore .chart-view svg').textContent()).toMatch(/Data as of: figures to \d{4}-\d{2}-\d{2}/);
    // Back to the chart: its bars are links, reachable by Tab, each with its label.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // the chart panel
    await page.keyboard.press('Tab'); // its first mark
    const mark = await page.evaluate(() => {
      const a = document.activeElement!;
      return { inChart: !!a.closest('#chart-explore .chart-view svg'), label: a.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '' };
    });
    expect(mark.inChart).toBe(true);
    expect(mark.label).toMatch(/^(Amazon|Microsoft), FY202\d: \$/);
    await page.close();
  });

  it('lets other sites frame /embed, which fills its frame and sets the frame’s height through the embed code', async () => {
    const page = await d.browser.newPage();
    await page.goto(`${d.base}/explore?metric=capex&companies=AMZN,MSFT&period=fy&from=2022&to=2025`);
    const code = await page.locator('#chart-explore-embed').inputValue();
    expect(code).toContain('data-airace-embed');
    // Another site: a second origin on loopback, whose article holds the embed code in a 480 px column.
    const article = `<!doctype html><title>An article</title><div style="width:480px">${code}</div><iframe id="page" src="${d.base}/explore" width="900" height="300"></iframe>`;
    const site = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(article));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => void site.close());
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/article`);
    const embed = page.frameLocator('iframe[data-airace-embed]');
    await embed.locator('#chart-embed[data-hydrated="true"] .chart-view svg').waitFor();
    expect(await embed.locator('nav[aria-label="Main"]').count()).toBe(0);
    expect(await embed.locator('.embed-credit').textContent()).toMatch(/^airace · source data/);
    const svgWidth = Number(await embed.locator('#chart-embed .chart-view svg').getAttribute('width'));
    expect(svgWidth).toBeGreaterThan(400);
    expect(svgWidth).toBeLessThanOrEqual(480);
    // The host page's listener sizes the iframe to the embed's content: no scrollbar, no gap.
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe[data-airace-embed]') as HTMLIFrameElement;
      const inner = f.contentDocument;
      return f.style.height !== '' && (!inner || true);
    });
    const fit = await page.evaluate(() => {
      const f = document.querySelector('iframe[data-airace-embed]') as HTMLIFrameElement;
      return { frame: f.getBoundingClientRect().height };
    });
    const content = await embed.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    expect(Math.abs(fit.frame - content)).toBeLessThan(4);
    // frame-ancestors 'none': Chromium replaces the framed page with its error page.
    const blocked = await (await page.$('#page'))!.contentFrame();
    expect(blocked!.url()).not.toContain('/explore');
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
    expect(await page.locator('#chart-explore-values caption').textContent()).toContain('Revenue');

    await page.uncheck('#company-META');
    await page.waitForURL((url) => companiesOf(url) === 'AMZN,GOOGL,MSFT');
    await waitForCharts(page);
    expect(await page.locator('#chart-explore-values thead').textContent()).not.toContain('Meta');

    await page.selectOption('#transform', 'yoy');
    await page.waitForURL(/[?&]transform=yoy(&|$)/);
    await waitForCharts(page);
    expect(await page.locator('#chart-explore-values caption').textContent()).toContain('Year-over-year growth');
    // Stacked columns of growth rates are disabled with the reason before anything is asked.
    expect(await page.locator('#type option[value="stacked"]').isDisabled()).toBe(true);
    expect(await page.locator('#type-hint').textContent()).toContain('means nothing for percentages or growth rates');

    // Back restores the earlier charts from the URL (the page reloads that state).
    await page.goBack();
    await page.locator('#chart-explore-values caption', { hasNotText: 'growth' }).waitFor({ state: 'attached' });
    expect(companiesOf(new URL(page.url()))).toBe('AMZN,GOOGL,MSFT');
    await page.goBack();
    await page.locator('#chart-explore-values thead', { hasText: 'Meta' }).waitFor({ state: 'attached' });
    expect(companiesOf(new URL(page.url()))).toBe('AMZN,GOOGL,META,MSFT');
    await waitForCharts(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('replaces a chart that cannot be drawn by the error, keeping the form as it was', async () => {
    const page = await d.browser.newPage();
    await page.goto(`${d.base}/explore`);
    await waitForCharts(page);
    await page.fill('#from', '20x2');
    await page.locator('#from').dispatchEvent('change');
    await page.locator('#explore-results .error').waitFor();
    expect(await page.locator('#explore-results .error').textContent()).toContain('invalid from: 20x2');
    expect(await page.locator('#chart-explore').count()).toBe(0);
    expect(await page.locator('#from').inputValue()).toBe('20x2');
    await page.close();
  });

  it('downloads the CSV behind the chart, with values from the data', async () => {
    const page = await d.browser.newPage();
    await page.goto(`${d.base}/explore?metric=capex&companies=AMZN,MSFT&period=fy&from=2024&to=2024`);
    await waitForCharts(page);
    await page.locator('#chart-explore [role="tab"]', { hasText: 'Download' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-explore-download a', { hasText: 'CSV' }).click()]);
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
    expect(await page.locator('#chart-explore-values tbody th').allTextContents()).toEqual(['2022', '2023', '2024']);
    await page.close();
  });

  it('works without JavaScript: the chart as the server’s image, every panel in order, a plain GET form', async () => {
    const context = await d.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${d.base}/explore`);
    const img = page.locator('#chart-explore .chart-view img');
    await img.waitFor();
    expect(await img.getAttribute('alt')).toMatch(/^Grouped column chart of capital expenditures/);
    // The phone gets the narrow drawing, not a scaled-down wide one.
    await page.waitForFunction(() => (document.querySelector('#chart-explore .chart-view img') as HTMLImageElement).complete);
    expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toContain('width=360');
    for (const panel of ['Table', 'Sources', 'Download']) expect(await page.locator('#chart-explore .panel-heading', { hasText: panel }).isVisible()).toBe(true);
    await page.selectOption('#period', 'cy');
    await page.locator('button', { hasText: 'Update chart' }).click();
    await page.waitForURL(/[?&]period=cy(&|$)/);
    expect(await page.locator('#chart-explore-values caption').textContent()).toContain('calendar years');
    await context.close();
  });

  it('has no horizontal page scroll at 360 and 390 px', async () => {
    for (const width of [360, 390]) {
      const page = await d.browser.newPage({ viewport: { width, height: 800 } });
      for (const path of PAGES) {
        await page.goto(`${d.base}${path}`);
        if (!path.startsWith('/check')) await waitForCharts(page);
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll, `${path} at ${width}`).toBeLessThanOrEqual(client);
      }
      await page.close();
    }
  });

  it('has no serious or critical accessibility violations at 390 and 1440 px (axe-core)', { timeout: 240_000 }, async () => {
    const check = async (path: string, width: number, script: boolean) => {
      const page = await d.browser.newPage({ viewport: { width, height: 900 } });
      // Without app.js the charts stay the server's images and the frames' panels follow each other.
      if (!script) await page.route('**/static/app.*.js', (route) => route.abort());
      await page.goto(`${d.base}${path}`);
      if (script && path !== '/check') await waitForCharts(page);
      const violations = await seriousViolations(page);
      await page.close();
      return violations.map((v) => ({ path, width, script, ...v }));
    };
    const found = [];
    for (const width of [390, 1440]) for (const path of PAGES) found.push(...(await check(path, width, true)));
    for (const path of ['/', '/explore']) found.push(...(await check(path, 390, false)));
    expect(found).toEqual([]);
  });
});
