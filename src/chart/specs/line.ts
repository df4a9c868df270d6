// One line per company over time; missing values break the line instead of bridging the gap.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import { resolveChartOptions, type ChartOptions } from '../chart-options.js';
import { chartFrame } from './chart-frame.js';
import {
  TOOLTIP_TRANSFORMS,
  colourEncoding,
  detailEncodings,
  periodAxisWithGaps,
  periodEncoding,
  valueEncoding,
} from './encodings.js';

export function lineSpec(result: SeriesResult, options: ChartOptions = {}): TopLevelSpec {
  const opts = resolveChartOptions(result, options);
  const gaps = periodAxisWithGaps(result);
  return chartFrame(
    result,
    opts,
    'line',
    [
      {
        transform: [...TOOLTIP_TRANSFORMS],
        mark: { type: 'line', point: { size: 50 }, strokeWidth: 2.5, invalid: 'break-paths-filter-domains' },
        encoding: {
          x: { ...periodEncoding(result), axis: gaps.axis },
          y: valueEncoding(result),
          color: colourEncoding(result),
          ...detailEncodings(result),
        },
      },
    ],
    { extraLabelLines: gaps.extraLines },
  );
}
