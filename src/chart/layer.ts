// One layer of a layered Vega-Lite spec: what spec builders, the frame and event markers hand each other.
import type { TopLevelSpec } from 'vega-lite';

type LayeredSpec = Extract<TopLevelSpec, { layer: unknown }>;
export type Layer = LayeredSpec['layer'][number];
