// Float64 C = A·Bᵀ (both row-major, so every inner loop is contiguous) on the wasm SIMD
// micro-kernel, cache-blocked (K blocks of ≤ 256, column blocks of 128), split by rows over a
// small pool of worker threads when the product is large enough to pay for it. Large products
// always run on the pool, even on one core: the calling thread stays free to see a cancel.
import { availableParallelism } from 'node:os';
import { LeError } from '../../shared/errors';
import { gemmKernelModule, ROW_DOUBLES } from './wasmKernel';
import { gemmRun, type GemmState } from './gemmRun';
import { runOnPool, startGemmPool } from './gemmPool';

export interface GemmOptions {
  /** A = B and the caller wants the symmetric A·Aᵀ: computes about half the blocks. */
  symmetric?: boolean;
  /** Worker threads for a large product (default: the machine's parallelism, at most 8). */
  threads?: number;
  /** Stops a pooled product within about a millisecond; the promise rejects with 'cancelled'. */
  signal?: AbortSignal;
  /** Largest K block (1..256, default 256) and column block (even, default 128) of the packed rows. */
  blockK?: number;
  blockN?: number;
}

/** Products smaller than this many multiply-adds run on the calling thread. */
export const PARALLEL_MIN_WORK = 3e7;

const mainState: GemmState = { memory: null, kern: null };

/** Default column block: rows of B per block (even). */
const BLOCK_N = 128;

/** The K block and column block of a product: the options' or the defaults. */
function blocks(opts: GemmOptions): { KB: number; NB: number } {
  return { KB: opts.blockK ?? ROW_DOUBLES, NB: opts.blockN ?? BLOCK_N };
}

function check(A: Float64Array, B: Float64Array, n: number, m: number, k: number, opts: GemmOptions): void {
  for (const [v, f] of [[n, 'n'], [m, 'm'], [k, 'k']] as const)
    if (!Number.isInteger(v) || v < 0) throw new LeError('invalid_input', `gemm: ${f} must be a non-negative integer, got ${v}`, f);
  if (A.length < n * k) throw new LeError('invalid_input', `gemm: A has ${A.length} values, needs ${n}×${k}`, 'A');
  if (B.length < m * k) throw new LeError('invalid_input', `gemm: B has ${B.length} values, needs ${m}×${k}`, 'B');
  if (opts.symmetric && n !== m) throw new LeError('invalid_input', 'gemm: symmetric needs n = m', 'symmetric');
  const { KB: kb, NB: nb } = blocks(opts);
  if (!Number.isInteger(kb) || kb < 1 || kb > ROW_DOUBLES) throw new LeError('invalid_input', `gemm: blockK must be an integer in 1..${ROW_DOUBLES}`, 'blockK');
  if (!Number.isInteger(nb) || nb < 2 || nb % 2) throw new LeError('invalid_input', `gemm: blockN must be a positive even integer`, 'blockN');
  if (opts.threads !== undefined && (!Number.isInteger(opts.threads) || opts.threads < 1))
    throw new LeError('invalid_input', `gemm: threads must be a positive integer`, 'threads');
}

function mirror(C: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) C[i * n + j] = C[j * n + i];
}

/** C = A·Bᵀ on the calling thread. A: n×k, B: m×k; returns n×m. */
export function gemmABtSync(A: Float64Array, B: Float64Array, n: number, m: number, k: number, opts: GemmOptions = {}): Float64Array {
  check(A, B, n, m, k, opts);
  return onThisThread(A, B, n, m, k, opts);
}

/** The product of checked arguments on the calling thread. */
function onThisThread(A: Float64Array, B: Float64Array, n: number, m: number, k: number, opts: GemmOptions): Float64Array {
  const C = new Float64Array(n * m);
  if (n === 0 || m === 0 || k === 0) return C;
  const sym = opts.symmetric ?? false;
  const { KB, NB } = blocks(opts);
  gemmRun(gemmKernelModule(), mainState, A, sym ? A : B, C, m, k, 0, n, sym, KB, NB, ROW_DOUBLES, null);
  if (sym) mirror(C, n);
  return C;
}

/** Row boundaries (multiples of 4) that give each part about the same work. */
export function splitRows(n: number, parts: number, symmetric: boolean): number[] {
  const cuts = [0];
  for (let t = 1; t < parts; t++) {
    const f = t / parts;
    const x = symmetric ? n * (1 - Math.sqrt(1 - f)) : n * f;
    cuts.push(Math.min(n, Math.max(cuts[cuts.length - 1], Math.round(x / 4) * 4)));
  }
  cuts.push(n);
  return cuts;
}

/** A zeroed float64 array in shared memory: GEMM workers read it without a copy. */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

function shared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const s = sharedFloat64(a.length);
  s.set(a);
  return s;
}

/** The pool size a large product uses by default. */
export const defaultThreads = (): number => Math.min(availableParallelism(), 8);

/** Boots the worker pool now, so that a large product soon after does not wait for it. */
export function prepareGemmPool(threads = defaultThreads()): void {
  startGemmPool(threads);
}

const cancelled = (): LeError => new LeError('cancelled', 'computation cancelled');

/** C = A·Bᵀ, on worker threads when large. A: n×k, B: m×k; returns n×m (float64). */
export async function gemmABt(A: Float64Array, B: Float64Array, n: number, m: number, k: number, opts: GemmOptions = {}): Promise<Float64Array> {
  check(A, B, n, m, k, opts);
  if (opts.signal?.aborted) throw cancelled();
  if (n * m * k < PARALLEL_MIN_WORK) return onThisThread(A, B, n, m, k, opts);
  const threads = Math.min(opts.threads ?? defaultThreads(), Math.max(1, Math.floor(n / 4)));
  const sym = opts.symmetric ?? false;
  const As = shared(A.length === n * k ? A : A.subarray(0, n * k));
  const Bs = sym ? As : shared(B.length === m * k ? B : B.subarray(0, m * k));
  const C = sharedFloat64(n * m);
  const cuts = splitRows(n, threads, sym);
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const { KB, NB } = blocks(opts);
  const tasks = [];
  for (let t = 0; t < threads; t++) {
    if (cuts[t + 1] <= cuts[t]) continue;
    tasks.push({ A: As, B: Bs, C, m, k, r0: cuts[t], r1: cuts[t + 1], symmetric: sym, KB, NB, RS: ROW_DOUBLES, cancel });
  }
  // the workers poll the flag between column blocks, so they are free again soon after
  const onAbort = (): void => void Atomics.store(cancel, 0, 1);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await runOnPool(tasks, threads);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  if (Atomics.load(cancel, 0) !== 0) throw cancelled();
  if (sym) mirror(C, n);
  return C;
}
