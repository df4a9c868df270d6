// Figures that count something other than money, as articles give them for AI models: "671 billion
// parameters", "15 trillion tokens", "3.8e25 FLOP", "100,000 GPUs", "1.3 million H100-equivalents",
// "5 GW" of data-centre capacity. These become `model` claims,
// checked against Epoch AI's table when it is loaded (verify-model.ts).
import type { Quantity } from './claim.js';
import { hedgeBefore } from './extract-hedges.js';
import { decimalsOf, numberOf, scaleOf } from './extract-money.js';

const COUNT = /(?<![\w.$¥€£])(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e\d{1,3})?)\s?(?<scale>trillion|billion|million|thousand|[BMT](?![A-Za-z]))?\s?(?<unit>parameters|params|tokens|FLOPs?|flop|GPUs|chips|accelerators|[HB]\d{3}(?:-equivalents|s)?|GW|MW|gigawatts?|megawatts?)(?![\w-])/g;

export function extractCounts(masked: string, from: number, to: number): Quantity[] {
  const text = masked.slice(from, to);
  const out: Quantity[] = [];
  for (const m of text.matchAll(COUNT)) {
    const g = m.groups!;
    const start = from + m.index;
    const scale = g.scale ? scaleOf(g.scale) : 1;
    const decimals = g.n!.includes('e') ? 0 : decimalsOf(g.n!);
    const hedge = hedgeBefore(masked.slice(Math.max(from, start - 32), start));
    const unit = /^flop/i.test(g.unit!) ? 'FLOP' : /^param/i.test(g.unit!) ? 'parameters' : /^[HB]\d{3}/.test(g.unit!) ? 'gpus' : /^(?:GW|gigawatts?)$/i.test(g.unit!) ? 'gw' : /^(?:MW|megawatts?)$/i.test(g.unit!) ? 'mw' : g.unit!.toLowerCase();
    out.push({
      kind: 'count', start, end: start + m[0].length, text: m[0], value: numberOf(g.n!) * scale, high: null, unit,
      bound: hedge?.bound ?? 'exact', hedge: hedge?.hedge ?? null, negated: false, shortOf: false,
      precision: 0.5 * 10 ** -decimals * scale, direction: null, decimals, scale, perYear: false,
    });
  }
  return out;
}
