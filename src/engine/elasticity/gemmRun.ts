// The blocked GEMM driver: packs A and B into the wasm kernel's layout, one K-block at a
// time, and runs the 4×4 micro-kernel over cache-sized blocks of B. It is self-contained
// (no closures, no nested functions, only its parameters and globals) because its source
// text also runs in worker threads (gemmPool.ts).

import type { WasmApi, WasmMemory, WasmModule } from './wasmKernel';

declare const WebAssembly: WasmApi;

/** Reusable per-thread state: the wasm memory and the kernel instantiated on it. */
export interface GemmState {
  memory: WasmMemory | null;
  kern: ((pa: number, pb: number, kk: number, np: number, c: number, ldc: number) => void) | null;
}

/**
 * Rows [r0, r1) of C = A·Bᵀ (A: rows×k, B: m×k, C: rows×m, all row-major) written into C.
 * With `symmetric` (A = B), only blocks on or above the diagonal are computed; entries
 * strictly below the diagonal are left for the caller to mirror. r0 must be a multiple of 4.
 * `cancel` (shared, may be null) is polled between column blocks (about a millisecond of
 * work each): once cancel[0] ≠ 0 the product stops and false is returned, C left partial.
 */
export function gemmRun(
  mod: WasmModule,
  state: GemmState,
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  m: number,
  k: number,
  r0: number,
  r1: number,
  symmetric: boolean,
  KB: number,
  NB: number,
  cancel: Int32Array | null,
): boolean {
  const rows = r1 - r0;
  const rowsPad = Math.ceil(rows / 4) * 4;
  const mPad = Math.ceil(m / 4) * 4;
  const kb = Math.min(KB, Math.max(k, 1));
  const pa = 0;
  const pb = rowsPad * kb;
  const cc = pb + mPad * kb;
  const needBytes = (cc + rowsPad * mPad) * 8;
  if (state.memory === null || state.memory.buffer.byteLength < needBytes) {
    state.memory = new WebAssembly.Memory({ initial: Math.ceil(needBytes / 65536) + 1 });
    const inst = new WebAssembly.Instance(mod, { env: { mem: state.memory } });
    state.kern = inst.exports.k as GemmState['kern'];
  }
  const kern = state.kern!;
  const F = new Float64Array(state.memory.buffer);
  F.fill(0, cc, cc + rowsPad * mPad);
  for (let k0 = 0; k0 < k; k0 += kb) {
    const kk = Math.min(kb, k - k0);
    for (let i0 = 0; i0 < rowsPad; i0 += 4) {
      const base = pa + i0 * kk;
      for (let t = 0; t < 4; t++) {
        const row = r0 + i0 + t;
        if (row < r1) {
          const src = row * k + k0;
          for (let r = 0; r < kk; r++) F[base + 4 * r + t] = A[src + r];
        } else for (let r = 0; r < kk; r++) F[base + 4 * r + t] = 0;
      }
    }
    const jFirst = symmetric ? r0 : 0;
    for (let j0 = jFirst; j0 < mPad; j0 += 4) {
      const base = pb + j0 * kk;
      for (let t = 0; t < 4; t++) {
        const row = j0 + t;
        if (row < m) {
          const src = row * k + k0;
          for (let r = 0; r < kk; r++) F[base + 4 * r + t] = B[src + r];
        } else for (let r = 0; r < kk; r++) F[base + 4 * r + t] = 0;
      }
    }
    for (let jb = jFirst; jb < mPad; jb += NB) {
      if (cancel !== null && Atomics.load(cancel, 0) !== 0) return false;
      const je = Math.min(jb + NB, mPad);
      for (let i0 = 0; i0 < rowsPad; i0 += 4) {
        let js = jb;
        if (symmetric) {
          const gi = r0 + i0;
          if (gi >= je) continue;
          if (gi > js) js = gi;
        }
        kern(8 * (pa + i0 * kk), 8 * (pb + js * kk), kk, (je - js) / 4, 8 * (cc + i0 * mPad + js), 8 * mPad);
      }
    }
  }
  for (let i = 0; i < rows; i++) {
    const src = cc + i * mPad;
    const dst = (r0 + i) * m;
    for (let j = symmetric ? r0 + i : 0; j < m; j++) C[dst + j] = F[src + j];
  }
  return true;
}
