// An independent float64 reference for two-layer nets: builds w⁺ explicitly for each probe
// and re-runs the network with plain loops. Used by the elasticity tests only.
import type { Weights } from '../../../../src/shared/types';
import { createRng } from '../../../../src/engine/rng';

export interface RefNet {
  W: number[][];
  b: number[];
  a: number[];
  c0: number;
  act: 'linear' | 'relu' | 'sigmoid';
  sigOut: boolean;
}

const sig = (z: number): number => 1 / (1 + Math.exp(-z));
const act = (k: RefNet['act'], h: number): number => (k === 'relu' ? Math.max(0, h) : k === 'linear' ? h : sig(h));
const dact = (k: RefNet['act'], h: number): number => (k === 'relu' ? (h > 0 ? 1 : 0) : k === 'linear' ? 1 : sig(h) * (1 - sig(h)));

export function refForward(net: RefNet, x: number[]): { h: number[]; z: number; f: number } {
  const h = net.W.map((row, r) => row.reduce((s, w, k) => s + w * x[k], 0) + net.b[r]);
  let z = net.c0;
  for (let r = 0; r < h.length; r++) z += net.a[r] * act(net.act, h[r]);
  return { h, z, f: net.sigOut ? sig(z) : z };
}

export function refDLdf(f: number, y: number, loss: 'mse' | 'bce'): number {
  return loss === 'mse' ? 2 * (f - y) : (f - y) / (f * (1 - f));
}

/** Gradient of f at x with respect to (W, b, a, c0), flattened. */
export function refGradF(net: RefNet, x: number[]): number[] {
  const { h, z } = refForward(net, x);
  const s = net.sigOut ? sig(z) * (1 - sig(z)) : 1;
  const out: number[] = [];
  for (let r = 0; r < h.length; r++) for (const xk of x) out.push(s * net.a[r] * dact(net.act, h[r]) * xk);
  for (let r = 0; r < h.length; r++) out.push(s * net.a[r] * dact(net.act, h[r]));
  for (let r = 0; r < h.length; r++) out.push(s * act(net.act, h[r]));
  out.push(s);
  return out;
}

/** Unsymmetrized relative and kernelized rows from explicit finite steps. */
export function refSimilarity(net: RefNet, X: number[][], y: number[], loss: 'mse' | 'bce', eta: number): { rel: number[][]; ker: number[][]; ntk: number[][] } {
  const f0 = X.map((x) => refForward(net, x).f);
  const rel: number[][] = [];
  const ker: number[][] = [];
  X.forEach((xi, i) => {
    const dLdf = refDLdf(f0[i], y[i], loss);
    const grad = refGradF(net, xi).map((v) => v * dLdf); // ∂L/∂w = ∂L/∂f · ∂f/∂w
    const w = net.W.length;
    const d = xi.length;
    let q = 0;
    const W = net.W.map((row) => row.map((v) => v - eta * grad[q++]));
    const b = net.b.map((v) => v - eta * grad[q++]);
    const a = net.a.map((v) => v - eta * grad[q++]);
    const c0 = net.c0 - eta * grad[q++];
    if (q !== w * d + 2 * w + 1) throw new Error('bad gradient length');
    const stepped: RefNet = { ...net, W, b, a, c0 };
    const delta = X.map((xj, j) => refForward(stepped, xj).f - f0[j]);
    rel.push(delta.map((v) => Math.abs(v) / Math.abs(delta[i])));
    ker.push(delta.map((v) => v / (-eta * dLdf)));
  });
  const G = X.map((x) => refGradF(net, x));
  const ntk = G.map((gi) => G.map((gj) => gi.reduce((s, v, k) => s + v * gj[k], 0)));
  return { rel, ker, ntk };
}

export function sym(S: number[][]): number[][] {
  return S.map((row, i) => row.map((v, j) => (v + S[j][i]) / 2));
}

export function toWeights(net: RefNet): Weights {
  const w = net.W.length;
  const d = net.W[0].length;
  return {
    layers: [
      { weight: { shape: [w, d], data: Float64Array.from(net.W.flat()) }, bias: { shape: [w], data: Float64Array.from(net.b) } },
      { weight: { shape: [1, w], data: Float64Array.from(net.a) }, bias: { shape: [1], data: Float64Array.from([net.c0]) } },
    ],
  };
}

/** A random net (PyTorch init) and n points, some moved next to ReLU kinks (|h| = 1e-6). */
export function makeProblem(seed: number, n: number, d: number, width: number, actKind: RefNet['act'], sigOut: boolean) {
  const rng = createRng(seed);
  const u = (bound: number): number => rng.uniform(-bound, bound);
  const net: RefNet = {
    W: Array.from({ length: width }, () => Array.from({ length: d }, () => u(1 / Math.sqrt(d)))),
    b: Array.from({ length: width }, () => u(1 / Math.sqrt(d))),
    a: Array.from({ length: width }, () => u(1 / Math.sqrt(width))),
    c0: u(1 / Math.sqrt(width)),
    act: actKind,
    sigOut,
  };
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.uniform(-2, 2)));
  for (let j = 0; j < n; j += 2) {
    for (let t = 0; t < 3; t++) {
      const r = rng.int(width);
      const h = refForward(net, X[j]).h[r];
      const target = (t % 2 ? 1 : -1) * 1e-6;
      const wr = net.W[r];
      const nn = wr.reduce((s, v) => s + v * v, 0);
      X[j] = X[j].map((v, k) => v - ((h - target) / nn) * wr[k]);
    }
  }
  const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
  return { net, X, y };
}

/** max_ij |A − B| / max(|B_ij|, floor·max|B|): relative error with a floor for entries near 0. */
export function maxRelError(A: Float64Array, B: number[][], floor = 1e-6): number {
  const flat = B.flat();
  const scale = Math.max(...flat.map(Math.abs));
  let e = 0;
  flat.forEach((v, q) => {
    e = Math.max(e, Math.abs(A[q] - v) / Math.max(Math.abs(v), floor * scale));
  });
  return e;
}
