// The empirical NTK of any architecture from per-example gradients (tfjs, float32):
// K_ij = ⟨∇_w f(x_i), ∇_w f(x_j)⟩, with the Gram matrix taken in float64. Memory is m × #params
// doubles, so it is meant for modest sizes; two-layer nets use the closed form (exactStep.ts).
import * as tf from '@tensorflow/tfjs';
import type { Weights } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { forward as modelForward } from '../models/forward';
import type { ModelSpec } from '../models/archs';
import { gemmABt } from './gemm';
import { paramTensors, type ProbeHooks } from './autodiff';
import { throwIfAborted } from './validate';

/** Largest m × #params the gradient NTK accepts (8 bytes each). */
export const MAX_GRADIENT_NTK_VALUES = 1e8;

export async function gradientNtk(spec: ModelSpec, weights: Weights, X: Float64Array, m: number, hooks: ProbeHooks = {}): Promise<Float64Array> {
  const d = X.length / m;
  const count = weights.layers.reduce((s, l) => s + l.weight.data.length + l.bias.data.length, 0);
  if (m * count > MAX_GRADIENT_NTK_VALUES)
    throw new LeError('invalid_input', `measures: the gradient NTK needs ${m} × ${count} values, over the limit of ${MAX_GRADIENT_NTK_VALUES}; probe fewer rows`, 'measures');
  const params = paramTensors(weights);
  const xs = tf.tensor2d(new Float32Array(X), [m, d]);
  const G = new Float64Array(m * count);
  try {
    for (let i = 0; i < m; i++) {
      throwIfAborted(hooks.signal);
      const grads = tf.tidy(() => {
        const xi = tf.slice(xs, [i, 0], [1, d]);
        return tf.grads((...p: tf.Tensor[]) => tf.sum(modelForward(spec, xi, p)))(params);
      });
      let off = i * count;
      for (const g of grads) {
        const v = g.dataSync();
        G.set(v, off);
        off += v.length;
      }
      tf.dispose(grads);
      hooks.onProgress?.(i + 1, m);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    tf.dispose(params);
    xs.dispose();
  }
  return gemmABt(G, G, m, m, count, { symmetric: true });
}
