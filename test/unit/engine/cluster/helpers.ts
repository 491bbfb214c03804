// Shared test data: seeded Gaussian blobs and RBF matrices.
import type { Matrix } from '../../../../src/shared/types';
import { createRng } from '../../../../src/engine/rng';

export function blobs(seed: number, perCluster: number, centres: number[][], sd = 0.3): { x: Matrix; labels: number[] } {
  const rng = createRng(seed);
  const d = centres[0].length;
  const rows: number[] = [];
  const labels: number[] = [];
  centres.forEach((c, ci) => {
    for (let i = 0; i < perCluster; i++) {
      for (let t = 0; t < d; t++) rows.push(c[t] + sd * rng.normal());
      labels.push(ci);
    }
  });
  return { x: { rows: labels.length, cols: d, data: Float64Array.from(rows) }, labels };
}

export function rbf(x: Matrix, gamma: number): Matrix {
  const { rows: n, cols: d, data } = x;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (data[i * d + t] - data[j * d + t]) ** 2;
      out[i * n + j] = Math.exp(-gamma * s);
    }
  return { rows: n, cols: n, data: out };
}

export function linearKernel(x: Matrix): Matrix {
  const { rows: n, cols: d, data } = x;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += data[i * d + t] * data[j * d + t];
      out[i * n + j] = s;
    }
  return { rows: n, cols: n, data: out };
}

/** Slow reference: Σ_i ‖x_i − mean(cluster of i)‖². */
export function inertia(x: Matrix, labels: ArrayLike<number>): number {
  const { rows: n, cols: d, data } = x;
  let total = 0;
  for (const c of new Set(Array.from(labels))) {
    const idx = Array.from({ length: n }, (_, i) => i).filter((i) => labels[i] === c);
    for (let t = 0; t < d; t++) {
      const m = idx.reduce((s, i) => s + data[i * d + t], 0) / idx.length;
      for (const i of idx) total += (data[i * d + t] - m) ** 2;
    }
  }
  return total;
}

export function catchError(f: () => unknown): Error & { field?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { field?: string };
  }
  throw new Error('expected an error');
}
