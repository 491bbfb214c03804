// Every clustering algorithm behind one shape, for the pipeline, the CLI and the conformance
// suite: name → what input it takes, its parameter spec, and fit(input, params).
import type { Matrix } from '../../shared/types';
import { fitKmeans, KMEANS_PARAMS } from './kmeans';
import { fitKernelKmeans, KERNEL_KMEANS_PARAMS } from './kernelKmeans';
import { fitSpectral, SPECTRAL_PARAMS } from './spectral';
import { fitPcaKmeans, PCA_KMEANS_PARAMS } from './pcaKmeans';
import { fitAutoencoderKmeans, AUTOENCODER_KMEANS_PARAMS } from './autoencoderKmeans';
import type { FieldSpec } from './params';

export interface ClusterFit {
  assignments: Int32Array;
  objective: number;
  params: object;
}

export interface ClusterAlgorithm {
  /** 'features': n × d data rows; 'gram': an n × n kernel matrix; 'affinity': an n × n similarity. */
  input: 'features' | 'gram' | 'affinity';
  params: Record<string, FieldSpec>;
  fit(input: Matrix, params?: Record<string, unknown>): ClusterFit | Promise<ClusterFit>;
}

const spec = (s: object): Record<string, FieldSpec> => s as Record<string, FieldSpec>;

export const CLUSTER_ALGORITHMS = {
  kmeans: { input: 'features', params: spec(KMEANS_PARAMS), fit: (x, p) => fitKmeans(x, p) },
  'pca-kmeans': { input: 'features', params: spec(PCA_KMEANS_PARAMS), fit: (x, p) => fitPcaKmeans(x, p) },
  'autoencoder-kmeans': { input: 'features', params: spec(AUTOENCODER_KMEANS_PARAMS), fit: (x, p) => fitAutoencoderKmeans(x, p) },
  spectral: { input: 'affinity', params: spec(SPECTRAL_PARAMS), fit: (a, p) => fitSpectral(a, p) },
  'kernel-kmeans': {
    input: 'gram',
    params: spec(KERNEL_KMEANS_PARAMS.robust),
    fit: (g, p) => fitKernelKmeans(g, { ...p, variant: 'robust' }),
  },
  'kernel-kmeans-authors': {
    input: 'gram',
    params: spec(KERNEL_KMEANS_PARAMS.authors),
    fit: (g, p) => fitKernelKmeans(g, { ...p, variant: 'authors' }),
  },
} satisfies Record<string, ClusterAlgorithm>;

export type ClusterAlgorithmName = keyof typeof CLUSTER_ALGORITHMS;
