// Approximate top-k eigenpairs of a symmetric positive semi-definite matrix by randomized
// subspace iteration (Halko, Martinsson & Tropp 2011, as scikit-learn's randomized PCA):
// Q = orth(A Ω) with k + oversample Gaussian columns, powerIters rounds of Q ← orth(A Q),
// then Rayleigh-Ritz on QᵀAQ. Cost O(n² (k + p) · powerIters); accurate where the spectrum
// decays (PCA of images), approximate otherwise. Used by PCA.
import { LeError } from '../../shared/errors';
import { createRng } from '../rng';
import { symmetricEigen, type EigenResult } from './eigen';

export interface RandomizedEigenOptions {
  oversample?: number;
  powerIters?: number;
  seed?: number;
}

/** Y = A Q for row-major n×n A and n×b Q. */
function multiply(a: ArrayLike<number>, n: number, q: Float64Array, b: number): Float64Array {
  const y = new Float64Array(n * b);
  for (let i = 0; i < n; i++) {
    const yo = i * b;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      // four columns of A per pass: each entry of the output row is stored once per four
      const v0 = a[i * n + j], v1 = a[i * n + j + 1], v2 = a[i * n + j + 2], v3 = a[i * n + j + 3];
      const q0 = j * b, q1 = q0 + b, q2 = q1 + b, q3 = q2 + b;
      for (let c = 0; c < b; c++) y[yo + c] += v0 * q[q0 + c] + v1 * q[q1 + c] + v2 * q[q2 + c] + v3 * q[q3 + c];
    }
    for (; j < n; j++) {
      const v = a[i * n + j];
      const qo = j * b;
      for (let c = 0; c < b; c++) y[yo + c] += v * q[qo + c];
    }
  }
  return y;
}

/** Orthonormalizes the columns of n×b Y in place (modified Gram-Schmidt, twice, on a
 * transposed copy so every vector is contiguous); a column that collapses becomes zero. */
function orthonormalizeColumns(y: Float64Array, n: number, b: number): void {
  const t = new Float64Array(b * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < b; c++) t[c * n + i] = y[i * b + c];
  for (let c = 0; c < b; c++) {
    const v = t.subarray(c * n, c * n + n);
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < c; p++) {
        const u = t.subarray(p * n, p * n + n);
        let s = 0;
        for (let i = 0; i < n; i++) s += v[i] * u[i];
        for (let i = 0; i < n; i++) v[i] -= s * u[i];
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += v[i] * v[i];
      norm = Math.sqrt(norm);
      for (let i = 0; i < n; i++) v[i] = norm > 1e-300 ? v[i] / norm : 0;
    }
  }
  for (let i = 0; i < n; i++) for (let c = 0; c < b; c++) y[i * b + c] = t[c * n + i];
}

export function randomizedTopEigen(a: ArrayLike<number>, n: number, k: number, options: RandomizedEigenOptions = {}): EigenResult {
  const { oversample = 10, seed = 0 } = options;
  const powerIters = options.powerIters ?? (k < 0.1 * n ? 7 : 4); // scikit-learn's n_iter="auto"
  if (!Number.isInteger(n) || n < 1 || a.length !== n * n)
    throw new LeError('invalid_input', `matrix must hold n × n = ${n}² values, got ${a.length}`, 'matrix');
  if (!Number.isInteger(k) || k < 1 || k > n) throw new LeError('invalid_input', `k must be an integer in [1, ${n}], got ${k}`, 'k');
  const b = Math.min(n, k + oversample);
  const rng = createRng(seed);
  let q: Float64Array = Float64Array.from({ length: n * b }, () => rng.normal());
  orthonormalizeColumns(q, n, b);
  for (let it = 0; it <= powerIters; it++) {
    q = multiply(a, n, q, b);
    orthonormalizeColumns(q, n, b);
  }
  const aq = multiply(a, n, q, b);
  const t = new Float64Array(b * b);
  for (let r = 0; r < b; r++)
    for (let c = 0; c <= r; c++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += q[i * b + r] * aq[i * b + c] + q[i * b + c] * aq[i * b + r];
      t[r * b + c] = t[c * b + r] = s / 2;
    }
  const small = symmetricEigen(t, b);
  const vectors = new Float64Array(n * k);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let c = 0; c < b; c++) s += q[i * b + c] * small.vectors[c * b + j];
      vectors[i * k + j] = s;
    }
  for (let j = 0; j < k; j++) {
    let big = 0;
    for (let i = 1; i < n; i++) if (Math.abs(vectors[i * k + j]) > Math.abs(vectors[big * k + j])) big = i;
    if (vectors[big * k + j] < 0) for (let i = 0; i < n; i++) vectors[i * k + j] = -vectors[i * k + j];
  }
  return { values: small.values.slice(0, k), vectors };
}
