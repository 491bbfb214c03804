import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { resolveConfig } from '../../../../src/shared/config';
import type { ClusteringResult, ElasticitySnapshot, EpochMetrics, LabelledMatrix, RunSink } from '../../../../src/shared/results';
import type { Progress } from '../../../../src/shared/types';
import { initBackend } from '../../../../src/engine/backend';
import { runExperiment } from '../../../../src/engine/experiment';
import { topEigen } from '../../../../src/engine/cluster';

function memorySink() {
  const got = { epochs: [] as EpochMetrics[], snapshots: [] as ElasticitySnapshot[], matrices: [] as LabelledMatrix[], clustering: [] as ClusteringResult[] };
  const sink: RunSink = {
    epochs: (rows) => got.epochs.push(...rows),
    snapshot: (s) => got.snapshots.push(s),
    matrix: (m) => got.matrices.push(m),
    clustering: (r) => got.clustering.push(r),
  };
  return { sink, got };
}

describe('runExperiment', () => {
  it('synthetic: trains, probes, correlates with the geodesic distance, snapshots, and streams it all to the sink', async () => {
    await initBackend();
    const before = tf.memory().numTensors;
    const config = resolveConfig({
      data: { kind: 'synthetic', name: 'torus', n: 24 },
      model: { arch: 'relu2', width: 32 },
      train: { epochs: 10, lr: 1e-3, snapshotEvery: 5 },
    });
    const { sink, got } = memorySink();
    const progress: Progress[] = [];
    const s = await runExperiment(config, { sink, onProgress: (p) => progress.push(p) });
    expect(s.status).toBe('finished');
    expect(s.probe.engine).toBe('exact');
    expect(got.epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(got.snapshots.map((x) => x.epoch)).toEqual([5, 10]);
    expect(got.snapshots[0].correlations.relative?.pearson).toBeTypeOf('number');
    const names = got.matrices.map((m) => m.name).sort();
    expect(names).toEqual(['geodesic', 'similarity-kernelized', 'similarity-relative', 'snapshot-kernelized@10', 'snapshot-kernelized@5', 'snapshot-relative@10', 'snapshot-relative@5']);
    const rel = got.matrices.find((m) => m.name === 'similarity-relative')!;
    expect(rel.rows).toBe(12);
    expect(rel.ids).toEqual(Array.from({ length: 12 }, (_, i) => i)); // positives come first
    expect(s.metrics.pearson?.relative).toBeGreaterThanOrEqual(-1);
    expect(s.metrics.spearman?.kernelized).toBeLessThanOrEqual(1);
    // the stored spectrum is the top of the full matrix's eigenvalues, descending
    const ker = got.matrices.find((m) => m.name === 'similarity-kernelized')!;
    const spec = s.metrics.spectra?.kernelized ?? [];
    expect(spec).toHaveLength(12);
    expect(spec[0]).toBeCloseTo(topEigen(ker.data, 12, 1).values[0], 8);
    for (let i = 1; i < spec.length; i++) expect(spec[i]).toBeLessThanOrEqual(spec[i - 1] + 1e-9);
    expect(got.clustering).toEqual([]); // synthetic sets cluster nothing by default
    expect(progress.at(-1)).toMatchObject({ stage: 'done', overall: 1 });
    const overall = progress.map((p) => p.overall ?? 0);
    for (let i = 1; i < overall.length; i++) expect(overall[i]).toBeGreaterThanOrEqual(overall[i - 1] - 1e-12);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('MNIST: the baselines and the local-elasticity clusterings, scored against the true digits', async () => {
    const config = resolveConfig({
      data: { kind: 'mnist', primary: [0, 1], auxiliary: [7], perClass: 20, auxiliaryCount: 20 },
      model: { arch: 'relu2', width: 32 },
      train: { epochs: 3 },
      cluster: { methods: ['kmeans-raw', 'pca-kmeans', 'kmeans-rows', 'spectral', 'kernel-kmeans', 'kernel-kmeans-authors'], seeds: 3 },
    });
    const { sink, got } = memorySink();
    const s = await runExperiment(config, { sink });
    expect(Object.keys(s.metrics.clustering).sort()).toEqual(['kernel-kmeans', 'kernel-kmeans-authors', 'kmeans-raw', 'kmeans-rows', 'pca-kmeans', 'spectral']);
    for (const r of Object.values(s.metrics.clustering).filter((x) => x !== undefined)) {
      expect(r.assignments).toHaveLength(40);
      expect(r.accuracy).toBeGreaterThanOrEqual(0.5);
      expect(r.repeats?.seeds).toBe(3);
    }
    // 0 vs 1 on raw pixels is easy: a sanity check that labels and probes line up
    expect(s.metrics.clustering['kmeans-raw']!.accuracy).toBeGreaterThan(0.9);
    expect(got.clustering).toHaveLength(6);
    expect(s.metrics.pearson).toBeUndefined();
  });

  it('cancels during training with an AbortError and disposes the model', async () => {
    await initBackend();
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const config = resolveConfig({ data: { kind: 'synthetic', name: 'two_circles', n: 40 }, model: { arch: 'relu2', width: 16 }, train: { epochs: 100000, lr: 1e-4 } });
    const started = performance.now();
    const run = runExperiment(config, { signal: controller.signal, onProgress: (p) => p.stage === 'train' && (p.epoch ?? 0) > 20 && controller.abort() });
    await expect(run).rejects.toThrow(/cancel/i);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(tf.memory().numTensors).toBe(before);
  });
});
