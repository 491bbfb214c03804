// The blocked GEMM driver: copies one K block of the rows of A and B into the wasm kernel's
// memory (a memcpy per row, at a fixed row stride) and runs the 4×2 dot-product micro-kernel
// over cache-sized column blocks of B. It is self-contained (no closures, no nested functions,
// only its parameters and globals) because its source text also runs in worker threads
// (gemmPool.ts), where it would otherwise run cold: bulk copies need no JIT warm-up.

import type { WasmApi, WasmMemory, WasmModule } from './wasmKernel';

declare const WebAssembly: WasmApi;

/** Reusable per-thread state: the wasm memory and the kernel instantiated on it. */
export interface GemmState {
  memory: WasmMemory | null;
  kern: ((pa: number, pb: number, kp: number, np: number, c: number, ldc: number, accum: number) => void) | null;
}

/**
 * Rows [r0, r1) of C = A·Bᵀ (A: rows×k, B: m×k, C: rows×m, all row-major) written into C.
 * With `symmetric` (A = B), only blocks on or above the diagonal are computed; entries
 * strictly below the diagonal are left for the caller to mirror. r0 must be a multiple of 4.
 * K blocks hold at most KB ≤ RS values (RS: the kernel's row stride in doubles), balanced so
 * that no block is a short tail; NB (even) rows of B form a column block.
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
  RS: number,
  cancel: Int32Array | null,
): boolean {
  const rows = r1 - r0;
  const rowsPad = Math.ceil(rows / 4) * 4;
  const mPad = Math.ceil(m / 2) * 2;
  const blocks = Math.max(1, Math.ceil(k / Math.min(KB, RS)));
  const kb = Math.ceil(k / blocks);
  const pa = 0;
  const pb = rowsPad * RS;
  const cc = pb + mPad * RS;
  const needBytes = (cc + rowsPad * mPad) * 8;
  if (state.memory === null || state.memory.buffer.byteLength < needBytes) {
    state.memory = new WebAssembly.Memory({ initial: Math.ceil(needBytes / 65536) + 1 });
    const inst = new WebAssembly.Instance(mod, { env: { mem: state.memory } });
    state.kern = inst.exports.k as GemmState['kern'];
  }
  const kern = state.kern!;
  const F = new Float64Array(state.memory.buffer);
  const jFirst = symmetric ? r0 : 0;
  for (let k0 = 0; k0 < k; k0 += kb) {
    const kk = Math.min(kb, k - k0);
    const kp = (kk + 1) >> 1; // the kernel reads 2·kp values per row: an odd block gets a 0
    for (let i = 0; i < rowsPad; i++) {
      const dst = pa + i * RS;
      if (i < rows) {
        const src = (r0 + i) * k + k0;
        F.set(A.subarray(src, src + kk), dst);
        if (kk & 1) F[dst + kk] = 0;
      } else F.fill(0, dst, dst + 2 * kp);
    }
    for (let j = jFirst; j < mPad; j++) {
      const dst = pb + j * RS;
      if (j < m) {
        const src = j * k + k0;
        F.set(B.subarray(src, src + kk), dst);
        if (kk & 1) F[dst + kk] = 0;
      } else F.fill(0, dst, dst + 2 * kp);
    }
    const accum = k0 === 0 ? 0 : 1; // the first block stores, so C needs no zeroing
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
        kern(8 * (pa + i0 * RS), 8 * (pb + js * RS), kp, (je - js) / 2, 8 * (cc + i0 * mPad + js), 8 * mPad, accum);
      }
    }
  }
  for (let i = 0; i < rows; i++) {
    const j0 = symmetric ? r0 + i : 0;
    const src = cc + i * mPad;
    C.set(F.subarray(src + j0, src + m), (r0 + i) * m + j0);
  }
  return true;
}
