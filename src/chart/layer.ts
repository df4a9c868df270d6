// One layer of a layered Vega-Lite spec: what the chart frame and the annotation marks exchange.
// Its own module, so neither imports the other for the type (no cycle).
import type { TopLevelSpec } from 'vega-lite';

type LayeredSpec = Extract<TopLevelSpec, { layer: unknown }>;
export type Layer = LayeredSpec['layer'][number];
