// Starts the dashboard on 127.0.0.1 (a free port, a temporary database) and Debian's
// chromium through playwright-core. Browser suites declare `needs('chromium')`: they skip where
// it is missing, and the run says so (and fails under CI). `useDashboard()` inside a suite starts
// one for the suite and closes it after.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { testServer, type TestServer } from '../server/test-server.js';

import { CHROMIUM } from '../helpers/requirements.js';

export { CHROMIUM };

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

export interface Dashboard {
  base: string;
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

export interface DashboardOptions {
  /** Run on the server's store before it listens (data a suite needs, such as Epoch's models). */
  prepare?: (server: TestServer) => Promise<void>;
}

export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const server = await testServer();
  await options.prepare?.(server);
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

/**
 * One dashboard for the suite it is called in: started before its first test (within
 * `timeout`), closed after its last. The handle's fields are read inside tests, once started.
 */
export function useDashboard(options: DashboardOptions & { timeout?: number } = {}): Omit<Dashboard, 'close'> {
  let started: Dashboard | undefined;
  beforeAll(async () => {
    started = await startDashboard(options);
  }, options.timeout ?? 60_000);
  afterAll(async () => {
    await started?.close();
  });
  const current = () => {
    if (!started) throw new Error('the dashboard is not started yet: read useDashboard()’s handle inside a test');
    return started;
  };
  return {
    get base() {
      return current().base;
    },
    get server() {
      return current().server;
    },
    get browser() {
      return current().browser;
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

/** Waits until every chart with an image route (every chart the pages frame) has been redrawn for its frame's width and inlined. */
export async function waitForCharts(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('figure[data-chart][data-src]')).every((f) => (f as HTMLElement).dataset.hydrated === 'true'));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page as it stands. */
export async function seriousViolations(page: Page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, first: v.nodes[0]?.target }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
