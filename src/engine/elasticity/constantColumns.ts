// Input features that are the same for every probe (MNIST's border pixels: about a third of
// the 784) add the same amount to every pre-activation and to every Gram entry. Folding them
// into the first-layer bias and one extra feature of constant norm gives the same H = XWᵀ + b
// and c = X̃X̃ᵀ with fewer columns, cutting the two largest input-side products by that share.
import type { TwoLayer } from './twoLayer';

export interface Compacted {
  net: TwoLayer;
  X: Float64Array;
  /** Columns kept (the varying ones) out of net.d. */
  kept: number;
}

export function foldConstantColumns(net: TwoLayer, X: Float64Array, m: number): Compacted {
  const d = net.d;
  const varying: number[] = [];
  const constant: number[] = [];
  for (let k = 0; k < d; k++) {
    const v = X[k];
    let same = true;
    for (let i = 1; i < m && same; i++) same = X[i * d + k] === v;
    (same ? constant : varying).push(k);
  }
  if (constant.length < 2) return { net, X, kept: d };
  const w = net.width;
  const dc = varying.length + 1;
  const Xc = new Float64Array(m * dc);
  let norm2 = 0;
  for (const k of constant) norm2 += X[k] * X[k];
  const s = Math.sqrt(norm2);
  for (let i = 0; i < m; i++) {
    for (let t = 0; t < varying.length; t++) Xc[i * dc + t] = X[i * d + varying[t]];
    Xc[i * dc + dc - 1] = s; // carries Σ v² into the Gram; its weight column is 0
  }
  const W = new Float64Array(w * dc);
  const b = Float64Array.from(net.b);
  for (let r = 0; r < w; r++) {
    for (let t = 0; t < varying.length; t++) W[r * dc + t] = net.W[r * d + varying[t]];
    let shift = 0;
    for (const k of constant) shift += net.W[r * d + k] * X[k];
    b[r] += shift;
  }
  return { net: { ...net, d: dc, W, b }, X: Xc, kept: varying.length };
}
