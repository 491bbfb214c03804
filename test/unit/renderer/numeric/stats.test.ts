import { describe, it, expect } from 'vitest';
import { classBlocks, classOrder, finiteRange, fitLine, nearestNeighbourOrder, pearson, quantile } from '../../../../src/renderer/numeric/stats';

describe('pearson', () => {
  it('matches the textbook formula on a small sample', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 1, 4, 3, 7];
    const n = 5;
    const mx = x.reduce((a, b) => a + b) / n, my = y.reduce((a, b) => a + b) / n;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
    }
    expect(pearson(x, y)).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 14);
  });
  it('±1 on lines, NaN on constants and too few pairs, skips NaN pairs', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 14);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 14);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1], [1])).toBeNaN();
    expect(pearson([], [])).toBeNaN();
    expect(pearson([1, 2, NaN, 3], [2, 4, 100, 6])).toBeCloseTo(1, 14);
    expect(() => pearson([1], [1, 2])).toThrow(/lengths differ/);
  });
});

describe('fitLine, finiteRange, quantile', () => {
  it('fits an exact line and rejects degenerate input', () => {
    const f = fitLine([0, 1, 2, 3], [1, 3, 5, 7])!;
    expect(f.slope).toBeCloseTo(2, 14);
    expect(f.intercept).toBeCloseTo(1, 14);
    expect(fitLine([1, 1], [2, 3])).toBeNull();
    expect(fitLine([1], [2])).toBeNull();
  });
  it('finiteRange ignores NaN/Infinity; null when nothing finite', () => {
    expect(finiteRange([3, NaN, -2, Infinity, 5])).toEqual([-2, 5]);
    expect(finiteRange([NaN])).toBeNull();
    expect(finiteRange([])).toBeNull();
  });
  it('quantile interpolates like numpy linear', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 14);
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 14);
    expect(quantile([NaN], 0.5)).toBeNaN();
    expect(() => quantile([1], 2)).toThrow(/q must/);
  });
});

describe('classOrder / classBlocks', () => {
  it('orders stably by class and reports blocks', () => {
    const g = [1, 0, 1, 0, 2];
    const o = classOrder(g);
    expect(o).toEqual([1, 3, 0, 2, 4]);
    expect(classBlocks(g, o)).toEqual([
      { group: 0, start: 0, end: 2 },
      { group: 1, start: 2, end: 4 },
      { group: 2, start: 4, end: 5 },
    ]);
    expect(classOrder([])).toEqual([]);
    expect(classBlocks([], [])).toEqual([]);
  });
});

describe('nearestNeighbourOrder', () => {
  it('recovers the order of points on a line from a shuffled distance matrix', () => {
    const pos = [5, 0, 3, 9, 1, 7, 2];
    const n = pos.length;
    const dist = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist[i * n + j] = Math.abs(pos[i] - pos[j]);
    const walked = nearestNeighbourOrder(dist, n).map((i) => pos[i]);
    const sorted = [...pos].sort((a, b) => a - b);
    expect(walked).toEqual(walked[0] === 0 ? sorted : sorted.reverse());
  });
  it('adjacent points on a circle stay adjacent (wrapped-angle distance)', () => {
    const n = 24;
    const angles = Array.from({ length: n }, (_, i) => ((i * 7) % n) * ((2 * Math.PI) / n)); // shuffled
    const dist = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const d = Math.abs(angles[i] - angles[j]);
        dist[i * n + j] = Math.min(d, 2 * Math.PI - d);
      }
    const o = nearestNeighbourOrder(dist, n);
    expect(new Set(o).size).toBe(n);
    for (let k = 1; k < n; k++) expect(dist[o[k - 1] * n + o[k]]).toBeCloseTo((2 * Math.PI) / n, 12);
  });
  it('empty, single, NaN-tolerant, wrong size', () => {
    expect(nearestNeighbourOrder([], 0)).toEqual([]);
    expect(nearestNeighbourOrder([0], 1)).toEqual([0]);
    expect(new Set(nearestNeighbourOrder([0, NaN, NaN, 0], 2)).size).toBe(2);
    expect(() => nearestNeighbourOrder([0, 1], 2)).toThrow(/2×2/);
  });
});
