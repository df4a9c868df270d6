// A price sync run: the listings asked for through the shared sync queue (../sync-queue.ts: run
// records, a few listings at a time, failures kept, Ctrl-C, resume), each synced by syncListing.
import type { Store } from '../../store/database.js';
import type { Listing } from '../../model/listing.js';
import { listingLabel } from '../../model/listing.js';
import { listListings } from '../../store/listings-repository.js';
import type { RetryInfo } from '../http/http-client.js';
import { findResumableRun, runQueue, type QueueEvent, type QueueSummary } from '../sync-queue.js';
import type { PriceClient } from './price-client.js';
import { syncListing } from './sync-listing.js';

export const PRICE_RUN_KIND = 'prices';

export type PriceSyncEvent = QueueEvent | { type: 'retry'; ticker: string; info: RetryInfo };

export interface PriceSyncOptions {
  client: PriceClient;
  /** Listings to sync; ignored when resuming. */
  listings?: Listing[];
  resumeRunId?: number;
  force?: boolean;
  from?: string;
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (e: PriceSyncEvent) => void;
}

export function findResumablePriceRun(store: Store): ReturnType<typeof findResumableRun> {
  return findResumableRun(store, PRICE_RUN_KIND);
}

export async function runPriceSync(store: Store, opts: PriceSyncOptions): Promise<QueueSummary> {
  const byId = new Map((await listListings(store.db)).map((l) => [l.id, l]));
  const items = opts.resumeRunId !== undefined ? [] : (opts.listings ?? []).map((l) => l.id);
  return runQueue(store, {
    kind: PRICE_RUN_KIND,
    items,
    detail: `listings: ${items.join(', ')}${opts.from ? ` from ${opts.from}` : ''}`,
    resumeRunId: opts.resumeRunId,
    concurrency: opts.concurrency,
    signal: opts.signal,
    onEvent: opts.onEvent,
    work: async (id, runId) => {
      const listing = byId.get(id);
      if (!listing) throw new Error(`listing ${id} is no longer in the store`);
      const r = await syncListing({ store, client: opts.client, runId, force: opts.force, from: opts.from, signal: opts.signal, onRetry: (info) => opts.onEvent?.({ type: 'retry', ticker: id, info }) }, listing);
      const f = r.fetch;
      const span = f.firstDate ? `${f.firstDate} to ${f.lastDate}` : 'no dates';
      if (r.status === 'unchanged') return { ticker: id, status: 'unchanged', facts: f.rows, message: `${listingLabel(listing)}: unchanged since ${f.retrievedAt} (${f.rows} days, ${span})` };
      const revised = f.revised ? `; ${f.revised.toLocaleString('en-US')} earlier closes revised by the source (a split or other adjustment)` : '';
      return { ticker: id, status: 'updated', facts: f.rows, message: `${listingLabel(listing)}: ${f.rows} daily closes in ${listing.currency}, ${span}${revised}` };
    },
  });
}
