// The series for a query, computed exactly as `airace series` computes it (including
// --transform), so the API's JSON equals the CLI's for the same query.
import type { SeriesResult } from '../model/series.js';
import type { ReadDb } from '../series/read-db.js';
import { transformedSeries } from '../series/compute-series.js';
import { seriesRequestOf, type SeriesQuery } from './series-query.js';

export function seriesResultFor(db: ReadDb, q: SeriesQuery): Promise<SeriesResult> {
  return transformedSeries(db, seriesRequestOf(q), q.transform);
}
