import { describe, it, expect } from 'vitest';
import { decodeWire, encodeWire, isBinaryWire } from '../../../src/shared/wire';

describe('wire codec', () => {
  it('keeps plain JSON as a string', () => {
    const v = { ok: true, value: { a: [1, 2], s: 'x' } };
    const e = encodeWire(v);
    expect(typeof e).toBe('string');
    expect(decodeWire(e)).toEqual(v);
  });

  it('round-trips typed arrays of every kind, including subarray views, exactly', () => {
    const backing = new Float64Array([9, 1.5, -2.25, 3]);
    const v = {
      f32: Float32Array.from([1.5, -0, NaN, Infinity]),
      f64: backing.subarray(1, 3),
      i32: Int32Array.from([-7, 2 ** 31 - 1]),
      u8: Uint8Array.from([1, 2, 3]),
      nested: [{ g: Int16Array.from([-3]) }],
      empty: new Float32Array(0),
    };
    const e = encodeWire(v);
    expect(e).toBeInstanceOf(Uint8Array);
    expect(isBinaryWire(e as Uint8Array)).toBe(true);
    const d = decodeWire(e) as typeof v;
    expect(d.f32).toBeInstanceOf(Float32Array);
    expect(Array.from(d.f32)).toEqual([1.5, -0, NaN, Infinity]);
    expect(Array.from(d.f64)).toEqual([1.5, -2.25]);
    expect(Array.from(d.i32)).toEqual([-7, 2 ** 31 - 1]);
    expect(d.nested[0].g).toEqual(Int16Array.from([-3]));
    expect(d.empty.length).toBe(0);
  });

  it('decodes from an unaligned buffer offset', () => {
    const e = encodeWire({ x: Float64Array.from([1, 2, 3]) }) as Uint8Array;
    const shifted = new Uint8Array(e.length + 3);
    shifted.set(e, 3);
    expect((decodeWire(shifted.subarray(3)) as { x: Float64Array }).x).toEqual(Float64Array.from([1, 2, 3]));
  });

  it('rejects truncated or forged envelopes', () => {
    const e = encodeWire({ x: Float32Array.from([1, 2, 3, 4]) }) as Uint8Array;
    expect(() => decodeWire(e.subarray(0, e.length - 4))).toThrow(/out of range/);
    expect(() => decodeWire(e.subarray(0, 10))).toThrow();
    const forged = new TextEncoder().encode('{"x":{"$bin":["Evil",0,1]}}');
    const env = new Uint8Array(8 + forged.length);
    env.set([0x4c, 0x45, 0x57, 0x31]);
    new DataView(env.buffer).setUint32(4, forged.length, true);
    env.set(forged, 8);
    expect(() => decodeWire(env)).toThrow(/unknown array type/);
  });

  it('measures a 2000×2000 float32 matrix: bytes and time', () => {
    const data = Float32Array.from({ length: 4e6 }, (_, k) => k % 997);
    const t0 = performance.now();
    const e = encodeWire({ data }) as Uint8Array;
    const t1 = performance.now();
    const d = decodeWire(e) as { data: Float32Array };
    const t2 = performance.now();
    expect(e.length).toBeLessThan(16e6 + 64);
    expect(d.data[3999999]).toBe(data[3999999]);
    const b64 = Buffer.from(data.buffer).toString('base64').length;
    console.log(`wire 2000×2000 f32: ${e.length} B (base64 would be ${b64} B), encode ${(t1 - t0).toFixed(1)} ms, decode ${(t2 - t1).toFixed(1)} ms`);
  });
});
