// The series for a query, computed exactly as `airace series` computes it (including
// --transform), so the API's JSON equals the CLI's for the same query.
import type { SeriesResult } from '../model/series.js';
import type { Db } from '../store/database.js';
import { computeSeries } from '../series/compute-series.js';
import type { SeriesQuery } from './series-query.js';

export function seriesResultFor(db: Db, q: SeriesQuery): Promise<SeriesResult> {
  return computeSeries(db, {
    metric: q.metric,
    companies: q.companies,
    period: q.period,
    from: q.from,
    to: q.to,
    currency: q.currency,
    basis: q.basis,
    asFirstReported: q.asFirstReported || undefined,
    transform: q.transform,
  });
}
