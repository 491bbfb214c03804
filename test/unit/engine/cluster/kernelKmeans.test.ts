import { describe, it, expect } from 'vitest';
import { fitKernelKmeans, fitKmeans } from '../../../../src/engine/cluster';
import { adjustedRandIndex } from '../../../../src/engine/metrics';
import { blobs, catchError, inertia, linearKernel, rbf } from './helpers';

describe('fitKernelKmeans', () => {
  it('with a linear kernel its objective is the K-means inertia (slow reference), both variants', () => {
    const { x } = blobs(7, 20, [[0, 0], [2, 1], [0, 3]], 0.7);
    const K = linearKernel(x);
    for (const variant of ['robust', 'authors'] as const) {
      const r = fitKernelKmeans(K, { k: 3, variant, seed: 2 });
      expect(r.objective).toBeCloseTo(inertia(x, r.assignments), 8);
    }
    const robust = fitKernelKmeans(K, { k: 3, seed: 2 });
    expect(robust.objective).toBeCloseTo(fitKmeans(x, { k: 3, seed: 2 }).objective, 6);
  });
  it('recovers RBF blobs; the authors variant stops on < tol changed labels within maxIter', () => {
    const { x, labels } = blobs(3, 40, [[0, 0], [3, 0]], 0.5);
    const K = rbf(x, 0.5);
    expect(adjustedRandIndex(fitKernelKmeans(K, { k: 2 }).assignments, labels)).toBe(1);
    const a = fitKernelKmeans(K, { k: 2, variant: 'authors', seed: 5 });
    expect(a.params).toEqual({ variant: 'authors', k: 2, nInit: 1, maxIter: 100, tol: 1e-3, seed: 5 });
    expect(a.iterations).toBeLessThanOrEqual(100);
    expect(fitKernelKmeans(K, { k: 2, variant: 'authors', maxIter: 1 }).iterations).toBe(1);
  });
  it('degenerate inputs: constant matrix, non-PSD matrix, k > n, non-square, asymmetric, NaN', () => {
    const c = { rows: 5, cols: 5, data: new Float64Array(25).fill(2) };
    const rc = fitKernelKmeans(c, { k: 2 });
    expect(new Set(rc.assignments).size).toBe(2);
    expect(Number.isFinite(rc.objective)).toBe(true);
    const ra = fitKernelKmeans(c, { k: 2, variant: 'authors' });
    expect(ra.assignments.length).toBe(5);
    const neg = { rows: 3, cols: 3, data: Float64Array.from([-1, 2, 0, 2, -1, 0, 0, 0, -3]) };
    expect(fitKernelKmeans(neg, { k: 2 }).assignments.length).toBe(3);
    expect(catchError(() => fitKernelKmeans(c, { k: 6 })).field).toBe('k');
    expect(catchError(() => fitKernelKmeans({ rows: 2, cols: 3, data: new Float64Array(6) })).message).toMatch(/square/);
    const asym = { rows: 2, cols: 2, data: Float64Array.from([1, 0.5, 0.2, 1]) };
    expect(catchError(() => fitKernelKmeans(asym)).message).toMatch(/not symmetric/);
    const tiny = { rows: 2, cols: 2, data: Float64Array.from([1, 0.5, 0.5 + 1e-12, 1]) };
    expect(fitKernelKmeans(tiny, { k: 2 }).assignments.length).toBe(2); // round-off is symmetrized
    const nan = { rows: 2, cols: 2, data: Float64Array.from([1, NaN, NaN, 1]) };
    expect(catchError(() => fitKernelKmeans(nan)).field).toBe('gram');
  });
  it('an authors run whose random labels leave a cluster empty reports it instead of crashing', () => {
    const K = { rows: 2, cols: 2, data: Float64Array.from([1, 0, 0, 1]) };
    let sawEmpty = false;
    for (let seed = 0; seed < 20; seed++) {
      const r = fitKernelKmeans(K, { k: 2, variant: 'authors', seed });
      sawEmpty ||= r.emptyClusters === 1;
      expect(r.emptyClusters).toBe(2 - new Set(r.assignments).size);
    }
    expect(sawEmpty).toBe(true);
  });
});
