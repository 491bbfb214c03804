// Acceptance: on the scikit-learn fixtures (test/fixtures/cluster, see its README) each of our
// methods reaches scikit-learn's ARI against the truth within 0.05.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitKernelKmeans, fitKmeans, fitPcaKmeans, fitSpectral } from '../../../../src/engine/cluster';
import { adjustedRandIndex } from '../../../../src/engine/metrics';
import { rbf } from './helpers';

interface Fixture {
  name: string;
  k: number;
  gamma: number;
  gammaGram: number;
  n: number;
  d: number;
  x: number[][];
  labels: number[];
  sklearn: Record<'kmeans' | 'pcaKmeans' | 'spectral' | 'kernelKmeans', { ari: number }>;
}

const load = (name: string): Fixture =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../fixtures/cluster/${name}.json`, import.meta.url)), 'utf8')) as Fixture;

describe.each(['blobs', 'moons', 'circles'])('fixture %s', (name) => {
  const f = load(name);
  const x = { rows: f.n, cols: f.d, data: Float64Array.from(f.x.flat()) };
  const ari = (a: Int32Array): number => adjustedRandIndex(a, f.labels);
  it('K-means and PCA + K-means match sklearn', () => {
    expect(Math.abs(ari(fitKmeans(x, { k: f.k }).assignments) - f.sklearn.kmeans.ari)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(ari(fitPcaKmeans(x, { k: f.k, components: 2 }).assignments) - f.sklearn.pcaKmeans.ari)).toBeLessThanOrEqual(0.05);
  });
  it('spectral clustering on the RBF affinity matches sklearn SpectralClustering(precomputed)', () => {
    expect(Math.abs(ari(fitSpectral(rbf(x, f.gamma), { k: f.k }).assignments) - f.sklearn.spectral.ari)).toBeLessThanOrEqual(0.05);
  });
  it('kernel K-means (robust defaults; authors variant best of 30 starts) matches the numpy reference', () => {
    const G = rbf(x, f.gammaGram);
    expect(Math.abs(ari(fitKernelKmeans(G, { k: f.k }).assignments) - f.sklearn.kernelKmeans.ari)).toBeLessThanOrEqual(0.05);
    const authors = fitKernelKmeans(G, { k: f.k, variant: 'authors', nInit: 30 });
    expect(Math.abs(ari(authors.assignments) - f.sklearn.kernelKmeans.ari)).toBeLessThanOrEqual(0.05);
  });
});
