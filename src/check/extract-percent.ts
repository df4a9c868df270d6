// Finds percentages: changes ("an 8% rise", "soaring 70%", "fell by about 13%", "up 58%") and
// shares ("80% of all tasks", "half of global output").
import type { Quantity } from './claim.js';
import { hedgeBefore } from './extract-hedges.js';
import { FRACTION_PATTERN, fractionPercent } from './number-words.js';

const NUM = String.raw`\d+(?:\.\d+)?`;
const PERCENT = new RegExp(
  String.raw`(?<![\w.])(?<p1>${NUM})(?:\s*(?:–|-|to)\s*(?<p2>${NUM}))?\s?(?<unit>%|percent\b|per cent\b|percentage points?\b|pp\b)|\b(?<frac>${FRACTION_PATTERN})\s+of\b(?!\s+(?:fiscal\s+)?\d{4})`,
  'gi',
);

const UP = String.raw`rose|rise|rises|rising|risen|up|increased?|increases|increasing|grew|grow|grows|growing|grown|growth|gained?|gains|gaining|jump(?:ed|s|ing)?|soar(?:ed|s|ing)?|surg(?:ed|es|ing|e)|climb(?:ed|s|ing)?|expand(?:ed|s|ing)?|boost(?:ed|s)?|rall(?:ied|ies|ying)|advanc(?:ed|es|ing)|higher|hike[ds]?`;
const DOWN = String.raw`fell|fall|falls|falling|fallen|down|declin(?:ed|es|ing|e)|drop(?:ped|s|ping)?|decreas(?:ed|es|ing|e)|shr(?:ank|unk|inks|inking|ink)|slump(?:ed|s|ing)?|plung(?:ed|es|ing|e)|slid|slide|slides|sliding|dipp?(?:ed|s|ing)?|lost|tumbl(?:ed|es|ing|e)|lower|cut`;

/** A direction word up to four words before the figure: "soaring 70%", "fell by about 13%", "up 58%". */
const DIRECTION_BEFORE = new RegExp(String.raw`\b(?:(?<up>${UP})|(?<down>${DOWN}))\b(?:\s+[\w’']+){0,4}\s*$`, 'i');
/** ... or right after it: "an 8% rise", "a 13% year-over-year drop". */
const DIRECTION_AFTER = new RegExp(String.raw`^\s*(?:year[- ]over[- ]year\s+|YoY\s+|annual\s+)?(?:(?<up>rise|increase|jump|gain|growth|surge|climb|hike|boost|advance|rally|higher)|(?<down>drop|decline|fall|decrease|slump|plunge|dip|cut|lower|loss))\b`, 'i');

/** Percentages in `masked` between `from` and `to`; `clauseStartOf` bounds how far back direction words are looked for. */
export function extractPercent(masked: string, from: number, to: number, clauseStartOf: (offset: number) => number = () => from): Quantity[] {
  const text = masked.slice(from, to);
  const out: Quantity[] = [];
  for (const m of text.matchAll(PERCENT)) {
    const g = m.groups!;
    const start = from + m.index;
    const end = start + m[0].length;
    const before = masked.slice(Math.max(clauseStartOf(start), start - 80), start);
    const after = masked.slice(end, Math.min(to, end + 40));
    const hedge = hedgeBefore(before);
    if (g.frac) {
      const value = fractionPercent(g.frac)!;
      out.push({
        kind: 'percent', start, end, text: m[0], value, high: null, unit: 'percent',
        bound: 'approx', hedge: g.frac, negated: false, shortOf: false,
        precision: 5, direction: null, decimals: 0, scale: 1,
      });
      continue;
    }
    const unit = /point|pp/i.test(g.unit!) ? 'pp' : 'percent';
    const d1 = g.p1!.includes('.') ? g.p1!.split('.')[1]!.length : 0;
    const d2 = g.p2?.includes('.') ? g.p2.split('.')[1]!.length : 0;
    const decimals = Math.max(d1, d2);
    const b = DIRECTION_BEFORE.exec(before);
    const a = DIRECTION_AFTER.exec(after);
    const direction = a?.groups?.up || b?.groups?.up ? 'up' : a?.groups?.down || b?.groups?.down ? 'down' : null;
    const high = g.p2 !== undefined ? Number(g.p2) : null;
    out.push({
      kind: 'percent',
      start,
      end,
      text: m[0],
      value: Number(g.p1),
      high,
      unit,
      bound: high !== null ? 'range' : (hedge?.bound ?? 'exact'),
      hedge: hedge?.hedge ?? null,
      negated: false,
      shortOf: false,
      precision: 0.5 * 10 ** -decimals,
      direction,
      decimals,
      scale: 1,
    });
  }
  return out;
}
