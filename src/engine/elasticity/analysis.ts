// Synthetic-data analysis of a similarity matrix (method.md §3): correlation with the
// geodesic distance over the off-diagonal pairs, the kernel distance from the top eigenpairs
// of S_ker, and the activation-pattern similarity of first-layer on/off patterns.
import type { CorrelationPair } from '../../shared/results';
import type { Weights } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { pearson, spearman } from '../metrics/correlation';
import { topEigen } from '../cluster/topEigen';

/** The pairs i < j of an m×m matrix, flattened in row order. */
export function upperPairs(S: Float64Array, m: number): Float64Array {
  if (S.length !== m * m) throw new LeError('invalid_input', `matrix must be ${m}×${m}, has ${S.length} values`, 'S');
  const out = new Float64Array((m * (m - 1)) / 2);
  let q = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) out[q++] = S[i * m + j];
  return out;
}

/** Pearson and Spearman between S and D over the pairs i < j (NaN when either is constant). */
export function pairCorrelation(S: Float64Array, D: Float64Array, m: number): CorrelationPair {
  if (m < 3) throw new LeError('invalid_input', `need at least 3 points for a pair correlation, got ${m}`, 'm');
  const s = upperPairs(S, m);
  const d = upperPairs(D, m);
  return { pearson: pearson(s, d), spearman: spearman(s, d) };
}

/**
 * Embeds S_ker with its top-k eigenpairs, E = V_k·diag(√max(λ, 0)), and returns the m×m
 * Euclidean distances between the rows of E.
 */
export function kernelDistance(S: Float64Array, m: number, k = 10): Float64Array {
  if (!Number.isInteger(k) || k < 1) throw new LeError('invalid_input', `k must be a positive integer, got ${k}`, 'k');
  const kk = Math.min(k, m);
  const { values, vectors } = topEigen(S, m, kk);
  const E = new Float64Array(m * kk);
  for (let c = 0; c < kk; c++) {
    const s = Math.sqrt(Math.max(values[c], 0));
    for (let i = 0; i < m; i++) E[i * kk + c] = vectors[i * kk + c] * s;
  }
  const D = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      let acc = 0;
      for (let c = 0; c < kk; c++) acc += (E[i * kk + c] - E[j * kk + c]) ** 2;
      D[i * m + j] = D[j * m + i] = Math.sqrt(acc);
    }
  return D;
}

/**
 * Cosine similarity of first-layer on/off patterns: pattern_r(x) = 1[w_rᵀx + b_r > 0];
 * A_ij = |on(i) ∩ on(j)| / √(|on(i)|·|on(j)|) (0 when a pattern is empty). X: m×d rows.
 */
export function activationPatternSimilarity(weights: Weights, X: Float64Array, m: number, d: number): Float64Array {
  const layer = weights.layers[0];
  if (!layer || layer.weight.shape.length !== 2 || layer.weight.shape[1] !== d)
    throw new LeError('invalid_input', `weights.layers.0.weight must be [width, ${d}]`, 'weights.layers.0.weight');
  if (X.length !== m * d) throw new LeError('invalid_input', `X must be ${m}×${d}`, 'X');
  const w = layer.weight.shape[0];
  const on = new Uint8Array(m * w);
  const count = new Float64Array(m);
  for (let i = 0; i < m; i++)
    for (let r = 0; r < w; r++) {
      let h = layer.bias.data[r];
      for (let k = 0; k < d; k++) h += layer.weight.data[r * d + k] * X[i * d + k];
      if (Number.isNaN(h)) throw new LeError('invalid_input', `pre-activation of example ${i}, unit ${r} is NaN`, 'X');
      if (h > 0) {
        on[i * w + r] = 1;
        count[i]++;
      }
    }
  const A = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = i; j < m; j++) {
      let both = 0;
      for (let r = 0; r < w; r++) both += on[i * w + r] & on[j * w + r];
      const denom = Math.sqrt(count[i] * count[j]);
      A[i * m + j] = A[j * m + i] = denom > 0 ? both / denom : 0;
    }
  return A;
}
