// Derived-metric formulas live in the metric registry (#16 item 1): each derived metric brings its
// own compute(), and the engine holds no formula of its own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS, metricDef } from '../../src/series/metrics.js';

const ctx = (inputs: readonly [string, string]) => ({ inputs, ticker: 'TEST', period: 'FY2024' });

describe('the metric registry computes derived metrics', () => {
  it('gives every derived metric two inputs and a compute(), and no reported one a formula', () => {
    for (const def of METRICS.values()) {
      if (def.kind === 'derived') {
        expect(def.compute, def.id).toBeTypeOf('function');
        expect(def.inputs, def.id).toHaveLength(2);
      } else expect(def.compute, def.id).toBeUndefined();
    }
  });

  it('computes each formula and names it', () => {
    const fcf = metricDef('free_cash_flow');
    expect(fcf.compute?.(100, 30, ctx(fcf.inputs!))).toEqual({ value: 70, derivation: 'operating cash flow − capex' });
    const intensity = metricDef('capex_intensity');
    expect(intensity.compute?.(25, 200, ctx(intensity.inputs!))).toEqual({ value: 12.5, derivation: 'capex ÷ revenue × 100' });
    expect(intensity.compute?.(25, 0, ctx(intensity.inputs!))).toEqual({ value: null, missing: { reason: 'divide-by-zero', detail: 'TEST revenue is zero for FY2024' } });
    const withLeases = metricDef('capex_incl_finance_leases');
    expect(withLeases.compute?.(10, 5, ctx(['capex', 'finance_lease_additions']))).toEqual({ value: 15, derivation: 'capex + finance lease additions' });
  });

  it('leaves no per-metric switch in the engine', () => {
    const engine = readFileSync(new URL('../../src/series/engine.ts', import.meta.url), 'utf8');
    expect(engine).not.toMatch(/switch \(def\.id\)/);
    for (const def of [...METRICS.values()].filter((d) => d.kind === 'derived')) expect(engine, def.id).not.toContain(`'${def.id}'`);
  });
});
