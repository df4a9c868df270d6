// vega-interpreter imports three helpers from vega-util; the vega browser build already
// carries them on the `vega` global, so this module hands them over instead of a second copy.
const { ascending, isString, DisallowedObjectProperties } = globalThis.vega;
export { ascending, isString, DisallowedObjectProperties };
