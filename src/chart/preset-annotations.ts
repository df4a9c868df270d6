// Which events a chart request marks, the one rule for `airace chart --annotate` and the
// `annotate` query parameter: a bare request on a preset draws the preset's own events (the
// seed chart's story), a bare request otherwise every event naming a company shown, and named
// kinds the usual rule for those kinds (src/series/chart-events.ts).
import type { EventKind } from '../model/race-event.js';
import type { AnnotateRequest } from '../series/chart-events.js';
import type { ChartPreset } from './presets.js';

/** `true` for a bare --annotate / `annotate=true`; a list for named kinds (empty: every kind); null for none. */
export type Annotate = true | EventKind[] | null;

export function presetAnnotations(annotate: Annotate, preset: ChartPreset | null): AnnotateRequest | null {
  if (annotate === null) return null;
  if (annotate === true) return preset?.annotate ?? {};
  return annotate.length ? { kinds: annotate } : {};
}
