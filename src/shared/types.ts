// Domain types shared by every layer. Plain data only: typed arrays and JSON values.

/** Architecture names of cli.md; a `-sigmoid` suffix adds a sigmoid output (pairs with BCE). */
export const ARCHS = ['linear1', 'linear2', 'relu2', 'sigmoid2', 'relu3', 'linear3', 'resmlp', 'cnn'] as const;
export type BaseArch = (typeof ARCHS)[number];
export type ArchName = BaseArch | `${BaseArch}-sigmoid`;
export const hasSigmoidOutput = (arch: ArchName): boolean => arch.endsWith('-sigmoid');

export const LOSSES = ['mse', 'bce'] as const;
export type LossName = (typeof LOSSES)[number];

export const MEASURES = ['relative', 'kernelized', 'ntk'] as const;
export type Measure = (typeof MEASURES)[number];

export const PROBE_ENGINES = ['auto', 'exact', 'autodiff'] as const;
export type ProbeEngine = (typeof PROBE_ENGINES)[number];

export const SYNTHETIC_NAMES = [
  'torus',
  'folded_boxes',
  'two_cosine',
  'double_helix',
  'two_spheres',
  'two_circles',
] as const;
export type SyntheticName = (typeof SYNTHETIC_NAMES)[number];

export const CLUSTER_METHODS = [
  'kmeans-raw',
  'pca-kmeans',
  'autoencoder-kmeans',
  'kmeans-rows',
  'spectral',
  'kernel-kmeans',
  'kernel-kmeans-authors',
] as const;
export type ClusterMethod = (typeof CLUSTER_METHODS)[number];

export const BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/**
 * A dataset in memory. `x` is row-major n×d float64. `y` holds the 0/1 training labels,
 * `group` the true class used to score clustering (the digit for MNIST, the class for
 * synthetic sets). `coord` is the intrinsic coordinate of synthetic sets (n×coordDim),
 * used by the geodesic distance. `imageShape` is [height, width, channels] for images.
 */
export interface Dataset {
  name: string;
  n: number;
  d: number;
  x: Float64Array;
  y: Float64Array;
  group: Int32Array;
  coord?: Float64Array;
  coordDim?: number;
  imageShape?: [number, number, number];
  /** Names of the true classes indexed by `group` values, when known. */
  classNames?: Record<number, string>;
}

/** A dense tensor in row-major order (PyTorch layout for weights). */
export interface HostTensor {
  shape: number[];
  data: Float64Array;
}

/**
 * Model weights in forward order, PyTorch `nn.Linear` / `nn.Conv2d` layout:
 * dense weight [out, in], conv weight [out, in, kh, kw], bias [out].
 */
export interface Weights {
  layers: { weight: HostTensor; bias: HostTensor }[];
}

/** Progress of long work, streamed to every front end. */
export interface Progress {
  stage: 'data' | 'train' | 'probe' | 'cluster' | 'store' | 'done';
  /** 0..1 within the stage */
  fraction: number;
  /** 0..1 over the whole job, when known */
  overall?: number;
  message: string;
  epoch?: number;
  loss?: number;
  accuracy?: number;
  elapsedSeconds?: number;
  etaSeconds?: number;
}

/** A dense row-major matrix. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}
