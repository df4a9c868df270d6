// Starts the dashboard on 127.0.0.1 (a free port, a temporary database) and Debian's
// chromium through playwright-core. Browser tests skip when chromium is missing on a
// developer machine, and run (and fail loudly if it is missing) under CI.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { testServer, type TestServer } from '../server/test-server.js';

export const CHROMIUM = '/usr/bin/chromium';
export const browserTestsEnabled = existsSync(CHROMIUM) || Boolean(process.env.CI);

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

export interface Dashboard {
  base: string;
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDashboard(): Promise<Dashboard> {
  const server = await testServer();
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Console errors and failed requests a page produced: CSP violations show up here. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** Waits until every chart on the page has been turned into a live Vega view. */
export async function waitForCharts(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('figure[data-chart]')).every((f) => (f as HTMLElement).dataset.hydrated === 'true'));
}
