// Facts as they cross from a decoder thread to the main thread (bulk-decoder.ts). Posting an
// array of fact objects makes the structured clone write and read every key and every string of
// every fact, on the main thread too, which is the thread that inserts. Packed, a company's facts
// are a few typed arrays (copied as blocks) and one table of its distinct strings (a company's
// facts repeat the same ticker, units, forms, accessions and URLs thousands of times).
import type { FactInput } from '../../model/fact.js';

type TextField = { [K in keyof FactInput]-?: FactInput[K] extends string | null ? K : never }[keyof FactInput];

/** Every text field of FactInput, each once: `satisfies` fails the build when FactInput gains one not listed. */
const TEXT_FIELDS = [
  'ticker', 'metric', 'concept', 'unit', 'periodStart', 'periodEnd', 'basis', 'confidence', 'sourceKind', 'sourceUrl',
  'readAt', 'verified', 'form', 'accession', 'filed', 'fp', 'frame', 'note', 'supersededBy',
] as const satisfies readonly TextField[];
type MissingText = Exclude<TextField, (typeof TEXT_FIELDS)[number]>;
type NumberFields = Exclude<keyof FactInput, TextField>;
// The rest are value, fy and preferred; a new kind of field must be packed before this compiles.
const COVERED: [MissingText, Exclude<NumberFields, 'value' | 'fy' | 'preferred'>] extends [never, never] ? true : never = true;
void COVERED;

export interface PackedFacts {
  count: number;
  strings: string[];
  /** TEXT_FIELDS.length indexes per fact into `strings`, fact by fact; -1 is null. */
  text: Int32Array;
  value: Float64Array;
  /** NaN is null. */
  fy: Float64Array;
  preferred: Uint8Array;
}

export function packFacts(facts: readonly FactInput[]): PackedFacts {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  const width = TEXT_FIELDS.length;
  const text = new Int32Array(facts.length * width);
  const value = new Float64Array(facts.length);
  const fy = new Float64Array(facts.length);
  const preferred = new Uint8Array(facts.length);
  // Most fields repeat the previous fact's (ticker, metric, unit, form…): compared first, before the map.
  const last: (string | null)[] = new Array(width).fill(null);
  const lastId = new Int32Array(width).fill(-1);
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    for (let k = 0; k < width; k++) {
      const s = f[TEXT_FIELDS[k]!];
      let id = -1;
      if (s === last[k]) id = lastId[k]!;
      else if (s !== null) {
        id = ids.get(s) ?? -1;
        if (id < 0) {
          id = strings.push(s) - 1;
          ids.set(s, id);
        }
      }
      last[k] = s;
      lastId[k] = id;
      text[i * width + k] = id;
    }
    value[i] = f.value;
    fy[i] = f.fy ?? NaN;
    preferred[i] = f.preferred ? 1 : 0;
  }
  return { count: facts.length, strings, text, value, fy, preferred };
}

/** The facts packFacts was given, equal field for field. */
export function unpackFacts(p: PackedFacts): FactInput[] {
  const width = TEXT_FIELDS.length;
  const s = (i: number, k: number): string | null => {
    const id = p.text[i * width + k]!;
    return id < 0 ? null : p.strings[id]!;
  };
  const out: FactInput[] = new Array(p.count);
  for (let i = 0; i < p.count; i++) {
    const fy = p.fy[i]!;
    // Written out (not a loop over TEXT_FIELDS) so every fact gets one object shape, built fast.
    out[i] = {
      ticker: s(i, 0)!,
      metric: s(i, 1)!,
      concept: s(i, 2),
      value: p.value[i]!,
      unit: s(i, 3)!,
      periodStart: s(i, 4),
      periodEnd: s(i, 5)!,
      basis: s(i, 6) as FactInput['basis'],
      confidence: s(i, 7) as FactInput['confidence'],
      preferred: p.preferred[i] === 1,
      sourceKind: s(i, 8) as FactInput['sourceKind'],
      sourceUrl: s(i, 9)!,
      readAt: s(i, 10),
      verified: s(i, 11) as FactInput['verified'],
      form: s(i, 12),
      accession: s(i, 13),
      filed: s(i, 14),
      fy: Number.isNaN(fy) ? null : fy,
      fp: s(i, 15),
      frame: s(i, 16),
      note: s(i, 17),
      supersededBy: s(i, 18),
    };
  }
  return out;
}
