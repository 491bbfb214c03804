import { describe, it, expect } from 'vitest';
import { fitPca, fitPcaKmeans, randomizedTopEigen, symmetricEigen } from '../../../../src/engine/cluster';
import { createRng } from '../../../../src/engine/rng';
import { adjustedRandIndex } from '../../../../src/engine/metrics';
import { blobs, catchError } from './helpers';

/** Data with a decaying spectrum: n × d, column t scaled by 0.8^t. */
function decaying(seed: number, n: number, d: number) {
  const rng = createRng(seed);
  return { rows: n, cols: d, data: Float64Array.from({ length: n * d }, (_, i) => rng.normal() * 0.8 ** (i % d) + (i % d === 0 ? 3 : 0)) };
}

/** Slow reference: covariance by double loops, then the dense eigensolver. */
function reference(x: { rows: number; cols: number; data: Float64Array }) {
  const { rows: n, cols: d, data } = x;
  const mean = Array.from({ length: d }, (_, t) => Array.from({ length: n }, (_, i) => data[i * d + t]).reduce((a, b) => a + b) / n);
  const c = new Float64Array(d * d);
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) for (let i = 0; i < n; i++) c[a * d + b] += ((data[i * d + a] - mean[a]) * (data[i * d + b] - mean[b])) / (n - 1);
  return symmetricEigen(c, d);
}

describe('fitPca', () => {
  it('matches the dense reference through the scatter (d ≤ n) and Gram (d > n) paths, both solvers', () => {
    for (const [n, d] of [[80, 12], [10, 30]]) {
      const x = decaying(n, n, d);
      const ref = reference(x);
      const k = 4;
      for (const solver of ['exact', 'randomized'] as const) {
        const p = fitPca(x, { components: k, solver });
        for (let j = 0; j < k; j++) {
          expect(p.explainedVariance[j]).toBeCloseTo(ref.values[j], 6);
          let dot = 0; // |⟨axis_j, reference eigenvector_j⟩| = 1
          for (let t = 0; t < d; t++) dot += p.axes[j * d + t] * ref.vectors[t * d + j];
          expect(Math.abs(dot)).toBeCloseTo(1, 6);
        }
        // scores are the projections of the centred rows
        const i = 3;
        let s = 0;
        for (let t = 0; t < d; t++) s += (x.data[i * d + t] - p.mean[t]) * p.axes[t];
        expect(p.scores[i * k]).toBeCloseTo(s, 9);
      }
    }
  });
  it('randomized subspace iteration recovers the top eigenpairs of a decaying spectrum', () => {
    const n = 150, k = 10;
    const rng = createRng(8);
    const q = symmetricEigen(Float64Array.from({ length: n * n }, () => rng.normal()).map((v, i, a) => v + a[(i % n) * n + Math.floor(i / n)]), n).vectors;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let t = 0; t < n; t++) a[i * n + j] += q[i * n + t] * 0.7 ** t * q[j * n + t];
    const r = randomizedTopEigen(a, n, k, { seed: 1 });
    for (let j = 0; j < k; j++) expect(r.values[j]).toBeCloseTo(0.7 ** j, 8);
  });
  it('clamps components to min(n, d); rejects NaN', () => {
    const { x } = blobs(1, 5, [[0, 0, 0], [1, 1, 1]]);
    expect(fitPca(x, {}).components).toBe(3);
    expect(catchError(() => fitPca({ rows: 1, cols: 2, data: Float64Array.from([0, Infinity]) })).field).toBe('x');
  });
  it('PCA + K-means recovers blobs in 50 dimensions', () => {
    const c0: number[] = new Array<number>(50).fill(0), c1 = c0.map((_, t) => (t < 5 ? 2 : 0));
    const { x, labels } = blobs(2, 30, [c0, c1], 0.5);
    expect(adjustedRandIndex(fitPcaKmeans(x, { components: 5 }).assignments, labels)).toBe(1);
  });
});
