// The PCA + K-means baseline (method.md §4.5): K-means on the top principal-component scores.
import type { Matrix } from '../../shared/types';
import { fitKmeans, KMEANS_PARAMS, type KMeansParams } from './kmeans';
import { fitPca, PCA_PARAMS, type PcaParams } from './pca';
import { resolveParams, type ParamSpec } from './params';

export type PcaKmeansParams = KMeansParams & Pick<PcaParams, 'components' | 'solver' | 'eigenTol'>;

export const PCA_KMEANS_PARAMS: ParamSpec<PcaKmeansParams> = {
  ...KMEANS_PARAMS,
  components: PCA_PARAMS.components,
  solver: PCA_PARAMS.solver,
  eigenTol: PCA_PARAMS.eigenTol,
};

export interface PcaKmeansResult {
  assignments: Int32Array;
  objective: number;
  components: number;
  explainedVariance: Float64Array;
  params: PcaKmeansParams;
}

export function fitPcaKmeans(x: Matrix, params: Partial<PcaKmeansParams> = {}): PcaKmeansResult {
  const p = resolveParams<PcaKmeansParams>(params, PCA_KMEANS_PARAMS, 'pca-kmeans');
  const pca = fitPca(x, { components: p.components, solver: p.solver, eigenTol: p.eigenTol, seed: p.seed });
  const km = fitKmeans(
    { rows: x.rows, cols: pca.components, data: pca.scores },
    { k: p.k, nInit: p.nInit, maxIter: p.maxIter, tol: p.tol, seed: p.seed },
  );
  return { assignments: km.assignments, objective: km.objective, components: pca.components, explainedVariance: pca.explainedVariance, params: p };
}
