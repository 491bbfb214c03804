import { describe, it, expect, afterAll } from 'vitest';
import { gemmABt, gemmABtSync, closeGemmPool } from '../../../../src/engine/elasticity';
import { splitRows } from '../../../../src/engine/elasticity/gemm';
import { gemmKernelBytes, type WasmApi } from '../../../../src/engine/elasticity/wasmKernel';
import { createRng } from '../../../../src/engine/rng';

afterAll(() => closeGemmPool());

function naive(A: Float64Array, B: Float64Array, n: number, m: number, k: number): Float64Array {
  const C = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
    let s = 0;
    for (let r = 0; r < k; r++) s += A[i * k + r] * B[j * k + r];
    C[i * m + j] = s;
  }
  return C;
}
const rand = (len: number, seed: number): Float64Array => {
  const rng = createRng(seed);
  return Float64Array.from({ length: len }, () => rng.uniform(-1, 1));
};
const maxErr = (A: Float64Array, B: Float64Array): number => A.reduce((e, v, q) => Math.max(e, Math.abs(v - B[q])), 0);

describe('float64 GEMM (wasm SIMD micro-kernel) vs the naive triple loop', () => {
  it('emits a valid module', () => {
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    expect(wasm.validate(gemmKernelBytes())).toBe(true);
  });
  for (const [n, m, k] of [[1, 1, 1], [5, 7, 3], [13, 9, 300], [33, 18, 517], [4, 4, 256], [6, 3, 257], [9, 11, 65]]) {
    it(`${n}×${m}×${k}, odd shapes and K blocks`, () => {
      const A = rand(n * k, n + k);
      const B = rand(m * k, m * 3 + k);
      const ref = naive(A, B, n, m, k);
      expect(maxErr(gemmABtSync(A, B, n, m, k, { blockK: 64, blockN: 8 }), ref)).toBeLessThan(1e-12 * k);
      expect(maxErr(gemmABtSync(A, B, n, m, k, { blockK: 7, blockN: 2 }), ref)).toBeLessThan(1e-12 * k);
      expect(maxErr(gemmABtSync(A, B, n, m, k), ref)).toBeLessThan(1e-12 * k);
    });
  }
  it('symmetric A·Aᵀ fills both triangles', () => {
    const A = rand(37 * 50, 1);
    const C = gemmABtSync(A, A, 37, 37, 50, { symmetric: true, blockN: 8 });
    expect(maxErr(C, naive(A, A, 37, 37, 50))).toBeLessThan(1e-12);
    const D = gemmABtSync(A, A, 37, 37, 50, { symmetric: true, blockN: 2, blockK: 9 });
    expect(maxErr(D, naive(A, A, 37, 37, 50))).toBeLessThan(1e-12);
  });
  it('worker pool (2 threads) matches, plain and symmetric', async () => {
    const [n, m, k] = [150, 130, 1700];
    const A = rand(n * k, 5);
    const B = rand(m * k, 6);
    expect(maxErr(await gemmABt(A, B, n, m, k, { threads: 2 }), naive(A, B, n, m, k))).toBeLessThan(1e-11);
    const S = await gemmABt(A, A, n, n, k, { threads: 2, symmetric: true });
    expect(maxErr(S, naive(A, A, n, n, k))).toBeLessThan(1e-11);
  });
  it('a pooled product stops soon after its signal fires; the pool then computes correctly', async () => {
    const [n, m, k] = [1000, 1000, 2048]; // ~0.2 s on two cores
    const A = rand(n * k, 7);
    const ctl = new AbortController();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      ctl.abort();
    }, 20);
    await expect(gemmABt(A, A, n, m, k, { signal: ctl.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(performance.now() - abortedAt).toBeLessThan(100);
    await expect(gemmABt(A, A, n, m, k, { signal: ctl.signal })).rejects.toMatchObject({ code: 'cancelled' }); // already aborted
    const [n2, k2] = [64, 3000];
    const B = rand(n2 * k2, 8);
    expect(maxErr(await gemmABt(B, B, n2, n2, k2, { threads: 2 }), naive(B, B, n2, n2, k2))).toBeLessThan(1e-11);
  });
  it('empty and zero-K products are zero; bad shapes are rejected naming the field', () => {
    expect(gemmABtSync(new Float64Array(0), new Float64Array(0), 0, 0, 5).length).toBe(0);
    expect(Array.from(gemmABtSync(new Float64Array(0), new Float64Array(0), 2, 3, 0))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(() => gemmABtSync(new Float64Array(3), new Float64Array(4), 2, 2, 2)).toThrow(/A has 3/);
    expect(() => gemmABtSync(new Float64Array(4), new Float64Array(4), 2, 2, 2, { blockN: 5 })).toThrow(/blockN/);
    expect(() => gemmABtSync(new Float64Array(4), new Float64Array(4), 2, 2, 2, { blockK: 257 })).toThrow(/blockK/);
  });
  it('NaN propagates instead of vanishing', () => {
    const A = Float64Array.from([1, NaN, 0, 1]);
    expect(Number.isNaN(gemmABtSync(A, A, 2, 2, 2)[0])).toBe(true);
  });
  it('splits rows in multiples of 4 with balanced work', () => {
    expect(splitRows(1000, 2, false)).toEqual([0, 500, 1000]);
    const cuts = splitRows(1000, 2, true);
    expect(cuts[1] % 4).toBe(0);
    const top = (1000 ** 2 - (1000 - cuts[1]) ** 2) / 2;
    expect(Math.abs(top / (1000 ** 2 / 2) - 0.5)).toBeLessThan(0.01);
  });
});
