// Slow, obvious float64 references for the tests: every architecture's forward pass with
// double loops (conv included, in PyTorch's NCHW semantics), the two losses, and helpers.
import type { ArchName, Weights } from '../../../../src/shared/types';

export interface RefSpec {
  arch: ArchName;
  width: number;
  inputShape: number[];
}

const relu = (v: number): number => (v > 0 ? v : 0);
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** One row through a dense layer, W [out, in] row-major. */
function dense(h: number[], w: Weights['layers'][number]): number[] {
  const [out, inp] = w.weight.shape;
  const y: number[] = [];
  for (let o = 0; o < out; o++) {
    let s = w.bias.data[o];
    for (let i = 0; i < inp; i++) s += w.weight.data[o * inp + i] * h[i];
    y.push(s);
  }
  return y;
}

/** CHW activations [c][h][w] through a valid conv with K [o, c, k, k]. */
function conv(a: number[][][], l: Weights['layers'][number]): number[][][] {
  const [O, C, k] = l.weight.shape;
  const [H, W] = [a[0].length, a[0][0].length];
  const K = (o: number, c: number, i: number, j: number): number =>
    l.weight.data[((o * C + c) * k + i) * k + j];
  const out: number[][][] = [];
  for (let o = 0; o < O; o++) {
    const plane: number[][] = [];
    for (let i = 0; i + k <= H; i++) {
      const row: number[] = [];
      for (let j = 0; j + k <= W; j++) {
        let s = l.bias.data[o];
        for (let c = 0; c < C; c++)
          for (let ki = 0; ki < k; ki++)
            for (let kj = 0; kj < k; kj++) s += K(o, c, ki, kj) * a[c][i + ki][j + kj];
        row.push(s);
      }
      plane.push(row);
    }
    out.push(plane);
  }
  return out;
}

function pool(a: number[][][]): number[][][] {
  return a.map((plane) => {
    const out: number[][] = [];
    for (let i = 0; i + 2 <= plane.length; i += 2) {
      const row: number[] = [];
      for (let j = 0; j + 2 <= plane[0].length; j += 2)
        row.push(Math.max(plane[i][j], plane[i][j + 1], plane[i + 1][j], plane[i + 1][j + 1]));
      out.push(row);
    }
    return out;
  });
}

/** The cnn on one HWC row. `flatten` 'hwc' is the wrong (non-PyTorch) order, for a negative test. */
function cnnRow(spec: RefSpec, w: Weights, row: number[], flatten: 'chw' | 'hwc'): number {
  const [H, W, C] = spec.inputShape;
  let a: number[][][] = [];
  for (let c = 0; c < C; c++) {
    const plane: number[][] = [];
    for (let i = 0; i < H; i++) {
      const r: number[] = [];
      for (let j = 0; j < W; j++) r.push(row[(i * W + j) * C + c]);
      plane.push(r);
    }
    a.push(plane);
  }
  a = pool(conv(a, w.layers[0]).map((p) => p.map((r) => r.map(relu))));
  a = pool(conv(a, w.layers[1]).map((p) => p.map((r) => r.map(relu))));
  const flat: number[] = [];
  if (flatten === 'chw') for (const p of a) for (const r of p) flat.push(...r);
  else
    for (let i = 0; i < a[0].length; i++)
      for (let j = 0; j < a[0][0].length; j++) for (const p of a) flat.push(p[i][j]);
  return dense(dense(flat, w.layers[2]).map(relu), w.layers[3])[0];
}

function mlpRow(base: string, w: Weights, x: number[]): number {
  const L = w.layers;
  switch (base) {
    case 'linear1':
      return dense(x, L[0])[0];
    case 'linear2':
      return dense(dense(x, L[0]), L[1])[0];
    case 'relu2':
      return dense(dense(x, L[0]).map(relu), L[1])[0];
    case 'sigmoid2':
      return dense(dense(x, L[0]).map(sigmoid), L[1])[0];
    case 'linear3':
      return dense(dense(dense(x, L[0]), L[1]), L[2])[0];
    case 'relu3':
      return dense(dense(dense(x, L[0]).map(relu), L[1]).map(relu), L[2])[0];
    case 'resmlp': {
      const h1 = dense(x, L[0]).map(relu);
      const h2 = dense(h1, L[1]).map(relu);
      return dense(
        h1.map((v, i) => v + h2[i]),
        L[2],
      )[0];
    }
    default:
      throw new Error(base);
  }
}

/** f for every row of x (n × d), float64. */
export function refForward(
  spec: RefSpec,
  w: Weights,
  x: ArrayLike<number>,
  n: number,
  flatten: 'chw' | 'hwc' = 'chw',
): Float64Array {
  const d = spec.inputShape.reduce((a, b) => a * b, 1);
  const base = spec.arch.replace(/-sigmoid$/, '');
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const row = Array.from({ length: d }, (_, i) => x[r * d + i]);
    const f = base === 'cnn' ? cnnRow(spec, w, row, flatten) : mlpRow(base, w, row);
    out[r] = spec.arch.endsWith('-sigmoid') ? sigmoid(f) : f;
  }
  return out;
}

/** PyTorch MSELoss / BCELoss (logs clamped at −100), float64. */
export function refLoss(loss: 'mse' | 'bce', f: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) {
    if (loss === 'mse') s += (f[i] - y[i]) ** 2;
    else
      s -= y[i] * Math.max(Math.log(f[i]), -100) + (1 - y[i]) * Math.max(Math.log(1 - f[i]), -100);
  }
  return s / f.length;
}

/** A deep copy of weights. */
export function cloneWeights(w: Weights): Weights {
  return {
    layers: w.layers.map((l) => ({
      weight: { shape: [...l.weight.shape], data: Float64Array.from(l.weight.data) },
      bias: { shape: [...l.bias.shape], data: Float64Array.from(l.bias.data) },
    })),
  };
}

/** Deterministic pseudo-random values in [lo, hi) (LCG), independent of the engine's rng. */
export function lcgValues(count: number, seed: number, lo = -1, hi = 1): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = lo + ((hi - lo) * s) / 4294967296;
  }
  return out;
}
