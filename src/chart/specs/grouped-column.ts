// The seed article's chart: one column per company, side by side within each period.
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesResult } from '../../model/series.js';
import { resolveChartOptions, type ChartOptions } from '../chart-options.js';
import { chartFrame } from './chart-frame.js';
import {
  TOOLTIP_TRANSFORMS,
  colourEncoding,
  companyNames,
  detailEncodings,
  periodEncoding,
  valueEncoding,
} from './encodings.js';

function withoutLink<T extends { href: unknown }>({ href: _href, ...rest }: T): Omit<T, 'href'> {
  return rest;
}

export function groupedColumnSpec(result: SeriesResult, options: ChartOptions = {}): TopLevelSpec {
  const opts = resolveChartOptions(result, options);
  const x = periodEncoding(result);
  // Explicit domain: a company keeps its slot in every period even where its value is missing.
  const xOffset = { field: 'name', type: 'nominal', scale: { domain: companyNames(result), paddingInner: 0.08 } } as const;
  return chartFrame(result, opts, 'grouped', [
    {
      transform: [...TOOLTIP_TRANSFORMS],
      // Missing values are null and filtered out (never drawn as zero bars).
      mark: { type: 'bar', invalid: 'filter' },
      encoding: {
        x: { ...x, scale: { ...x.scale, paddingInner: 0.2 } },
        xOffset,
        y: valueEncoding(result),
        color: colourEncoding(result),
        ...detailEncodings(result),
      },
    },
    {
      // Marks the empty slot of a missing value ("incomplete", "no data") so the gap reads as a gap.
      transform: [{ filter: 'datum.value === null' }, ...TOOLTIP_TRANSFORMS],
      mark: { type: 'text', angle: 270, align: 'left', baseline: 'middle', dx: 4 },
      encoding: {
        x,
        xOffset,
        y: { value: opts.height },
        text: { field: 'missingText' },
        color: colourEncoding(result),
        // No link: a missing value has no document (a null href would render as a link to "null").
        ...withoutLink(detailEncodings(result)),
      },
    },
  ]);
}
