// Named charts people ask for by name. `seed` redraws the chart of the article the project grew from.
import type { SeriesRequest } from '../series/engine.js';
import type { ChartOptions } from './chart-options.js';
import type { ChartType } from './chart-type.js';
import type { AnnotateRequest } from '../series/chart-events.js';
import { UnknownChoiceError } from '../model/errors.js';

export interface ChartPreset {
  name: string;
  description: string;
  request: SeriesRequest;
  type: ChartType;
  options: ChartOptions;
  /** The events `--annotate` (with no kinds) marks on this chart; without it, the usual rule. */
  annotate?: AnnotateRequest;
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
    // The 2025 events the seed article itself brings up: DeepSeek's model, Masayoshi Son's
    // AGI forecast, the Alibaba–Apple deal, President Xi's meeting with entrepreneurs and
    // Alibaba's RMB 380 billion pledge. None names the four companies charted, hence ids.
    annotate: {
      from: '2025-01-01',
      to: '2025-12-31',
      ids: [
        '2025-01-20-model-deepseek',
        '2025-01-21-prediction-softbank',
        '2025-02-13-partnership-baba',
        '2025-02-17-policy-baba',
        '2025-02-24-commitment-baba',
      ],
    },
  },
];

export const PRESET_NAMES = PRESETS.map((p) => p.name);

export function chartPreset(name: string): ChartPreset {
  const p = PRESETS.find((x) => x.name === name.toLowerCase());
  if (!p) throw new UnknownChoiceError('preset', name, PRESET_NAMES);
  return p;
}
