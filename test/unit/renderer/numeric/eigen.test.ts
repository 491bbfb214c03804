import { describe, it, expect } from 'vitest';
import { jacobiEigenvalues, topEigenvalues } from '../../../../src/renderer/numeric/eigen';

/** Deterministic pseudo-random symmetric matrix with known structure: B Bᵀ + c·I. */
function symmetric(n: number, seed: number): Float64Array {
  let s = seed;
  const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const b = Array.from({ length: n * n }, rnd);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let v = 0;
      for (let k = 0; k < n; k++) v += b[i * n + k] * b[j * n + k];
      a[i * n + j] = v;
    }
  return a;
}

describe('jacobiEigenvalues', () => {
  it('diagonal matrix gives its diagonal, sorted descending', () => {
    expect(jacobiEigenvalues([3, 0, 0, 0, -1, 0, 0, 0, 2], 3)).toEqual([3, 2, -1]);
  });
  it('2×2 closed form', () => {
    // [[2,1],[1,2]] → 3, 1
    const e = jacobiEigenvalues([2, 1, 1, 2], 2);
    expect(e[0]).toBeCloseTo(3, 12);
    expect(e[1]).toBeCloseTo(1, 12);
  });
  it('trace and Frobenius norm are preserved (20×20)', () => {
    const n = 20;
    const a = symmetric(n, 7);
    const e = jacobiEigenvalues(a, n);
    let trace = 0, frob = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i];
    for (const v of a) frob += v * v;
    expect(e.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 9);
    expect(e.reduce((s, v) => s + v * v, 0)).toBeCloseTo(frob, 8);
  });
  it('each eigenvalue makes A − λI singular (det via elimination ≈ 0)', () => {
    const n = 6;
    const a = symmetric(n, 3);
    for (const lam of jacobiEigenvalues(a, n)) {
      const m = Array.from(a);
      for (let i = 0; i < n; i++) m[i * n + i] -= lam;
      // smallest singular proxy: min |pivot| of partial-pivot elimination relative to scale
      let minPivot = Infinity;
      for (let c = 0; c < n; c++) {
        let p = c;
        for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
        for (let k = 0; k < n; k++) [m[c * n + k], m[p * n + k]] = [m[p * n + k], m[c * n + k]];
        minPivot = Math.min(minPivot, Math.abs(m[c * n + c]));
        for (let r = c + 1; r < n; r++) {
          const f = m[r * n + c] / m[c * n + c];
          for (let k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k];
        }
      }
      expect(minPivot).toBeLessThan(1e-8);
    }
  });
  it('rejects a wrong size', () => {
    expect(() => jacobiEigenvalues([1, 2, 3], 2)).toThrow(/2×2/);
  });
});

describe('topEigenvalues (Lanczos)', () => {
  it('Wishart 120×120 (no spectral gap): top 5 match Jacobi to 1e-9 rel.; top 10 with 120 steps to 1e-10', () => {
    const n = 120;
    const a = symmetric(n, 11);
    const ref = jacobiEigenvalues(a, n).slice(0, 10);
    const got = topEigenvalues(a, n, { k: 5 });
    expect(got).toHaveLength(5);
    got.forEach((v, i) => expect(Math.abs(v - ref[i]) / Math.abs(ref[0])).toBeLessThan(1e-9));
    const more = topEigenvalues(a, n, { k: 10, steps: 120 });
    more.forEach((v, i) => expect(Math.abs(v - ref[i]) / Math.abs(ref[0])).toBeLessThan(1e-10));
  });
  it('known spectrum Q·diag(100·0.7^i)·Qᵀ (n = 150): top 10 to 1e-9 relative', () => {
    const n = 150;
    const lambda = Array.from({ length: n }, (_, i) => 100 * 0.7 ** i);
    // random orthogonal Q by Gram–Schmidt on pseudo-random columns
    let s = 99;
    const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
    const q: number[][] = [];
    for (let c = 0; c < n; c++) {
      const v = Array.from({ length: n }, rnd);
      for (const u of q) {
        const d = u.reduce((acc, x, i) => acc + x * v[i], 0);
        for (let i = 0; i < n; i++) v[i] -= d * u[i];
      }
      const norm = Math.hypot(...v);
      q.push(v.map((x) => x / norm));
    }
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++) {
        let v = 0;
        for (let k = 0; k < n; k++) v += q[k][i] * lambda[k] * q[k][j];
        a[i * n + j] = a[j * n + i] = v;
      }
    const got = topEigenvalues(a, n, { k: 10 });
    got.forEach((v, i) => expect(Math.abs(v - lambda[i]) / 100).toBeLessThan(1e-9));
  });
  it('low-rank matrix: exact nonzero eigenvalues, rank-1 outer products', () => {
    const n = 80;
    const u = Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const v = Array.from({ length: n }, (_, i) => Math.cos(3 * i));
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = 5 * u[i] * u[j] + 2 * v[i] * v[j];
    const ref = jacobiEigenvalues(a, n).slice(0, 2);
    const got = topEigenvalues(a, n, { k: 2 });
    expect(got[0]).toBeCloseTo(ref[0], 8);
    expect(got[1]).toBeCloseTo(ref[1], 8);
  });
  it('is deterministic for a seed', () => {
    const a = symmetric(90, 5);
    expect(topEigenvalues(a, 90, { k: 5, seed: 3 })).toEqual(topEigenvalues(a, 90, { k: 5, seed: 3 }));
  });
  it('empty, NaN and bad k', () => {
    expect(topEigenvalues([], 0)).toEqual([]);
    expect(() => topEigenvalues([1, NaN, NaN, 1], 2)).toThrow(/non-finite/);
    expect(() => topEigenvalues([1], 1, { k: 0 })).toThrow(/k must/);
    expect(() => topEigenvalues([1, 2], 2)).toThrow(/2×2/);
  });
  it('1×1', () => {
    expect(topEigenvalues([4], 1, { k: 3 })).toEqual([4]);
  });
});
