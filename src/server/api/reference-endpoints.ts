// Reference data: the companies and metrics airace knows (same shapes as `airace companies
// --format json` and the METRICS registry).
import { listCompanies } from '../../store/companies-repository.js';
import { METRICS } from '../../series/metrics.js';
import type { ServerContext } from '../server-context.js';

export function companiesHandler(ctx: ServerContext) {
  return async () => ({ companies: await listCompanies(ctx.store.db) });
}

export function metricsHandler() {
  return async () => ({ metrics: [...METRICS.values()] });
}
