// Elasticity during training: the pipeline calls this every K epochs with the current weights
// to get the matrices and their correlation with the geodesic distance (synthetic data).
import type { ElasticitySnapshot } from '../../shared/results';
import type { Measure } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { similarity, type SimilarityResult } from './similarity';
import type { SimilarityInput } from './validate';
import type { ProbeHooks } from './autodiff';
import { pairCorrelation } from './analysis';

export interface SnapshotResult {
  snapshot: ElasticitySnapshot;
  matrices: SimilarityResult;
}

/**
 * One snapshot at `epoch`: the similarity matrices over the probes and, when `geodesic` (m×m
 * over the same probes) is given, Pearson/Spearman of every measure against it.
 */
export async function elasticitySnapshot(epoch: number, input: SimilarityInput, geodesic?: Float64Array, hooks: ProbeHooks = {}): Promise<SnapshotResult> {
  if (!Number.isInteger(epoch) || epoch < 0) throw new LeError('invalid_input', `epoch must be a non-negative integer, got ${epoch}`, 'epoch');
  const matrices = await similarity(input, hooks);
  const m = matrices.m;
  if (geodesic && geodesic.length !== m * m) throw new LeError('invalid_input', `geodesic must be ${m}×${m} over the probes`, 'geodesic');
  const correlations: ElasticitySnapshot['correlations'] = {};
  if (geodesic && m >= 3)
    for (const key of ['relative', 'kernelized', 'ntk'] as Measure[]) {
      const S = matrices[key];
      if (S) correlations[key] = pairCorrelation(S, geodesic, m);
    }
  return { snapshot: { epoch, correlations }, matrices };
}
