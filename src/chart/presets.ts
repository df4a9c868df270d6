// Named charts people ask for by name. `seed` redraws the chart of the article the project grew from.
import type { SeriesRequest } from '../series/engine.js';
import type { ChartOptions } from './chart-options.js';
import type { ChartType } from './chart.js';
import { UnknownChoiceError } from '../model/unknown-choice-error.js';

export interface ChartPreset {
  name: string;
  description: string;
  request: SeriesRequest;
  type: ChartType;
  options: ChartOptions;
}

const PRESETS: ChartPreset[] = [
  {
    name: 'seed',
    description: 'Capex of Amazon, Microsoft, Alphabet and Meta, 2022–2025: the grouped column chart of the seed article',
    request: { metric: 'capex', tickers: ['AMZN', 'MSFT', 'GOOGL', 'META'], period: 'fy', from: '2022', to: '2025' },
    type: 'grouped',
    options: {
      title: 'Capital expenditures of Amazon, Microsoft, Alphabet and Meta, 2022–2025',
      subtitle:
        'Capex = cash paid for property and equipment (cash-flow statement), excluding finance leases. Fiscal years as reported: Microsoft’s ends in June, the others’ in December. US$.',
    },
  },
];

export const PRESET_NAMES = PRESETS.map((p) => p.name);

export function chartPreset(name: string): ChartPreset {
  const p = PRESETS.find((x) => x.name === name.toLowerCase());
  if (!p) throw new UnknownChoiceError('preset', name, PRESET_NAMES);
  return p;
}
