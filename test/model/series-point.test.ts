// A series point has a value or a missing reason, never both (#16 item 3): the union type makes
// the compiler refuse a point with both, and the constructors refuse it at run time.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { hasValue, missingPoint, outcomeOf, presentPoint, type MissingPoint, type PointFields, type PresentPoint, type SeriesPoint } from '../../src/model/series.js';

const fields: PointFields = {
  label: 'FY2024',
  start: '2024-01-01',
  end: '2024-12-31',
  fiscalPeriod: null,
  basis: 'actual',
  complete: true,
  derived: false,
  derivation: null,
  partialValue: null,
  fx: null,
  sources: [],
  restated: false,
};
const noData = { reason: 'no-data' as const, detail: 'nothing filed for FY2024 (test case)' };

describe('SeriesPoint', () => {
  it('is built with a value and no reason, or a reason and no value', () => {
    expect(presentPoint(fields, 82_999_000_000)).toMatchObject({ value: 82_999_000_000, missing: null, label: 'FY2024' });
    expect(missingPoint(fields, noData)).toMatchObject({ value: null, missing: noData, label: 'FY2024' });
    // Whatever the fields carried before, the constructor sets both halves.
    const stale = { ...fields, value: 1, missing: noData } as PointFields;
    expect(presentPoint(stale, 2)).toMatchObject({ value: 2, missing: null });
    expect(missingPoint(stale, noData)).toMatchObject({ value: null, missing: noData });
  });

  it('narrows on its value: a point with a value has no reason, one without has a reason', () => {
    const points: SeriesPoint[] = [presentPoint(fields, 5), missingPoint(fields, noData)];
    const [withValue, without] = [points.filter(hasValue), points.filter((p) => !hasValue(p))];
    expect(withValue.map((p) => p.value)).toEqual([5]);
    expect(without.map((p) => p.missing?.reason)).toEqual(['no-data']);
    expectTypeOf(withValue).toEqualTypeOf<PresentPoint[]>();
    const p = points[1]!;
    if (p.value === null) expectTypeOf(p.missing).toEqualTypeOf<MissingPoint['missing']>();
    else expectTypeOf(p.missing).toEqualTypeOf<null>();
  });

  it('refuses a value with a reason, or neither, naming the point', () => {
    expect(outcomeOf(3, null, 'FY2024')).toEqual({ value: 3, missing: null });
    expect(outcomeOf(null, noData, 'FY2024')).toEqual({ value: null, missing: noData });
    expect(() => outcomeOf(3, noData, 'FY2024')).toThrow('FY2024: a point needs a value or a missing reason, and has both (3, no-data)');
    expect(() => outcomeOf(null, null, 'FY2024')).toThrow('FY2024: a point needs a value or a missing reason, and has neither');
  });

  it('is a type the compiler enforces', () => {
    // @ts-expect-error a point with a value cannot carry a missing reason
    const both: SeriesPoint = { ...fields, value: 1, missing: noData };
    // @ts-expect-error a point without a value needs its reason
    const neither: SeriesPoint = { ...fields, value: null, missing: null };
    expect([both.value, neither.value]).toEqual([1, null]);
  });
});
