// Serves SYNTHETIC daily prices for every listing in data/listings.csv on 127.0.0.1, in the
// price source's CSV format, for trying `airace prices sync` and taking screenshots without the
// network. Not real prices: a seeded random walk (test/prices/synthetic-prices.ts).
//   npx tsx scripts/serve-synthetic-prices.ts
//   AIRACE_PRICES_URL=http://127.0.0.1:PORT/q/d/l/ airace prices sync
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { PriceFixtureServer } from '../test/prices/price-fixture-server.js';
import { syntheticPrices, toPriceCsv } from '../test/prices/synthetic-prices.js';

const listings = parse(readFileSync('data/listings.csv', 'utf8'), { columns: true }) as { symbol: string }[];
const symbols: Record<string, string> = {};
listings.forEach(({ symbol }, i) => {
  const start = 40 + 30 * i;
  const rows = syntheticPrices({
    from: '2023-01-02',
    to: '2026-06-30',
    anchors: { '2023-01-03': start, '2024-12-31': start * (1.2 + 0.1 * i), '2025-06-30': start * (1.5 + 0.15 * i), '2026-06-30': start * (1.4 + 0.2 * i) },
    volatility: 0.018,
    seed: 11 + i,
  });
  symbols[symbol] = toPriceCsv(rows);
});
const server = await PriceFixtureServer.start(symbols);
process.stdout.write(`SYNTHETIC prices for ${Object.keys(symbols).join(', ')}\nexport AIRACE_PRICES_URL=${server.baseUrl}\n`);
