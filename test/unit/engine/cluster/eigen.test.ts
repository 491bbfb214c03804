import { describe, it, expect } from 'vitest';
import { symmetricEigen, topEigen } from '../../../../src/engine/cluster';
import { createRng } from '../../../../src/engine/rng';

/** Slow reference: cyclic Jacobi rotations until the off-diagonal mass vanishes. */
function jacobiEigenvalues(a: Float64Array, n: number): number[] {
  const A = Float64Array.from(a);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) off += A[i * n + j] ** 2;
    if (off < 1e-26) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p], akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k], aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
      }
  }
  return Array.from({ length: n }, (_, i) => A[i * n + i]).sort((x, y) => y - x);
}

function randomSymmetric(seed: number, n: number): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rng.normal();
  return a;
}

/** max_j ‖A v_j − λ_j v_j‖ and max |VᵀV − I|. */
function quality(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array, k: number) {
  let res = 0, orth = 0;
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += a[i * n + t] * vectors[t * k + j];
      res = Math.max(res, Math.abs(s - values[j] * vectors[i * k + j]));
    }
    for (let l = 0; l < k; l++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += vectors[i * k + j] * vectors[i * k + l];
      orth = Math.max(orth, Math.abs(s - (j === l ? 1 : 0)));
    }
  }
  return { res, orth };
}

describe('symmetricEigen (tred2 + tql2)', () => {
  it('matches Jacobi eigenvalues and gives orthonormal eigenvectors (n = 1..30)', () => {
    for (const n of [1, 2, 3, 7, 30]) {
      const a = randomSymmetric(n, n);
      const { values, vectors } = symmetricEigen(a, n);
      const ref = jacobiEigenvalues(a, n);
      for (let i = 0; i < n; i++) expect(values[i]).toBeCloseTo(ref[i], 10);
      const q = quality(a, n, values, vectors, n);
      expect(q.res).toBeLessThan(1e-10);
      expect(q.orth).toBeLessThan(1e-12);
    }
  });
  it('handles zero, diagonal and repeated-eigenvalue matrices', () => {
    const z = symmetricEigen(new Float64Array(9), 3);
    expect(Array.from(z.values)).toEqual([0, 0, 0]);
    const d = symmetricEigen(Float64Array.from([2, 0, 0, 0, 5, 0, 0, 0, 2]), 3);
    expect(Array.from(d.values)).toEqual([5, 2, 2]);
    const ones = symmetricEigen(new Float64Array(16).fill(1), 4); // eigenvalues 4, 0, 0, 0
    expect(ones.values[0]).toBeCloseTo(4, 12);
    expect(Math.abs(ones.values[3])).toBeLessThan(1e-12);
  });
  it('rejects non-finite entries and wrong sizes', () => {
    expect(() => symmetricEigen([1, NaN, NaN, 1], 2)).toThrow(/not finite/);
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/n × n/);
  });
});

describe('topEigen (block Krylov)', () => {
  it('agrees with the dense solver on a random matrix (n = 200, k = 5)', () => {
    const n = 200, k = 5;
    const a = randomSymmetric(11, n);
    const top = topEigen(a, n, k, { seed: 1, tol: 1e-11 });
    const full = symmetricEigen(a, n);
    for (let j = 0; j < k; j++) expect(top.values[j]).toBeCloseTo(full.values[j], 8);
    const q = quality(a, n, top.values, top.vectors, k);
    expect(q.res).toBeLessThan(1e-7);
    expect(q.orth).toBeLessThan(1e-10);
  });
  it('finds every copy of a repeated top eigenvalue (block-diagonal affinity, 3 components)', () => {
    const n = 150, k = 3;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (Math.floor(i / 50) === Math.floor(j / 50)) a[i * n + j] = 1 / 50;
    const top = topEigen(a, n, k, { seed: 2 });
    for (let j = 0; j < k; j++) expect(top.values[j]).toBeCloseTo(1, 10);
    expect(quality(a, n, top.values, top.vectors, k).orth).toBeLessThan(1e-10);
  });
  it('is seeded (same seed → identical output) and bounded on degenerate input', () => {
    const a = randomSymmetric(5, 100);
    expect(topEigen(a, 100, 2, { seed: 9 }).vectors).toEqual(topEigen(a, 100, 2, { seed: 9 }).vectors);
    const zero = topEigen(new Float64Array(100 * 100), 100, 2);
    expect(Array.from(zero.values)).toEqual([0, 0]);
    expect(() => topEigen(a, 100, 101)).toThrow(/k must be/);
  });
});
