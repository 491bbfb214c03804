// What the run store hands to the UI and the CLI: plain JSON-able DTOs (typed arrays only in
// LabelledMatrix, which lives in ./results). Numbers that were NaN when written come back as
// null in scalar maps and comparison rows.
import type { ExperimentConfig } from './config';
import type { ClusteringResult, ElasticitySnapshot, EpochMetrics, RunMetrics, RunStatus, RunTimings } from './results';
import type { Measure } from './types';

export const RUN_STATUSES = ['queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted'] as const satisfies readonly RunStatus[];

/** One row of the runs table. */
export interface RunRow {
  id: number;
  /** Stable across export/import (a bundle keeps it). */
  uid: string;
  name: string;
  status: RunStatus;
  experiment: string | null;
  /** `synthetic`, `mnist`, `idx`, `cifar10`, `csv`. */
  dataKind: string;
  /** The synthetic set's name (`torus`, …) or the data kind for image / csv data. */
  dataset: string;
  arch: string;
  width: number | null;
  loss: string;
  measures: Measure[];
  seed: number;
  backend: string;
  appVersion: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  error: string | null;
  tags: string[];
  /**
   * Summary scalars written by `finish`: `trainAccuracy`, `pearson.relative`,
   * `spearman.kernelized`, `clustering.kernel-kmeans.ari`, `timings.trainSeconds`, …
   */
  scalars: Record<string, number | null>;
}

/** Sort keys: a column, or `metric:<scalar key>` (e.g. `metric:clustering.spectral.accuracy`). */
export const RUN_SORT_COLUMNS = [
  'id',
  'name',
  'status',
  'experiment',
  'dataset',
  'arch',
  'loss',
  'seed',
  'backend',
  'createdAt',
  'startedAt',
  'endedAt',
  'trainAccuracy',
] as const;
export type RunSortKey = (typeof RUN_SORT_COLUMNS)[number] | `metric:${string}`;

export interface RunFilter {
  /** Matches the dataset name or the data kind. */
  dataset?: string;
  arch?: string;
  loss?: string;
  /** Runs whose config probes this measure. */
  measure?: Measure;
  tag?: string;
  status?: RunStatus | RunStatus[];
  experiment?: string;
  /** Substring of the name, the config JSON, the error or the notes (case-insensitive). */
  text?: string;
}

export interface RunQuery extends RunFilter {
  sort?: RunSortKey;
  order?: 'asc' | 'desc';
  offset?: number;
  /** Page size, 1..1000 (default 50). */
  limit?: number;
}

export interface RunListPage {
  rows: RunRow[];
  /** Rows matching the filter, over all pages. */
  total: number;
  offset: number;
  limit: number;
}

export type MatrixDtype = 'float64' | 'float32';

/** A stored matrix without its data. */
export interface MatrixInfo {
  name: string;
  rows: number;
  cols: number;
  dtype: MatrixDtype;
  bytes: number;
  createdAt: string;
}

export interface RunNotes {
  markdown: string;
  updatedAt: string;
}

export type ParamScalar = string | number | boolean | null;
/** A config value at a flattened key path (`train.lr`); arrays of scalars stay arrays. */
export type ParamValue = ParamScalar | ParamScalar[];

export interface RunDetail extends RunRow {
  config: ExperimentConfig;
  /** Flattened config: key path → value. */
  params: Record<string, ParamValue>;
  /** Present once `finish` ran. */
  metrics: RunMetrics | null;
  timings: RunTimings | null;
  probe: { engine: 'exact' | 'autodiff'; unmoved: number[] } | null;
  epochs: EpochMetrics[];
  snapshots: ElasticitySnapshot[];
  matrices: MatrixInfo[];
  clustering: ClusteringResult[];
  notes: RunNotes | null;
}

export interface ComparisonRow<T> {
  key: string;
  /** One value per compared run, in `runs` order; null where the run lacks the key. */
  values: T[];
  differs: boolean;
}

export interface RunComparison {
  runs: RunRow[];
  params: ComparisonRow<ParamValue>[];
  metrics: ComparisonRow<number | null>[];
}

export interface ExperimentRow {
  id: number;
  name: string;
  description: string;
  createdAt: string;
  runCount: number;
}
