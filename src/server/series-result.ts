// The series for a query, computed exactly as `airace series` computes it (including
// --transform), so the API's JSON equals the CLI's for the same query.
import type { SeriesResult } from '../model/series.js';
import type { Company } from '../model/company.js';
import type { ReadDb } from '../series/read-db.js';
import { transformedSeries } from '../series/compute-series.js';
import { seriesRequestOf, type SeriesQuery } from './series-query.js';

/** `known`: the companies the query was validated against, so the engine does not read them again. */
export function seriesResultFor(db: ReadDb, q: SeriesQuery, known?: Company[]): Promise<SeriesResult> {
  return transformedSeries(db, seriesRequestOf(q), q.transform, { known });
}
