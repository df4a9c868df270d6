// The series a query asks for, with its transform applied: the engine call behind
// `airace series`, `airace chart` and the web API, so all three compute the same thing.
// Options are plain strings as a command line or a query string carries them; they are checked
// here, so every caller reports a bad metric or period the same way.
import { getSeries, type SeriesOptions, type SeriesRequest } from './engine.js';
import { applyTransform, TRANSFORMS, type Transform } from './analytics.js';
import { dataAsOfResult } from './data-as-of.js';
import { parseBound } from './period-range.js';
import { METRIC_IDS } from './metrics.js';
import { segmentOption } from './segments.js';
import type { SeriesResult } from '../model/series.js';
import { PERIODS } from '../model/series.js';
import { BASES, type Basis } from '../model/fact.js';
import { keyword } from '../model/keyword.js';
import { parseList } from '../model/list-input.js';
import { InvalidOptionError } from '../model/errors.js';
import type { Db } from '../store/database.js';

export interface ComputeSeriesOptions {
  metric: string;
  /** Tickers, names or aliases, comma- or space-separated (`Google,AMZN`). */
  companies: string | string[];
  from?: string;
  to?: string;
  period: string;
  currency?: string;
  basis: string;
  asFirstReported?: boolean;
  /** One segment of a metric reported in segments (`Microsoft Cloud`); see SERIES_SEGMENT_NAMES. */
  segment?: string;
  /** `yoy` or `share` (see TRANSFORMS); none when omitted. */
  transform?: string;
}

/** The engine request for the options, each keyword checked against its allowed values. */
export function seriesRequest(o: ComputeSeriesOptions): SeriesRequest {
  const tickers = parseList(o.companies);
  if (!tickers.length) throw new InvalidOptionError('companies', [o.companies].flat().join(','), ['tickers or names, comma-separated (AMZN,Google)'], 'choose at least one company');
  return {
    metric: keyword(o.metric, 'metric', METRIC_IDS),
    tickers,
    period: keyword(o.period, 'period', PERIODS),
    from: o.from,
    to: o.to,
    currency: o.currency,
    basis: keyword(o.basis, 'basis', BASES) as Basis,
    asFirstReported: o.asFirstReported,
    ...(o.segment === undefined ? {} : { segment: segmentOption(o.segment) }),
  };
}

/** The series the options ask for, transformed when `transform` is given. */
export function computeSeries(db: Db, o: ComputeSeriesOptions): Promise<SeriesResult> {
  const request = seriesRequest(o);
  return transformedSeries(db, request, o.transform ? keyword(o.transform, 'transform', TRANSFORMS) : undefined);
}

/** An engine request's series with an already-checked transform applied. */
export async function transformedSeries(db: Db, request: SeriesRequest, transform?: Transform, options: SeriesOptions = {}): Promise<SeriesResult> {
  if (!transform) return getSeries(db, request, options);
  if (transform !== 'yoy' || request.from === undefined) return applyTransform(await getSeries(db, request, options), transform);
  // Growth for the first period needs the year before it: fetch it, then drop it.
  const from = parseBound('from', request.from);
  const widened = await getSeries(db, { ...request, from: `${from.year - 1}${from.quarter ? `-Q${from.quarter}` : ''}` }, options);
  const drop = request.period === 'fy' || request.period === 'cy' ? 1 : 4;
  const grown = applyTransform(widened, transform);
  const series = grown.series.map((s) => ({ ...s, points: s.points.slice(drop) }));
  return { ...grown, series, dataAsOf: dataAsOfResult({ series }) };
}
