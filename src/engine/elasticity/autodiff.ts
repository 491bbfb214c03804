// The authors' probe for any architecture, on tfjs (float32): per probe i, the gradient of
// L at (x_i, y_i), w⁺ = w − η∇, predictions at every probe in one batched forward pass, w kept
// unchanged (the parameters are never mutated). While the self-change Δf_i is exactly 0,
// η ×= 3; past 1e4 the probe is given up and listed in `unmoved` (its rows: relative 0 with a
// diagonal 1, kernelized 0).
import * as tf from '@tensorflow/tfjs';
import type { LossName, Weights } from '../../shared/types';
import { forward as modelForward } from '../models/forward';
import type { ModelSpec } from '../models/archs';
import { throwIfAborted } from './validate';

export interface ProbeHooks {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export const MAX_AUTODIFF_LR = 1e4;

export function paramTensors(weights: Weights): tf.Tensor[] {
  return weights.layers.flatMap((l) => [tf.tensor(new Float32Array(l.weight.data), l.weight.shape, 'float32'), tf.tensor(new Float32Array(l.bias.data), l.bias.shape, 'float32')]);
}

/** L(f, y) summed over rows: MSE (f − y)², BCE on a sigmoid output with log clamped at −100 (PyTorch's BCELoss). */
export function lossTensor(f: tf.Tensor1D, y: tf.Tensor1D, loss: LossName): tf.Scalar {
  if (loss === 'mse') return tf.sum<tf.Scalar>(tf.square(tf.sub(f, y)));
  const lp = tf.maximum(tf.log(f), -100);
  const lq = tf.maximum(tf.log(tf.sub(1, f)), -100);
  return tf.neg(tf.sum(tf.add(tf.mul(y, lp), tf.mul(tf.sub(1, y), lq)))) as tf.Scalar;
}

function readAndDispose(t: tf.Tensor): Float32Array {
  const v = t.dataSync() as Float32Array;
  t.dispose();
  return v;
}

/** ∂L/∂f at f (float64 arithmetic on the float32 output). */
export const dLossDf = (f: number, y: number, loss: LossName): number => (loss === 'mse' ? 2 * (f - y) : (f - y) / (f * (1 - f)));

export async function autodiffProbe(
  spec: ModelSpec,
  weights: Weights,
  X: Float64Array,
  Y: Float64Array,
  m: number,
  loss: LossName,
  eta: number,
  hooks: ProbeHooks = {},
): Promise<{ relative: Float64Array; kernelized: Float64Array; unmoved: number[] }> {
  const d = X.length / m;
  const params = paramTensors(weights);
  const xs = tf.tensor2d(new Float32Array(X), [m, d]);
  const relative = new Float64Array(m * m);
  const kernelized = new Float64Array(m * m);
  const unmoved: number[] = [];
  try {
    const f0copy = Float64Array.from(readAndDispose(tf.tidy(() => modelForward(spec, xs, params))));
    for (let i = 0; i < m; i++) {
      throwIfAborted(hooks.signal);
      const grads = tf.tidy(() => {
        const xi = tf.slice(xs, [i, 0], [1, d]);
        const yi = tf.tensor1d([Y[i]], 'float32');
        return tf.grads((...p: tf.Tensor[]) => lossTensor(modelForward(spec, xi, p), yi, loss))(params);
      });
      try {
        let lr = eta;
        let delta = new Float64Array(m);
        for (;;) {
          const f1 = readAndDispose(tf.tidy(() => modelForward(spec, xs, params.map((p, k) => tf.sub(p, tf.mul(grads[k], lr))))));
          delta = Float64Array.from(f1, (v, j) => v - f0copy[j]);
          if (delta[i] !== 0) break;
          lr *= 3;
          if (lr > MAX_AUTODIFF_LR) break;
        }
        if (delta[i] === 0) {
          unmoved.push(i);
          relative[i * m + i] = 1;
        } else {
          const denom = -lr * dLossDf(f0copy[i], Y[i], loss);
          for (let j = 0; j < m; j++) {
            relative[i * m + j] = Math.abs(delta[j]) / Math.abs(delta[i]);
            kernelized[i * m + j] = delta[j] / denom;
          }
        }
      } finally {
        tf.dispose(grads);
      }
      hooks.onProgress?.(i + 1, m);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    tf.dispose(params);
    xs.dispose();
  }
  throwIfAborted(hooks.signal);
  return { relative, kernelized, unmoved };
}
