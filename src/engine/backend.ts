// Compute backend selection: tfjs-node-gpu (CUDA) → tfjs-node → wasm → cpu.
// LE_BACKEND=tensorflow|wasm|cpu forces one. A failed init falls through with a logged
// reason; `backendInfo()` reports the backend actually in use.
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BackendName } from '../shared/types';
import { BACKENDS } from '../shared/types';
import { LeError } from '../shared/errors';

const nodeRequire = createRequire(import.meta.url);

export interface BackendInfo {
  name: BackendName;
  /** Which package provided it, e.g. '@tensorflow/tfjs-node-gpu'. */
  provider: string;
  /** Why earlier candidates were skipped. */
  fallbacks: string[];
}

let current: BackendInfo | undefined;
let pending: Promise<BackendInfo> | undefined;

async function tryNative(pkg: string): Promise<void> {
  nodeRequire(pkg); // registers the 'tensorflow' backend
  if (!(await tf.setBackend('tensorflow'))) throw new Error('setBackend("tensorflow") returned false');
}

async function tryWasm(): Promise<void> {
  const wasm = nodeRequire('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  const dir = path.dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  wasm.setWasmPaths(dir + path.sep);
  if (!(await tf.setBackend('wasm'))) throw new Error('setBackend("wasm") returned false');
}

async function tryCpu(): Promise<void> {
  if (!(await tf.setBackend('cpu'))) throw new Error('setBackend("cpu") returned false');
}

const candidates: { name: BackendName; provider: string; init: () => Promise<void> }[] = [
  { name: 'tensorflow', provider: '@tensorflow/tfjs-node-gpu', init: () => tryNative('@tensorflow/tfjs-node-gpu') },
  { name: 'tensorflow', provider: '@tensorflow/tfjs-node', init: () => tryNative('@tensorflow/tfjs-node') },
  { name: 'wasm', provider: '@tensorflow/tfjs-backend-wasm', init: tryWasm },
  { name: 'cpu', provider: '@tensorflow/tfjs (cpu)', init: tryCpu },
];

async function select(forced: BackendName | undefined, log: (msg: string) => void): Promise<BackendInfo> {
  const fallbacks: string[] = [];
  for (const c of candidates) {
    if (forced && c.name !== forced) continue;
    try {
      await c.init();
      if (tf.getBackend() !== c.name) throw new Error(`tf.getBackend() reports ${tf.getBackend()}`);
      return { name: c.name, provider: c.provider, fallbacks };
    } catch (err) {
      const reason = `${c.provider}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`;
      fallbacks.push(reason);
      log(`backend ${reason}; trying the next one`);
    }
  }
  throw new LeError('backend', `no compute backend could start${forced ? ` (LE_BACKEND=${forced})` : ''}: ${fallbacks.join('; ')}`);
}

/** Starts the backend once per process; later calls return the same info. */
export function initBackend(
  options: { forced?: string; log?: (msg: string) => void } = {},
): Promise<BackendInfo> {
  if (current) return Promise.resolve(current);
  const forced = options.forced ?? process.env.LE_BACKEND ?? undefined;
  if (forced && !(BACKENDS as readonly string[]).includes(forced))
    return Promise.reject(new LeError('backend', `LE_BACKEND must be one of ${BACKENDS.join(', ')}, got "${forced}"`, 'LE_BACKEND'));
  pending ??= select(forced as BackendName | undefined, options.log ?? (() => undefined)).then((info) => {
    current = info;
    return info;
  });
  return pending;
}

export function backendInfo(): BackendInfo | undefined {
  return current;
}
