// Companies stacked within each period: the column height is the group's total.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import { resolveChartOptions, type ChartOptions } from '../chart-options.js';
import { chartFrame } from './chart-frame.js';
import {
  TOOLTIP_TRANSFORMS,
  colourEncoding,
  companyNames,
  detailEncodings,
  periodAxisWithGaps,
  periodEncoding,
  valueEncoding,
} from './encodings.js';
import { InvalidOptionError } from '../../model/errors.js';

export function stackedColumnSpec(result: SeriesResult, options: ChartOptions = {}): TopLevelSpec {
  // Summing ratios (margins, growth rates) gives a number that means nothing.
  if (result.unit === 'percent') {
    throw new InvalidOptionError('type', 'stacked', ['grouped', 'line'], `stacked needs a money metric; ${result.metric} is a percentage`);
  }
  const opts = resolveChartOptions(result, options);
  const gaps = periodAxisWithGaps(result);
  // Stack in series order (first company at the bottom), matching the legend.
  const order = `indexof(${JSON.stringify(companyNames(result))}, datum.name)`;
  return chartFrame(
    result,
    opts,
    'stacked',
    [
      {
        transform: [...TOOLTIP_TRANSFORMS, { calculate: order, as: 'stackOrder' }],
        mark: { type: 'bar', invalid: 'filter', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: { ...periodEncoding(result), axis: gaps.axis, scale: { ...periodEncoding(result).scale, paddingInner: 0.3 } },
          y: { ...valueEncoding(result), stack: 'zero' },
          color: colourEncoding(result),
          order: { field: 'stackOrder', sort: 'ascending' },
          ...detailEncodings(result),
        },
      },
    ],
    { extraLabelLines: gaps.extraLines },
  );
}
