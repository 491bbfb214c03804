import { describe, it, expect } from 'vitest';
import { scalarBars } from '../../../../src/renderer/charts/compareData';
import type { ScalarRun } from '../../../../src/renderer/charts/compareData';

describe('scalarBars', () => {
  const runs: ScalarRun[] = [
    { id: 1, name: 'a', arch: 'relu2', scalars: { 'pearson.relative': -0.8, 'pearson.kernelized': -0.7, 'clustering.spectral.accuracy': 0.9, 'clustering.spectral.ari': 0.5 } },
    { id: 2, name: 'b', arch: 'linear2', scalars: { 'pearson.relative': 0.1, 'clustering.kmeans-rows.accuracy': 0.55, 'clustering.spectral.accuracy': null } },
  ];
  it('collects categories across runs and leaves gaps', () => {
    expect(scalarBars(runs, 'pearson.')).toEqual({
      categories: ['kernelized', 'relative'],
      runs: [
        { label: '#1 relu2', values: { kernelized: -0.7, relative: -0.8 } },
        { label: '#2 linear2', values: { kernelized: undefined, relative: 0.1 } },
      ],
    });
  });
  it('prefix + suffix select one score per method', () => {
    const b = scalarBars(runs, 'clustering.', '.accuracy');
    expect(b.categories).toEqual(['kmeans-rows', 'spectral']);
    expect(b.runs[1].values).toEqual({ 'kmeans-rows': 0.55, spectral: undefined });
  });
  it('no runs, no categories', () => {
    expect(scalarBars([], 'pearson.')).toEqual({ categories: [], runs: [] });
  });
});
