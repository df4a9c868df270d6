// Reads what a claim about an AI model is about: which model (a name in Epoch AI's table, found by
// model-mention.ts, else a word shaped like a model name, "Zorblax-9"), which quantity (parameters,
// training compute, training cost, release date) and, for a release date, the date and the
// precision it is written to ("in December 2024" is a month). Dates are read by chrono-node; a
// bare year ("in 2023") by a rule of ours, since chrono does not read years alone.
import * as chrono from 'chrono-node';
import type { CatalogModel } from '../model/model-series.js';
import type { ModelRef, Span } from './claim.js';
import { findModelMentions } from './model-mention.js';
import type { ModelQuantity } from './verify-model-claim.js';

/** Verbs that date a model: "DeepSeek released V3 on 26 December 2024", "GPT-4o, launched in May 2024". */
const RELEASE_VERB = /\b(?:released|releases|launched|launches|unveiled|unveils|introduced|debuted|shipped|open-sourced|published|came\s+out|went\s+live|made\s+(?:it\s+)?(?:public|available))\b/i;

/**
 * A word shaped like a model's name: letters, then a version with a digit ("GPT-4o", "Qwen2.5-Max",
 * "Llama 3.1", "Zorblax-9000"), optionally a size or edition. Years ("fiscal 2025"), quarters
 * ("Q3") and halves ("H1") are not versions.
 */
const NAME_LIKE = /\b(?<name>[A-Z][A-Za-z]{2,}(?:[- ][A-Z][A-Za-z]+)?(?:[- ]?[vV]?(?!(?:19|20)\d{2}\b)\d+(?:\.\d+)*[a-z]?)(?:[- ](?:Pro|Max|Turbo|Ultra|Mini|Flash|Plus|Opus|Sonnet|Haiku|Instruct|Chat|Base|Preview|\d+(?:\.\d+)?[BbMT]))*)\b/g;

/** What a count's unit measures, as Epoch's table has it; training tokens are not among its columns. */
export function modelQuantityOf(metricId: string | null): ModelQuantity | null {
  switch (metricId) {
    case 'model_parameters':
      return 'parameters';
    case 'model_training_compute':
      return 'training_compute';
    case 'model_training_cost':
      return 'training_cost';
    default:
      return null;
  }
}

/** Model names a sentence mentions: Epoch's (when loaded) and name-shaped words, with where each stands. */
export function modelNamesIn(masked: string, sentence: Span, models: readonly CatalogModel[], isCompany: (name: string) => boolean): Array<{ start: number; end: number; name: string; known: boolean }> {
  const text = masked.slice(sentence.start, sentence.end);
  const found = findModelMentions(text, models).map((m) => ({ start: sentence.start + m.start, end: sentence.start + m.end, name: m.model.displayName, known: true }));
  for (const m of text.matchAll(NAME_LIKE)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && f.start < end) || isCompany(m.groups!.name!)) continue;
    found.push({ start, end, name: m.groups!.name!, known: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The model a figure is about: the nearest name before it in the sentence, else the first after it. */
export function modelFor(names: ReturnType<typeof modelNamesIn>, at: Span, carried: ModelRef | null, quantity: ModelQuantity | null, sentenceIndex: number): ModelRef {
  const before = names.filter((n) => n.end <= at.start).pop();
  const after = names.find((n) => n.start >= at.end);
  const pick = before ?? after;
  if (pick) return { name: pick.name, start: pick.start, end: pick.end, how: before ? 'stated' : 'inferred', fromSentence: null, quantity, date: null };
  if (carried?.name) return { ...carried, how: 'carried', fromSentence: carried.fromSentence ?? sentenceIndex - 1, quantity, date: null };
  return { name: null, start: null, end: null, how: 'inferred', fromSentence: null, quantity, date: null };
}

export interface ReleaseDate {
  /** 2024-12-26, 2024-12 or 2024, as precise as the words. */
  value: string;
  start: number;
  end: number;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates in a clause, with the precision written: chrono for days and months, our rule for a year alone. */
export function datesIn(masked: string, clause: Span): ReleaseDate[] {
  const text = masked.slice(clause.start, clause.end);
  const out: ReleaseDate[] = [];
  // The casual parser: the strict one reads no month without its day ("in July 2024").
  for (const r of chrono.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month')) continue;
    const y = c.get('year')!;
    const value = c.isCertain('day') ? `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` : `${y}-${pad(c.get('month')!)}`;
    out.push({ value, start: clause.start + r.index, end: clause.start + r.index + r.text.length, text: r.text });
  }
  for (const m of text.matchAll(/\b(?:in|during|since)\s+(?:early\s+|mid-?|late\s+)?(?<y>(?:19|20)\d{2})\b(?![-–]\d|\s*(?:billion|million|%))/gi)) {
    const start = clause.start + m.index + m[0].length - 4;
    if (out.some((d) => start >= d.start && start < d.end)) continue;
    out.push({ value: m.groups!.y!, start, end: start + 4, text: m.groups!.y! });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a clause dates a release ("released … in May 2024"). */
export const datesARelease = (clauseText: string) => RELEASE_VERB.test(clauseText);
