// The clusterings of method.md §4 step 5 on one run's probes: baselines on the raw features
// (K-means, PCA(100) + K-means, autoencoder + K-means) and the local-elasticity methods
// (K-means on the rows of the relative matrix, spectral with it as the affinity, kernel
// K-means with the kernelized matrix as the Gram matrix), each scored against the true
// classes and, with cluster.seeds > 1, repeated over seeds (mean ± sd).
import type { ExperimentConfig } from '../../shared/config';
import type { ClusteringResult } from '../../shared/results';
import type { ClusterMethod, Dataset, Matrix, Measure } from '../../shared/types';
import { repeatClustering, type ClusterAlgorithmName } from '../cluster';
import { scoreClustering } from '../metrics';

interface MethodPlan {
  algorithm: ClusterAlgorithmName;
  /** Which input: the probes' raw features, or a similarity matrix in order of preference. */
  source: 'features' | Measure[];
  params?: Record<string, unknown>;
}

export const METHOD_PLANS: Record<ClusterMethod, MethodPlan> = {
  'kmeans-raw': { algorithm: 'kmeans', source: 'features' },
  'pca-kmeans': { algorithm: 'pca-kmeans', source: 'features', params: { components: 100 } },
  'autoencoder-kmeans': { algorithm: 'autoencoder-kmeans', source: 'features' },
  'kmeans-rows': { algorithm: 'kmeans', source: ['relative', 'kernelized', 'ntk'] },
  spectral: { algorithm: 'spectral', source: ['relative', 'kernelized', 'ntk'] },
  'kernel-kmeans': { algorithm: 'kernel-kmeans', source: ['kernelized', 'ntk', 'relative'] },
  'kernel-kmeans-authors': { algorithm: 'kernel-kmeans-authors', source: ['kernelized', 'ntk', 'relative'] },
};

export function probeFeatures(dataset: Dataset, probeIds: number[]): Matrix {
  const d = dataset.d;
  const data = new Float64Array(probeIds.length * d);
  probeIds.forEach((id, i) => data.set(dataset.x.subarray(id * d, (id + 1) * d), i * d));
  return { rows: probeIds.length, cols: d, data };
}

export interface ClusterHooks {
  signal?: AbortSignal;
  onResult?(r: ClusteringResult): void;
  onProgress?(fraction: number, message: string): void;
}

export async function clusterAll(
  config: ExperimentConfig,
  dataset: Dataset,
  probeIds: number[],
  matrices: Partial<Record<Measure, Float64Array>>,
  hooks: ClusterHooks = {},
): Promise<Partial<Record<ClusterMethod, ClusteringResult>>> {
  const labels = probeIds.map((i) => dataset.group[i]);
  const m = probeIds.length;
  const out: Partial<Record<ClusterMethod, ClusteringResult>> = {};
  const methods = config.cluster.methods;
  let features: Matrix | undefined;
  for (const [index, method] of methods.entries()) {
    if (hooks.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    hooks.onProgress?.(index / methods.length, `clustering: ${method}`);
    const plan = METHOD_PLANS[method];
    let input: Matrix;
    if (plan.source === 'features') input = features ??= probeFeatures(dataset, probeIds);
    else {
      const measure = plan.source.find((s) => matrices[s]);
      if (!measure) continue;
      input = { rows: m, cols: m, data: matrices[measure]! };
    }
    const params: Record<string, unknown> = { k: config.cluster.k, nInit: config.cluster.nInit, seed: config.seed, ...plan.params };
    if (plan.algorithm === 'pca-kmeans') params.components = Math.min(100, input.rows, input.cols);
    if (plan.algorithm === 'kernel-kmeans-authors') delete params.nInit;
    const rep = await repeatClustering(plan.algorithm, input, params, config.cluster.seeds, labels);
    const assignments = rep.assignments[0];
    const result: ClusteringResult = {
      method,
      assignments: Array.from(assignments),
      objective: rep.objectives[0],
      ...scoreClustering(assignments, labels),
      ...(config.cluster.seeds > 1 && rep.mean && rep.sd
        ? { repeats: { seeds: config.cluster.seeds, mean: rep.mean, sd: rep.sd, objectives: rep.objectives } }
        : {}),
    };
    out[method] = result;
    hooks.onResult?.(result);
  }
  hooks.onProgress?.(1, 'clustering done');
  return out;
}
