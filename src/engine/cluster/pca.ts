// PCA: the top principal components of the centred data. The eigenproblem is solved on the
// smaller of the d × d scatter matrix XcᵀXc and the n × n Gram matrix XcXcᵀ (same non-zero
// spectrum). The default solver is randomized subspace iteration (as scikit-learn picks for
// PCA(100) of 1000 × 784); 'exact' runs the block Krylov solver to a residual tolerance.
import type { Matrix } from '../../shared/types';
import { checkMatrix } from './matrix';
import { resolveParams, SEED_FIELD, type ParamSpec } from './params';
import { topEigen } from './topEigen';
import { randomizedTopEigen } from './randomizedEigen';

export interface PcaParams {
  /** Number of components; clamped to min(n, d) (recorded in `components` of the result). */
  components: number;
  /** 'randomized': randomized subspace iteration (scikit-learn's default for this size);
   * 'exact': block Krylov to residual eigenTol. */
  solver: 'randomized' | 'exact';
  eigenTol: number;
  seed: number;
}

export const PCA_PARAMS: ParamSpec<PcaParams> = {
  components: { kind: 'int', default: 100, min: 1, max: 100000 },
  solver: { kind: 'enum', default: 'randomized', values: ['randomized', 'exact'] },
  eigenTol: { kind: 'number', default: 1e-8, min: 0, max: 1, minExclusive: true },
  seed: SEED_FIELD,
};

export interface PcaResult {
  /** Components actually kept: min(params.components, n, d). */
  components: number;
  /** m × d row-major, unit rows (principal axes). */
  axes: Float64Array;
  /** n × m row-major projections of the centred data. */
  scores: Float64Array;
  /** Variance along each axis (eigenvalue / (n − 1)), descending. */
  explainedVariance: Float64Array;
  mean: Float64Array;
  params: PcaParams;
}

export function fitPca(x: Matrix, params: Partial<PcaParams> = {}): PcaResult {
  const p = resolveParams<PcaParams>(params, PCA_PARAMS, 'pca');
  checkMatrix(x, 'x');
  const { rows: n, cols: d } = x;
  const m = Math.min(p.components, n, d);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += x.data[i * d + t] / n;
  const xc = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) xc[i * d + t] = x.data[i * d + t] - mean[t];
  const useScatter = d <= n;
  const size = useScatter ? d : n;
  const S = new Float64Array(size * size);
  if (useScatter) {
    // Upper triangle of XcᵀXc, four rows at a time so each entry of S is loaded once per four.
    for (let i = 0; i < n; i += 4) {
      const r = [0, 1, 2, 3].map((q) => (i + q < n ? xc.subarray((i + q) * d, (i + q + 1) * d) : new Float64Array(d)));
      const [r0, r1, r2, r3] = r;
      for (let a = 0; a < d; a++) {
        const v0 = r0[a], v1 = r1[a], v2 = r2[a], v3 = r3[a];
        const o = a * d;
        for (let b = a; b < d; b++) S[o + b] += v0 * r0[b] + v1 * r1[b] + v2 * r2[b] + v3 * r3[b];
      }
    }
  } else {
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += xc[i * d + t] * xc[j * d + t];
        S[i * n + j] = s;
      }
  }
  for (let a = 0; a < size; a++) for (let b = 0; b < a; b++) S[a * size + b] = S[b * size + a];
  const eig =
    p.solver === 'exact' || 3 * m >= size
      ? topEigen(S, size, m, { seed: p.seed, tol: p.eigenTol })
      : randomizedTopEigen(S, size, m, { seed: p.seed });
  const axes = new Float64Array(m * d);
  const scores = new Float64Array(n * m);
  const explainedVariance = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const lam = Math.max(eig.values[j], 0);
    explainedVariance[j] = n > 1 ? lam / (n - 1) : 0;
    if (useScatter) for (let t = 0; t < d; t++) axes[j * d + t] = eig.vectors[t * m + j];
    else if (lam > 0) {
      // axis = Xcᵀ u / √λ
      for (let i = 0; i < n; i++) {
        const u = eig.vectors[i * m + j] / Math.sqrt(lam);
        for (let t = 0; t < d; t++) axes[j * d + t] += u * xc[i * d + t];
      }
    }
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += xc[i * d + t] * axes[j * d + t];
      scores[i * m + j] = s;
    }
  return { components: m, axes, scores, explainedVariance, mean, params: p };
}
