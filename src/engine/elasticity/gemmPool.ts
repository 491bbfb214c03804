// A small pool of worker threads that run gemmRun on row ranges of one product. Inputs and
// the output live in SharedArrayBuffers, so nothing is copied across threads. The workers are
// unref'd while idle: an idle pool never keeps the process alive.
import { Worker } from 'node:worker_threads';
import { LeError } from '../../shared/errors';
import { gemmKernelBytes } from './wasmKernel';
import { gemmRun } from './gemmRun';

export interface GemmTask {
  A: Float64Array;
  B: Float64Array;
  C: Float64Array;
  m: number;
  k: number;
  r0: number;
  r1: number;
  symmetric: boolean;
  KB: number;
  NB: number;
  RS: number;
  /** Shared cancel flag polled by the worker (gemmRun). */
  cancel: Int32Array;
}

interface Reply {
  id: number;
  error?: string;
}

const workerSource = (): string => `
const { parentPort, workerData } = require('node:worker_threads');
const gemmRun = (${gemmRun.toString()});
const mod = new WebAssembly.Module(workerData.bytes);
const state = { memory: null, kern: null };
parentPort.on('message', (t) => {
  try {
    gemmRun(mod, state, t.A, t.B, t.C, t.m, t.k, t.r0, t.r1, t.symmetric, t.KB, t.NB, t.RS, t.cancel);
    parentPort.postMessage({ id: t.id });
  } catch (e) {
    parentPort.postMessage({ id: t.id, error: String((e && e.message) || e) });
  }
});`;

let workers: Worker[] = [];
let nextId = 0;
const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
  void closeGemmPool();
}

/** Grows the pool to `size` workers (also ahead of the first product, so that they boot while
 * the caller reads its input); idle workers never keep the process alive. */
export function startGemmPool(size: number): Worker[] {
  if (workers.length >= size) return workers;
  const bytes = gemmKernelBytes();
  while (workers.length < size) {
    const w = new Worker(workerSource(), { eval: true, workerData: { bytes } });
    w.on('message', (r: Reply) => {
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      if (pending.size === 0) for (const x of workers) x.unref();
      if (r.error) p.reject(new LeError('internal', `gemm worker: ${r.error}`));
      else p.resolve();
    });
    w.on('error', (e) => failAll(new LeError('internal', `gemm worker crashed: ${e.message}`)));
    w.unref();
    workers.push(w);
  }
  return workers;
}

/** Runs each task on its own worker (the pool grows to `size`); resolves when all are done
 * (early when their cancel flag is set: the caller checks it). */
export function runOnPool(tasks: GemmTask[], size: number): Promise<void[]> {
  const pool = startGemmPool(Math.max(size, tasks.length));
  for (const w of pool) w.ref(); // busy workers keep the process alive; idle ones do not
  return Promise.all(
    tasks.map(
      (t, i) =>
        new Promise<void>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          pool[i % pool.length].postMessage({ ...t, id });
        }),
    ),
  );
}

/** Terminates the pool's workers (tests, shutdown). A later product starts a new pool. */
export async function closeGemmPool(): Promise<void> {
  const ws = workers;
  workers = [];
  await Promise.all(ws.map((w) => w.terminate()));
}
