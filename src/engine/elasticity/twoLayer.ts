// Two-layer nets f(x) = Σ_r a_r σ(w_rᵀx + b_r) + c0 (optionally followed by a sigmoid) read
// from PyTorch-layout Weights, and their forward quantities over a probe set, in float64.
import type { ArchName, LossName, Weights } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { gemmABt, sharedFloat64 } from './gemm';

export type Hidden = 'linear' | 'relu' | 'sigmoid';

export interface TwoLayer {
  hidden: Hidden;
  sigmoidOut: boolean;
  width: number;
  d: number;
  /** W: width×d row-major, b: width, a: width, c0 the output bias. */
  W: Float64Array;
  b: Float64Array;
  a: Float64Array;
  c0: number;
}

const HIDDEN: Record<string, Hidden> = { linear2: 'linear', relu2: 'relu', sigmoid2: 'sigmoid' };

/** The hidden activation of a two-layer arch, or undefined when the exact engine does not apply. */
export function twoLayerHidden(arch: ArchName): Hidden | undefined {
  return HIDDEN[arch.replace(/-sigmoid$/, '')];
}

function finite(data: Float64Array, what: string): void {
  for (let i = 0; i < data.length; i++)
    if (!Number.isFinite(data[i])) throw new LeError('invalid_input', `${what} holds a non-finite value (${data[i]}) at index ${i}`, what);
}

export function readTwoLayer(arch: ArchName, weights: Weights, d: number): TwoLayer {
  const hidden = twoLayerHidden(arch);
  if (!hidden) throw new LeError('invalid_input', `the exact engine handles linear2, relu2 and sigmoid2 (with or without -sigmoid), not ${arch}`, 'arch');
  if (weights.layers.length !== 2) throw new LeError('invalid_input', `${arch} needs 2 layers of weights, got ${weights.layers.length}`, 'weights');
  const [l0, l1] = weights.layers;
  const width = l0.weight.shape[0];
  if (l0.weight.shape.length !== 2 || l0.weight.shape[1] !== d || l0.weight.data.length !== width * d)
    throw new LeError('invalid_input', `layer 0 weight must be [width, ${d}], got [${l0.weight.shape.join(', ')}]`, 'weights.layers.0.weight');
  if (l0.bias.data.length !== width) throw new LeError('invalid_input', `layer 0 bias must have ${width} values`, 'weights.layers.0.bias');
  if (l1.weight.data.length !== width || l1.weight.shape[0] !== 1)
    throw new LeError('invalid_input', `layer 1 weight must be [1, ${width}], got [${l1.weight.shape.join(', ')}]`, 'weights.layers.1.weight');
  if (l1.bias.data.length !== 1) throw new LeError('invalid_input', 'layer 1 bias must have 1 value', 'weights.layers.1.bias');
  finite(l0.weight.data, 'weights.layers.0.weight');
  finite(l0.bias.data, 'weights.layers.0.bias');
  finite(l1.weight.data, 'weights.layers.1.weight');
  finite(l1.bias.data, 'weights.layers.1.bias');
  return { hidden, sigmoidOut: arch.endsWith('-sigmoid'), width, d, W: l0.weight.data, b: l0.bias.data, a: l1.weight.data, c0: l1.bias.data[0] };
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export interface Forward {
  /** m×width: pre-activations H, activations σ(H), derivatives σ′(H). */
  H: Float64Array;
  S: Float64Array;
  P: Float64Array;
  /** Output before the final sigmoid, the model output f, and g = ∂L/∂z. */
  z: Float64Array;
  f: Float64Array;
  g: Float64Array;
  /** ∂L/∂f (the kernelized measure's denominator, without −η). */
  dLdf: Float64Array;
}

/** Forward pass over m probe rows X (m×d) with targets y. */
export async function forward(net: TwoLayer, X: Float64Array, y: Float64Array, m: number, loss: LossName, signal?: AbortSignal): Promise<Forward> {
  const w = net.width;
  const { a, b } = net;
  // H, σ(H) and σ′(H) live in shared memory: the GEMM workers read them without a copy
  const H = await gemmABt(X, net.W, m, w, net.d, { signal });
  const S = sharedFloat64(m * w);
  const P = sharedFloat64(m * w);
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const o = i * w;
    let acc = net.c0;
    // one loop per activation: no per-element dispatch in the hot loop
    if (net.hidden === 'relu') {
      for (let r = 0; r < w; r++) {
        const h = H[o + r] + b[r];
        H[o + r] = h;
        if (h > 0) {
          S[o + r] = h;
          P[o + r] = 1;
          acc += a[r] * h;
        }
      }
    } else if (net.hidden === 'sigmoid') {
      for (let r = 0; r < w; r++) {
        const h = H[o + r] + b[r];
        H[o + r] = h;
        const s = sigmoid(h);
        S[o + r] = s;
        P[o + r] = s * sigmoid(-h);
        acc += a[r] * s;
      }
    } else {
      for (let r = 0; r < w; r++) {
        const h = H[o + r] + b[r];
        H[o + r] = h;
        S[o + r] = h;
        P[o + r] = 1;
        acc += a[r] * h;
      }
    }
    z[i] = acc;
  }
  const f = new Float64Array(m);
  const g = new Float64Array(m);
  const dLdf = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    if (!net.sigmoidOut) {
      f[i] = z[i];
      dLdf[i] = 2 * (f[i] - y[i]);
      g[i] = dLdf[i];
    } else {
      const p = sigmoid(z[i]);
      const pq = p * sigmoid(-z[i]);
      f[i] = p;
      g[i] = loss === 'bce' ? p - y[i] : 2 * (p - y[i]) * pq;
      dLdf[i] = loss === 'bce' ? (p - y[i]) / pq : 2 * (p - y[i]);
    }
  }
  return { H, S, P, z, f, g, dLdf };
}
