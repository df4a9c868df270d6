// Reference data: the companies and metrics airace knows (same shapes as `airace companies
// --format json` and the METRICS registry).
import { allCompanies } from '../../series/read-db.js';
import { METRICS } from '../../series/metrics.js';
import type { ServerContext } from '../server-context.js';
import { storeDataAsOf } from '../../series/data-as-of.js';

export function companiesHandler(ctx: ServerContext) {
  return async () => ({ dataAsOf: await storeDataAsOf(ctx.store.db), companies: await allCompanies(ctx.store.db) });
}

export function metricsHandler(ctx: ServerContext) {
  return async () => ({ dataAsOf: await storeDataAsOf(ctx.store.db), metrics: [...METRICS.values()] });
}
