import { describe, expect, it } from 'vitest';
import { blobToFloat64, blobToInt32, flattenNumbers, flattenParams, fromJson, intsToBlob, toBlob, toJson } from '../../../src/store/codec';

describe('codec', () => {
  it('float64 blobs round-trip bit-exactly, float32 widens', () => {
    const a = new Float64Array([0, -0, 1 / 3, NaN, Infinity, -Infinity, 5e-324, 1.7976931348623157e308]);
    const back = blobToFloat64(Buffer.from(toBlob(a)), 'float64');
    expect(Array.from(back)).toEqual(Array.from(a));
    expect(Object.is(back[1], -0)).toBe(true);
    const f = blobToFloat64(toBlob(Float32Array.from([0.1, 2])), 'float32');
    expect(Array.from(f)).toEqual([Math.fround(0.1), 2]);
  });

  it('decoded arrays own their memory, even from an offset view', () => {
    const big = Buffer.alloc(20);
    const view = big.subarray(3, 19); // unaligned, 16 bytes
    new Float64Array([1.5, 2.5]).forEach((v, i) => view.writeDoubleLE(v, i * 8));
    const out = blobToFloat64(view, 'float64');
    expect(Array.from(out)).toEqual([1.5, 2.5]);
    big.fill(0);
    expect(Array.from(out)).toEqual([1.5, 2.5]);
  });

  it('rejects blobs of the wrong length and non-int32 ids', () => {
    expect(() => blobToFloat64(Buffer.alloc(7), 'float64')).toThrow(/multiple of 8/);
    expect(() => blobToInt32(Buffer.alloc(6))).toThrow(/multiple of 4/);
    expect(Array.from(blobToInt32(intsToBlob([1, -2, 2147483647], 'ids')))).toEqual([1, -2, 2147483647]);
    expect(() => intsToBlob([2 ** 31], 'ids')).toThrow(/ids\[0\]/);
    expect(() => intsToBlob([NaN], 'groups')).toThrow(/groups\[0\]/);
  });

  it('JSON keeps non-finite numbers', () => {
    const v = { a: NaN, b: [Infinity, -Infinity, 1], c: { d: null, e: 'NaN' } };
    expect(fromJson(toJson(v))).toEqual(v);
  });

  it('flattens params to key paths and keeps scalar arrays', () => {
    expect(flattenParams({ a: 1, b: { c: 'x', d: [1, 2], e: { f: true } }, g: [{ h: 1 }], n: null })).toEqual({
      a: 1,
      'b.c': 'x',
      'b.d': [1, 2],
      'b.e.f': true,
      'g.0.h': 1,
      n: null,
    });
    expect(flattenNumbers({ a: 1, b: { c: 2, s: 'x' }, arr: [1] }, 'm', {})).toEqual({ 'm.a': 1, 'm.b.c': 2 });
  });
});
