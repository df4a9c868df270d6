// Syncs one listing's daily prices: one GET (conditional when the source offers validators),
// then ONE transaction that replaces the listing's prices, records the fetch with its retrieval
// time and validators, and sets the run status. A response that fails to parse stores nothing.
// The same bytes as the stored fetch (the source sends no validators) count as unchanged.
import { createHash } from 'node:crypto';
import type { Store } from '../../store/database.js';
import type { Listing } from '../../model/listing.js';
import type { PriceFetch } from '../../model/price.js';
import { currentPriceFetch, recordUnchangedFetch, replaceListingPrices, type NewPriceFetch } from '../../store/prices-repository.js';
import { getValidators, recordFetch } from '../../store/sync-state-repository.js';
import { setItemStatus } from '../../store/sync-run-items-repository.js';
import type { RetryInfo } from '../http/http-client.js';
import { HttpError } from '../http/http-error.js';
import type { PriceClient } from './price-client.js';
import { priceUrl } from './price-source-config.js';
import { parseDailyPriceCsv } from './daily-price-csv.js';

export interface ListingSyncContext {
  store: Store;
  client: PriceClient;
  runId: number;
  /** Ignore stored validators and content hash: download and store again. */
  force?: boolean;
  /** First date to ask for (ISO); the source's whole history when omitted. */
  from?: string;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  now?: () => Date;
}

export type ListingSyncResult =
  | { status: 'updated'; fetch: PriceFetch }
  | { status: 'unchanged'; fetch: PriceFetch };

export async function syncListing(ctx: ListingSyncContext, listing: Listing): Promise<ListingSyncResult> {
  const { db } = ctx.store;
  const url = priceUrl(ctx.client.config, listing.symbol, ctx.from);
  const current = await currentPriceFetch(db, listing.id);
  // Ask "changed since?" only when the store still holds what the validators describe.
  const conditional = !ctx.force && current !== null && current.url === url;
  const res = await ctx.client.get(url, { signal: ctx.signal, onRetry: ctx.onRetry, validators: conditional ? await getValidators(db, url) : null });
  const retrievedAt = (ctx.now?.() ?? new Date()).toISOString();
  const fetch: NewPriceFetch = { listing: listing.id, url, retrievedAt, sha256: res.kind === 'ok' ? createHash('sha256').update(res.body).digest('hex') : null, runId: ctx.runId };

  if (res.kind === 'not-modified' || (conditional && fetch.sha256 === current!.sha256)) {
    await db.transaction().execute(async (trx) => {
      await recordUnchangedFetch(trx, fetch, current!);
      await recordFetch(trx, url, listing.id, res.kind === 'ok' ? res.validators : null, res.kind === 'ok');
      await setItemStatus(trx, ctx.runId, listing.id, 'unchanged', current!.rows);
    });
    return { status: 'unchanged', fetch: current! };
  }

  const prices = parseDailyPriceCsv(res.body, listing.symbol);
  if (ctx.signal?.aborted) throw new HttpError('interrupted', `interrupted before saving ${listing.id}`);
  const stored = await db.transaction().execute(async (trx) => {
    const f = await replaceListingPrices(trx, fetch, prices);
    await recordFetch(trx, url, listing.id, res.validators, true);
    await setItemStatus(trx, ctx.runId, listing.id, 'updated', prices.length);
    return f;
  });
  return { status: 'updated', fetch: stored };
}
