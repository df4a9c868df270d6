// Saves a screenshot of the dashboard's overview for the README: docs/dashboard.png.
// Usage: npx tsx scripts/screenshot.ts [out.png] [path]
// Needs Debian's /usr/bin/chromium (never downloads a browser); without it, says so and exits 0
// so CI can run it or skip it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openStore } from '../src/store/database.js';
import { ensureBundledData } from '../src/ingest/bundled-data.js';
import { buildServer } from '../src/server/build-server.js';

const CHROMIUM = '/usr/bin/chromium';
const out = process.argv[2] ?? 'docs/dashboard.png';
const path = process.argv[3] ?? '/';

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`screenshot: ${CHROMIUM} not found; skipping (apt-get install chromium)\n`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'airace-screenshot-'));
const store = await openStore(join(dir, 'airace.db'));
const app = buildServer({ store, rateLimit: false });
try {
  await ensureBundledData(store);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1440 } });
    await page.goto(`http://127.0.0.1:${port}${path}`);
    await page.waitForFunction(() => Array.from(document.querySelectorAll('figure[data-chart]')).every((f) => (f as HTMLElement).dataset.hydrated));
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: out });
    process.stdout.write(`Wrote ${out}\n`);
  } finally {
    await browser.close();
  }
} finally {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
