// Spectral clustering on a precomputed affinity (Ng, Jordan & Weiss): M = D^{-1/2} A D^{-1/2}
// with the diagonal of A set to 0 (self-loops carry no grouping information; scipy's
// normalized Laplacian ignores them too), the top-k eigenvectors of M as columns, each row
// scaled to unit length, then K-means on the rows.
//
// Negative affinities make degrees meaningless (D^{-1/2} of a negative degree) and are
// transformed first, by `negative`:
// - 'clip' (default): A ← max(A, 0). A negative similarity means "not alike", i.e. no edge;
//   positive entries are kept exactly, so the graph's locality is untouched.
// - 'shift': A ← A − min(A) off the diagonal; keeps the ordering of all entries but adds a
//   constant to every edge, which densifies the graph and blurs clusters.
// - 'abs': A ← |A|; for signed kernels where the magnitude is the evidence.
// Points with zero degree (isolated) get an all-zero embedding row and end up together.
import type { Matrix } from '../../shared/types';
import { checkK, checkSymmetric } from './matrix';
import { fitKmeans } from './kmeans';
import { resolveParams, SEED_FIELD, type ParamSpec } from './params';
import { topEigen } from './topEigen';

export interface SpectralParams {
  k: number;
  negative: 'clip' | 'shift' | 'abs';
  nInit: number;
  maxIter: number;
  eigenTol: number;
  seed: number;
}

export const SPECTRAL_PARAMS: ParamSpec<SpectralParams> = {
  k: { kind: 'int', default: 2, min: 1, max: 10000 },
  negative: { kind: 'enum', default: 'clip', values: ['clip', 'shift', 'abs'] },
  nInit: { kind: 'int', default: 10, min: 1, max: 1000 },
  maxIter: { kind: 'int', default: 300, min: 1, max: 100000 },
  eigenTol: { kind: 'number', default: 1e-10, min: 0, max: 1, minExclusive: true },
  seed: SEED_FIELD,
};

export interface SpectralResult {
  assignments: Int32Array;
  /** K-means inertia in the embedding. */
  objective: number;
  /** Top-k eigenvalues of D^{-1/2} A D^{-1/2}, descending. */
  eigenvalues: Float64Array;
  /** n × k row-normalized embedding. */
  embedding: Float64Array;
  warnings: string[];
  params: SpectralParams;
}

export function fitSpectral(affinity: Matrix, params: Partial<SpectralParams> = {}): SpectralResult {
  const p = resolveParams<SpectralParams>(params, SPECTRAL_PARAMS, 'spectral');
  const A = checkSymmetric(affinity, 'affinity');
  const n = affinity.rows;
  checkK(p.k, n);
  const warnings: string[] = [];
  let minOff = Infinity;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) minOff = Math.min(minOff, A[i * n + j]);
  if (minOff < 0) {
    warnings.push(`affinity has negative entries (min ${minOff}); transformed by '${p.negative}'`);
    for (let t = 0; t < A.length; t++)
      A[t] = p.negative === 'clip' ? Math.max(A[t], 0) : p.negative === 'abs' ? Math.abs(A[t]) : A[t] - minOff;
  }
  for (let i = 0; i < n; i++) A[i * n + i] = 0;
  const inv = new Float64Array(n);
  let isolated = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j];
    inv[i] = s > 0 ? 1 / Math.sqrt(s) : 0;
    if (s <= 0) isolated++;
  }
  if (isolated > 0) warnings.push(`${isolated} point(s) have zero degree; they share an all-zero embedding`);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] *= inv[i] * inv[j];
  const { k } = p;
  const eig = topEigen(A, n, k, { seed: p.seed, tol: p.eigenTol });
  const embedding = eig.vectors;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += embedding[i * k + j] ** 2;
    if (s > 0) for (let j = 0; j < k; j++) embedding[i * k + j] /= Math.sqrt(s);
  }
  const km = fitKmeans({ rows: n, cols: k, data: embedding }, { k, nInit: p.nInit, maxIter: p.maxIter, seed: p.seed });
  return { assignments: km.assignments, objective: km.objective, eigenvalues: eig.values, embedding, warnings, params: p };
}
