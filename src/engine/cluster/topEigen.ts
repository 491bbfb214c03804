// Top-k eigenpairs (largest algebraic eigenvalues) of a symmetric matrix by block Krylov
// iteration with full reorthogonalization and Rayleigh-Ritz. The block size is k (≥ 2), so
// an eigenvalue of multiplicity ≤ k is found with all the copies that are needed (a
// single-vector Lanczos run can miss repeated eigenvalues, e.g. a graph's components).
// Convergence is judged on true residuals ‖A y − θ y‖ ≤ tol · ‖A‖_est. The basis grows at most
// to n, where the result is exact, so every loop is bounded.
import { LeError } from '../../shared/errors';
import { createRng, type Rng } from '../rng';
import { symmetricEigen, type EigenResult } from './eigen';

export interface TopEigenOptions {
  /** Seed of the random start block. */
  seed?: number;
  /** Relative residual tolerance. */
  tol?: number;
  /** At or below this n the full O(n³) solver is used. */
  denseBelow?: number;
}

export interface TopEigenResult extends EigenResult {
  /** Size of the Krylov basis used (n for the dense path). */
  basisSize: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Orthogonalizes v against basis (two passes) and normalizes; false if v lies in its span. */
function orthonormalize(v: Float64Array, basis: Float64Array[]): boolean {
  const norm0 = Math.sqrt(dot(v, v));
  if (norm0 === 0) return false;
  for (let pass = 0; pass < 2; pass++)
    for (const q of basis) {
      const c = dot(v, q);
      for (let i = 0; i < v.length; i++) v[i] -= c * q[i];
    }
  const norm = Math.sqrt(dot(v, v));
  if (norm <= 1e-10 * norm0) return false;
  for (let i = 0; i < v.length; i++) v[i] /= norm;
  return true;
}

/** Adds vectors to the basis; spent directions are replaced by random ones. Returns those added. */
function extend(basis: Float64Array[], candidates: Float64Array[], rng: Rng, n: number): Float64Array[] {
  const added: Float64Array[] = [];
  for (const c of candidates) {
    if (basis.length >= n) break;
    let v = c;
    for (let attempt = 0; attempt < 5 && !orthonormalize(v, basis); attempt++) v = Float64Array.from({ length: n }, () => rng.normal());
    if (Math.abs(Math.sqrt(dot(v, v)) - 1) > 1e-6) continue; // five random draws in the span: give up on this one
    basis.push(v);
    added.push(v);
  }
  return added;
}

function matVec(a: ArrayLike<number>, n: number, q: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += a[row + j] * q[j];
    y[i] = s;
  }
  return y;
}

function topOfDense(a: ArrayLike<number>, n: number, k: number): TopEigenResult {
  const full = symmetricEigen(a, n);
  const vectors = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) vectors[i * k + j] = full.vectors[i * n + j];
  return { values: full.values.slice(0, k), vectors, basisSize: n };
}

/** The k largest eigenvalues (descending) and unit eigenvectors (n × k, columns) of symmetric `a`. */
export function topEigen(a: ArrayLike<number>, n: number, k: number, options: TopEigenOptions = {}): TopEigenResult {
  const { seed = 0, tol = 1e-10, denseBelow = 64 } = options;
  if (!Number.isInteger(n) || n < 1 || a.length !== n * n)
    throw new LeError('invalid_input', `matrix must hold n × n = ${n}² values, got ${a.length}`, 'matrix');
  if (!Number.isInteger(k) || k < 1 || k > n) throw new LeError('invalid_input', `k must be an integer in [1, ${n}], got ${k}`, 'k');
  if (!(tol > 0)) throw new LeError('invalid_input', `tol must be positive, got ${tol}`, 'tol');
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) throw new LeError('invalid_input', `matrix entry ${i} is not finite`, 'matrix');
  if (n <= denseBelow || 3 * k >= n) return topOfDense(a, n, k);
  const rng = createRng(seed);
  const b = Math.max(k, 2);
  const Q: Float64Array[] = [];
  const AQ: Float64Array[] = [];
  let block = extend(Q, Array.from({ length: b }, () => Float64Array.from({ length: n }, () => rng.normal())), rng, n);
  let nextCheck = 2 * b;
  for (;;) {
    for (const q of block) AQ.push(matVec(a, n, q));
    const m = Q.length;
    if (m >= nextCheck || m >= n || block.length === 0) {
      const ritz = rayleighRitz(Q, AQ, k);
      if (ritz.converged(tol) || m >= n || block.length === 0) return { ...ritz.result(), basisSize: m };
      nextCheck = Math.max(m + b, Math.floor(m * 1.3));
    }
    block = extend(Q, AQ.slice(m - block.length).map((v) => Float64Array.from(v)), rng, n);
  }
}

function rayleighRitz(Q: Float64Array[], AQ: Float64Array[], k: number) {
  const m = Q.length;
  const n = Q[0].length;
  const T = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) T[i * m + j] = T[j * m + i] = (dot(Q[i], AQ[j]) + dot(Q[j], AQ[i])) / 2;
  const small = symmetricEigen(T, m);
  const scale = Math.max(Math.abs(small.values[0]), Math.abs(small.values[m - 1]), Number.MIN_VALUE);
  const y = new Float64Array(n * k);
  const residuals = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const yj = new Float64Array(n);
    const ayj = new Float64Array(n);
    for (let t = 0; t < m; t++) {
      const s = small.vectors[t * m + j];
      if (s === 0) continue;
      const q = Q[t], aq = AQ[t];
      for (let i = 0; i < n; i++) {
        yj[i] += s * q[i];
        ayj[i] += s * aq[i];
      }
    }
    let r = 0;
    let big = 0;
    for (let i = 0; i < n; i++) {
      const d = ayj[i] - small.values[j] * yj[i];
      r += d * d;
      if (Math.abs(yj[i]) > Math.abs(yj[big])) big = i;
    }
    residuals[j] = Math.sqrt(r);
    const sign = yj[big] < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) y[i * k + j] = sign * yj[i];
  }
  return {
    converged: (tol: number) => residuals.every((r) => r <= tol * scale),
    result: () => ({ values: small.values.slice(0, k), vectors: y }),
  };
}
