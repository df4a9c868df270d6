// Named figures that are not a single series chart: `plan-vs-actual` draws capex guidance as it
// changed against actual spending for the four US companies, and Alibaba's pledge against
// its capex since. Kept apart from presets.ts, whose presets are all one series request.
import { UnknownChoiceError } from '../model/errors.js';
import type { PlanVsActualOptions } from './specs/plan-vs-actual.js';

export interface PlanVsActualPreset {
  name: 'plan-vs-actual';
  description: string;
  /** Companies with a guidance panel, in panel order. */
  tickers: string[];
  /** Guided fiscal year. */
  year: number;
  /** Company whose pledge gets the wide panel, or null. */
  pledge: string | null;
  options: PlanVsActualOptions;
}

const FIGURES: PlanVsActualPreset[] = [
  {
    name: 'plan-vs-actual',
    description: 'Capex guidance for 2025 as it changed against actual spending (Alphabet, Meta, Amazon, Microsoft), and Alibaba’s RMB 380 billion pledge against its capex since',
    tickers: ['GOOGL', 'META', 'AMZN', 'MSFT'],
    year: 2025,
    pledge: 'BABA',
    options: {},
  },
];

export const FIGURE_PRESET_NAMES = FIGURES.map((f) => f.name);

export function isFigurePreset(name: string): boolean {
  return (FIGURE_PRESET_NAMES as string[]).includes(name.toLowerCase());
}

export function figurePreset(name: string): PlanVsActualPreset {
  const f = FIGURES.find((x) => x.name === name.toLowerCase());
  if (!f) throw new UnknownChoiceError('preset', name, FIGURE_PRESET_NAMES);
  return f;
}
