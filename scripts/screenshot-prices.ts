// Screenshots of the pages that show share prices, with SYNTHETIC prices synced from a loopback
// source (no network, no real prices), at a phone and a desktop width.
// Usage: npx tsx scripts/screenshot-prices.ts [outdir] [path...]   (default: /company/BABA /explore)
// Needs Debian's /usr/bin/chromium; without it, says so and exits 0.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium } from 'playwright-core';
import { openStore } from '../src/store/database.js';
import { ensureBundledData } from '../src/ingest/bundled-data.js';
import { ensureListings } from '../src/ingest/prices/bundled-listings.js';
import { listingsToSync } from '../src/ingest/prices/listings-to-sync.js';
import { runPriceSync } from '../src/ingest/prices/price-sync-run.js';
import { PriceClient } from '../src/ingest/prices/price-client.js';
import { priceSourceConfigFromEnv } from '../src/ingest/prices/price-source-config.js';
import { buildServer } from '../src/server/build-server.js';
import { PriceFixtureServer } from '../test/prices/price-fixture-server.js';
import { syntheticPrices, toPriceCsv } from '../test/prices/synthetic-prices.js';

const CHROMIUM = '/usr/bin/chromium';
const outDir = process.argv[2] ?? 'docs/screenshots';
const paths = process.argv.length > 3 ? process.argv.slice(3) : ['/company/BABA', '/explore'];
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`screenshot: ${CHROMIUM} not found; skipping (apt-get install chromium)\n`);
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });

const listings = parse(readFileSync('data/listings.csv', 'utf8'), { columns: true }) as { symbol: string }[];
const symbols = Object.fromEntries(
  listings.map(({ symbol }, i) => {
    const start = 40 + 30 * i;
    const anchors = { '2024-01-02': start, '2024-12-31': start * (1.1 + 0.1 * i), '2025-06-30': start * (1.3 + 0.15 * i), '2026-06-30': start * (1.2 + 0.2 * i) };
    return [symbol, toPriceCsv(syntheticPrices({ from: '2024-01-02', to: '2026-06-30', anchors, volatility: 0.018, seed: 11 + i }))];
  }),
);
const source = await PriceFixtureServer.start(symbols);
const dir = mkdtempSync(join(tmpdir(), 'airace-screenshot-'));
const store = await openStore(join(dir, 'airace.db'));
const app = buildServer({ store, rateLimit: false });
try {
  await ensureBundledData(store);
  await ensureListings(store);
  const client = new PriceClient(priceSourceConfigFromEnv(source.env()));
  await runPriceSync(store, { client, listings: await listingsToSync(store, []) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'] });
  try {
    for (const width of [390, 1440]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const path of paths) {
        await page.goto(`http://127.0.0.1:${port}${path}`);
        await page.waitForFunction(() => Array.from(document.querySelectorAll('figure[data-chart]')).every((f) => (f as HTMLElement).dataset.hydrated));
        await page.evaluate(() => document.fonts.ready);
        const section = page.locator('#prices');
        await section.scrollIntoViewIfNeeded();
        const out = join(outDir, `prices${path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}-${width}.png`);
        await section.screenshot({ path: out });
        process.stdout.write(`Wrote ${out}\n`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  await app.close();
  await store.close();
  await source.close();
  rmSync(dir, { recursive: true, force: true });
}
