// What an experiment produces: the shape shared by the pipeline, the store, the CLI and the UI.
import type { ExperimentConfig } from './config';
import type { BackendName, ClusterMethod, Measure } from './types';

export interface ClusterScores {
  accuracy: number;
  hungarianAccuracy: number;
  ari: number;
  nmi: number;
}

export interface ClusteringResult extends ClusterScores {
  method: ClusterMethod;
  /** Cluster of each probed example, in probe order. */
  assignments: number[];
  /** The method's objective (inertia, kernel K-means objective) where it has one. */
  objective?: number;
  /** Over `cluster.seeds` repeats: mean and sd of each score (present when seeds > 1). */
  repeats?: { seeds: number; mean: ClusterScores; sd: ClusterScores; objectives: number[] };
}

export interface CorrelationPair {
  pearson: number;
  spearman: number;
}

/** One point of the "elasticity during training" series. */
export interface ElasticitySnapshot {
  epoch: number;
  /** Correlation of S with geodesic distance, per measure (synthetic data). */
  correlations: Partial<Record<Measure, CorrelationPair>>;
}

export interface EpochMetrics {
  epoch: number;
  loss: number;
  accuracy: number;
}

export interface RunMetrics {
  trainAccuracy: number;
  /** Pearson(S, geodesic distance) among the positives (synthetic data). */
  pearson?: Partial<Record<Measure, number>>;
  spearman?: Partial<Record<Measure, number>>;
  /** Pearson(S, kernel distance from the top-10 eigenpairs of S_ker) (synthetic data). */
  kernelDistancePearson?: Partial<Record<Measure, number>>;
  /** The top eigenvalues (up to 20, descending) of each similarity matrix. */
  spectra?: Partial<Record<Measure, number[]>>;
  clustering: Partial<Record<ClusterMethod, ClusteringResult>>;
}

export interface RunTimings {
  dataSeconds: number;
  trainSeconds: number;
  probeSeconds: number;
  clusterSeconds: number;
}

/** The examples a run's matrices index: dataset row ids and their true classes. */
export interface ProbeSet {
  ids: number[];
  groups: number[];
}

export type RunStatus = 'queued' | 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted';

export interface ExperimentSummary {
  config: ExperimentConfig;
  backend: BackendName;
  status: RunStatus;
  metrics: RunMetrics;
  timings: RunTimings;
  probe: { engine: 'exact' | 'autodiff'; unmoved: number[] };
}

/** A matrix as stored with a run: what it is, and the examples its rows/columns index. */
export interface LabelledMatrix {
  /** e.g. 'similarity-relative', 'similarity-kernelized', 'ntk', 'geodesic', 'snapshot-kernelized@500' */
  name: string;
  rows: number;
  cols: number;
  data: Float64Array;
  ids: number[];
  groups: number[];
}

/**
 * Where the pipeline writes as it goes, so a crash keeps what was finished. The store
 * implements it; the CLI and the app wire it; the pipeline knows nothing of SQLite.
 */
export interface RunSink {
  epochs(rows: EpochMetrics[]): void;
  snapshot(s: ElasticitySnapshot): void;
  matrix(m: LabelledMatrix): void;
  clustering(r: ClusteringResult): void;
}
