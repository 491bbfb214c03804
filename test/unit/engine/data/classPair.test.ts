import { describe, it, expect } from 'vitest';
import { buildClassPair, classQuotas, scaleByte } from '../../../../src/engine/data/classPair';
import type { ClassPairSpec, ImagePool } from '../../../../src/engine/data/classPair';
import { LeError } from '../../../../src/shared/errors';

// A fake pool: image k of class c is [c, k] (d = 2), so every row says where it came from.
function pool(available: Record<number, number>): ImagePool {
  return {
    source: 'the test pool',
    d: 2,
    imageShape: [1, 2, 1],
    available: (c) => available[c] ?? 0,
    write(c, k, out, offset) {
      if (k >= (available[c] ?? 0)) throw new Error(`read past the end of class ${c}`);
      out[offset] = c;
      out[offset + 1] = k;
    },
  };
}
const spec = (over: Partial<ClassPairSpec> = {}): ClassPairSpec => ({
  primary: [5, 8],
  auxiliary: [9, 3],
  perClass: 4,
  auxiliaryCount: 5,
  ...over,
});
const big = { 3: 50, 5: 50, 8: 50, 9: 50 };

describe('classQuotas', () => {
  it('perClass for each primary; auxiliaryCount split evenly, the first class takes the odd one', () => {
    expect(classQuotas(spec())).toEqual([
      { cls: 5, count: 4, primary: true },
      { cls: 8, count: 4, primary: true },
      { cls: 9, count: 3, primary: false },
      { cls: 3, count: 2, primary: false },
    ]);
    expect(classQuotas(spec({ auxiliary: [2], auxiliaryCount: 7 })).slice(2)).toEqual([
      { cls: 2, count: 7, primary: false },
    ]);
    expect(classQuotas(spec({ auxiliaryCount: 0 }))).toHaveLength(2);
    expect(classQuotas(spec({ auxiliaryCount: 1 })).slice(2)).toEqual([
      { cls: 9, count: 1, primary: false },
    ]);
  });
  it('rejects bad specs naming the field', () => {
    expect(() => classQuotas(spec({ perClass: 0 }))).toThrow(/data\.perClass/);
    expect(() => classQuotas(spec({ auxiliaryCount: -1 }))).toThrow(/data\.auxiliaryCount/);
    expect(() => classQuotas(spec({ primary: [5, 5] }))).toThrow(/must all differ/);
    expect(() => classQuotas(spec({ auxiliary: [5] }))).toThrow(/must all differ/);
    expect(() => classQuotas(spec({ primary: [1.5, 2] }))).toThrow(LeError);
  });
});

describe('buildClassPair', () => {
  it('takes the first images of each class, y = 1 for primary, group = class', () => {
    const ds = buildClassPair('t', spec(), pool(big), 1);
    expect([ds.n, ds.d]).toEqual([13, 2]);
    expect(ds.imageShape).toEqual([1, 2, 1]);
    const seen: Record<number, number[]> = {};
    for (let i = 0; i < ds.n; i++) {
      const c = ds.x[2 * i];
      expect(ds.group[i]).toBe(c);
      expect(ds.y[i]).toBe(c === 5 || c === 8 ? 1 : 0);
      (seen[c] ??= []).push(ds.x[2 * i + 1]);
    }
    const sorted = (a: number[]): number[] => [...a].sort((p, q) => p - q);
    expect(sorted(seen[5])).toEqual([0, 1, 2, 3]);
    expect(sorted(seen[8])).toEqual([0, 1, 2, 3]);
    expect(sorted(seen[9])).toEqual([0, 1, 2]);
    expect(sorted(seen[3])).toEqual([0, 1]);
    expect(ds.classNames).toEqual({ 5: '5', 8: '8', 9: '9', 3: '3' });
  });

  it('shuffles with the seed: same seed same order, other seed other order', () => {
    const a = buildClassPair('t', spec({ perClass: 20, auxiliaryCount: 20 }), pool(big), 7);
    const b = buildClassPair('t', spec({ perClass: 20, auxiliaryCount: 20 }), pool(big), 7);
    const c = buildClassPair('t', spec({ perClass: 20, auxiliaryCount: 20 }), pool(big), 8);
    expect(b.x).toEqual(a.x);
    expect(c.x).not.toEqual(a.x);
    expect(Array.from(c.x).sort()).toEqual(Array.from(a.x).sort());
    // shuffled: the primaries are not simply the first rows
    expect(Array.from(a.y.subarray(0, 40)).every((v) => v === 1)).toBe(false);
  });

  it('names data.perClass / data.auxiliaryCount and the available count when a class is short', () => {
    const short = { ...big, 8: 3 };
    expect(() => buildClassPair('t', spec(), pool(short), 1)).toThrow(
      'data.perClass: asked for 4 images of class 8, but the test pool has only 3',
    );
    try {
      buildClassPair('t', spec({ auxiliary: [3], auxiliaryCount: 60 }), pool(big), 1);
      expect.unreachable();
    } catch (e) {
      expect((e as LeError).field).toBe('data.auxiliaryCount');
      expect((e as LeError).message).toMatch(/need 60 of class 3, but the test pool has only 50/);
    }
  });

  it('rejects a non-finite seed', () => {
    expect(() => buildClassPair('t', spec(), pool(big), NaN)).toThrow(/seed/);
  });
});

describe('scaleByte', () => {
  it('maps 0 → −1, 255 → 1, linearly in between', () => {
    expect(scaleByte(0)).toBe(-1);
    expect(scaleByte(255)).toBe(1);
    for (let v = 0; v <= 255; v++)
      expect(Math.abs(scaleByte(v) - (2 * v) / 255 + 1)).toBeLessThan(1e-15);
  });
});
