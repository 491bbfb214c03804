// The experiment pipeline: config → data → train (or probe the initialization) → probe →
// synthetic analysis → clusterings → metrics. Progress streams through `onProgress`, results
// through the RunSink as soon as each is finished, and the AbortSignal cancels at any stage.
import type { ExperimentConfig } from '../../shared/config';
import type { ExperimentSummary, RunMetrics, RunSink } from '../../shared/results';
import type { Measure, Progress } from '../../shared/types';
import { initBackend } from '../backend';
import { positiveIds } from '../data';
import { similarity } from '../elasticity';
import { topEigen } from '../cluster';
import { EpochBuffer } from './epochBuffer';
import { probeInput } from './probeInput';
import { ProgressTracker } from './progress';
import { loadExperimentData, trainOnDataset } from './trainStep';
import { clusterAll } from './clusterStep';
import { makeSnapshotter, probeGeodesics, syntheticAnalysis } from './syntheticStep';

export interface PipelineHooks {
  sink?: RunSink;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  log?: (msg: string) => void;
}

const MATRIX_NAME: Record<Measure, string> = {
  relative: 'similarity-relative',
  kernelized: 'similarity-kernelized',
  ntk: 'ntk',
};

const SPECTRUM_SIZE = 20;

/** The top eigenvalues of each (symmetric) similarity matrix, from the full float64 matrix. */
function spectra(matrices: Partial<Record<Measure, Float64Array>>, m: number): Partial<Record<Measure, number[]>> {
  const out: Partial<Record<Measure, number[]>> = {};
  if (m < 1) return out;
  for (const [measure, S] of Object.entries(matrices) as [Measure, Float64Array][])
    if (S.every(Number.isFinite)) out[measure] = Array.from(topEigen(S, m, Math.min(SPECTRUM_SIZE, m)).values);
  return out;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const err = new Error('cancelled');
    err.name = 'AbortError';
    throw err;
  }
}

export async function runExperiment(config: ExperimentConfig, hooks: PipelineHooks = {}): Promise<ExperimentSummary> {
  const { sink, signal } = hooks;
  const progress = new ProgressTracker(hooks.onProgress);
  const backend = await initBackend({ log: hooks.log });

  progress.enter('data', `loading ${config.data.kind} data`);
  let t = performance.now();
  const dataset = await loadExperimentData(config);
  const dataSeconds = (performance.now() - t) / 1000;
  const probeIds = positiveIds(dataset);
  const groups = probeIds.map((i) => dataset.group[i]);
  throwIfAborted(signal);

  progress.enter('train', config.train.epochs ? `training ${config.model.arch} for ${config.train.epochs} epochs` : 'probing the initialization');
  const epochs = new EpochBuffer(sink);
  const geodesic = probeGeodesics(config, dataset, probeIds);
  const snapshot = makeSnapshotter(config, dataset, probeIds, geodesic, sink);
  t = performance.now();
  const trained = await trainOnDataset(config, dataset, {
    signal,
    onEpoch: async (e, model) => {
      epochs.push({ epoch: e.epoch, loss: e.loss, accuracy: e.accuracy });
      progress.report(e.epoch / config.train.epochs, `epoch ${e.epoch}/${config.train.epochs}`, {
        epoch: e.epoch,
        loss: e.loss,
        accuracy: e.accuracy,
      });
      if (snapshot && e.epoch % config.train.snapshotEvery === 0) await snapshot(e.epoch, model.getWeights());
    },
  });
  epochs.flush();
  const trainSeconds = (performance.now() - t) / 1000;
  try {
    throwIfAborted(signal);
    progress.enter('probe', `probing ${probeIds.length} examples`);
    t = performance.now();
    const weights = trained.model.getWeights();
    const sim = await similarity(
      probeInput(config, dataset, probeIds, weights),
      { signal, onProgress: (done, total) => progress.report(done / total, `probed ${done}/${total}`) },
    );
    const probeSeconds = (performance.now() - t) / 1000;
    const matrices: Partial<Record<Measure, Float64Array>> = {};
    for (const measure of config.probe.measures) {
      const data = sim[measure];
      if (!data) continue;
      matrices[measure] = data;
      sink?.matrix({ name: MATRIX_NAME[measure], rows: sim.m, cols: sim.m, data, ids: probeIds, groups });
    }

    const metrics: RunMetrics = { trainAccuracy: trained.trainAccuracy, spectra: spectra(matrices, sim.m), clustering: {} };
    if (geodesic) Object.assign(metrics, syntheticAnalysis(dataset, probeIds, geodesic, matrices, sink));

    throwIfAborted(signal);
    progress.enter('cluster', 'clustering');
    t = performance.now();
    metrics.clustering = await clusterAll(config, dataset, probeIds, matrices, {
      signal,
      onResult: (r) => sink?.clustering(r),
      onProgress: (f, msg) => progress.report(f, msg),
    });
    const clusterSeconds = (performance.now() - t) / 1000;
    progress.enter('done', 'finished');
    return {
      config,
      backend: backend.name,
      status: 'finished',
      metrics,
      timings: { dataSeconds, trainSeconds, probeSeconds, clusterSeconds },
      probe: { engine: sim.engine, unmoved: sim.unmoved },
    };
  } finally {
    trained.model.dispose();
  }
}
