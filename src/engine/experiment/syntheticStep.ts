// Synthetic data (method.md §3): S against the geodesic distance among the positives —
// Pearson and Spearman over the pairs i < j, and Pearson against the kernel distance of
// S_ker's top-10 eigenpairs — once after training and, with train.snapshotEvery, during it.
import type { ExperimentConfig } from '../../shared/config';
import type { RunMetrics, RunSink } from '../../shared/results';
import type { Dataset, Measure, Weights } from '../../shared/types';
import { geodesicMatrix } from '../data';
import { elasticitySnapshot, kernelDistance, pairCorrelation } from '../elasticity';
import { pearson } from '../metrics';
import { upperPairs } from '../elasticity';
import { probeInput } from './probeInput';

type SyntheticMetrics = Pick<RunMetrics, 'pearson' | 'spearman' | 'kernelDistancePearson'>;

/** Geodesic distances among the probes of a synthetic set (m×m), or undefined for other data. */
export function probeGeodesics(config: ExperimentConfig, dataset: Dataset, probeIds: number[]): Float64Array | undefined {
  return config.data.kind === 'synthetic' ? geodesicMatrix(dataset, probeIds) : undefined;
}

export function syntheticAnalysis(
  dataset: Dataset,
  probeIds: number[],
  geodesic: Float64Array,
  matrices: Partial<Record<Measure, Float64Array>>,
  sink?: RunSink,
): SyntheticMetrics {
  const m = probeIds.length;
  sink?.matrix({ name: 'geodesic', rows: m, cols: m, data: geodesic, ids: probeIds, groups: probeIds.map((i) => dataset.group[i]) });
  const out: Required<SyntheticMetrics> = { pearson: {}, spearman: {}, kernelDistancePearson: {} };
  if (m < 3) return out;
  const kernel = matrices.kernelized ?? matrices.ntk;
  const kd = kernel ? upperPairs(kernelDistance(kernel, m, 10), m) : undefined;
  for (const [measure, S] of Object.entries(matrices) as [Measure, Float64Array][]) {
    const c = pairCorrelation(S, geodesic, m);
    out.pearson[measure] = c.pearson;
    out.spearman[measure] = c.spearman;
    if (kd) out.kernelDistancePearson[measure] = pearson(upperPairs(S, m), kd);
  }
  return out;
}

/** A snapshot function for train.snapshotEvery > 0 on synthetic data, else undefined. */
export function makeSnapshotter(
  config: ExperimentConfig,
  dataset: Dataset,
  probeIds: number[],
  geodesic: Float64Array | undefined,
  sink?: RunSink,
): ((epoch: number, weights: Weights) => Promise<void>) | undefined {
  if (!config.train.snapshotEvery || !geodesic) return undefined;
  const groups = probeIds.map((i) => dataset.group[i]);
  const m = probeIds.length;
  return async (epoch, weights) => {
    const { snapshot, matrices } = await elasticitySnapshot(
      epoch,
      probeInput(config, dataset, probeIds, weights),
      geodesic,
    );
    sink?.snapshot(snapshot);
    for (const measure of config.probe.measures) {
      const data = matrices[measure];
      if (data) sink?.matrix({ name: `snapshot-${measure}@${epoch}`, rows: m, cols: m, data, ids: probeIds, groups });
    }
  };
}
