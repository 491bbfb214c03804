import { describe, it, expect } from 'vitest';
import { fitKmeans } from '../../../../src/engine/cluster';
import { adjustedRandIndex } from '../../../../src/engine/metrics';
import { blobs, catchError, inertia } from './helpers';

describe('fitKmeans', () => {
  it('finds the optimal 2-partition of 10 points (exhaustive reference over all 2^9 splits)', () => {
    const { x } = blobs(4, 5, [[0, 0], [1, 0.5]], 0.6);
    let best = Infinity;
    for (let mask = 1; mask < 2 ** 9; mask++) {
      const lab = Array.from({ length: 10 }, (_, i) => (i === 9 ? 0 : (mask >> i) & 1));
      if (lab.every((v) => v === 0)) continue;
      best = Math.min(best, inertia(x, lab));
    }
    const r = fitKmeans(x, { k: 2, seed: 1 });
    expect(r.objective).toBeCloseTo(best, 10);
    expect(r.objective).toBeCloseTo(inertia(x, r.assignments), 10);
  });
  it('centres are the cluster means and the blobs are recovered', () => {
    const { x, labels } = blobs(1, 30, [[0, 0, 0], [4, 0, 0], [0, 4, 0]]);
    const r = fitKmeans(x, { k: 3, seed: 3 });
    expect(adjustedRandIndex(r.assignments, labels)).toBe(1);
    for (let c = 0; c < 3; c++) {
      const idx = Array.from(r.assignments.keys()).filter((i) => r.assignments[i] === c);
      for (let t = 0; t < 3; t++) {
        const m = idx.reduce((s, i) => s + x.data[i * 3 + t], 0) / idx.length;
        expect(r.centers[c * 3 + t]).toBeCloseTo(m, 10);
      }
    }
    expect(r.converged).toBe(true);
  });
  it('degenerate inputs: constant data, k = n, k > n, NaN, empty', () => {
    const constant = { rows: 6, cols: 2, data: new Float64Array(12).fill(3) };
    const r = fitKmeans(constant, { k: 2 });
    expect(r.objective).toBe(0);
    // fewer distinct points than k: duplicate centres, ties go to the lowest index (as sklearn)
    expect(Array.from(r.centers)).toEqual([3, 3, 3, 3]);
    expect(Array.from(r.assignments)).toEqual([0, 0, 0, 0, 0, 0]);
    const { x } = blobs(2, 2, [[0, 0], [5, 5]]);
    expect(fitKmeans(x, { k: 4 }).objective).toBeCloseTo(0, 12);
    expect(catchError(() => fitKmeans(x, { k: 5 })).field).toBe('k');
    const bad = { rows: 2, cols: 1, data: Float64Array.from([1, NaN]) };
    expect(catchError(() => fitKmeans(bad, { k: 1 })).message).toMatch(/x\[1\]\[0\] is not finite/);
    expect(catchError(() => fitKmeans({ rows: 0, cols: 2, data: new Float64Array(0) })).field).toBe('x');
  });
  it('maxIter bounds the work', () => {
    const { x } = blobs(5, 40, [[0, 0], [0.5, 0.5]], 1);
    const r = fitKmeans(x, { k: 2, maxIter: 1, nInit: 1 });
    expect(r.iterations).toBe(1);
  });
});
