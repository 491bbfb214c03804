// Data → model → training, shared by `le train` and the full pipeline.
import type { ExperimentConfig } from '../../shared/config';
import type { Dataset } from '../../shared/types';
import type { EpochMetrics } from '../../shared/results';
import { loadDataset } from '../data';
import { createModel, type Model } from '../models';
import { trainModel } from '../train';

export interface TrainHooks {
  /** Called after each epoch with the model as it is then (for elasticity snapshots). */
  onEpoch?(row: EpochMetrics & { elapsedSeconds: number; etaSeconds: number }, model: Model): void | Promise<void>;
  signal?: AbortSignal;
}

export interface TrainedModel {
  dataset: Dataset;
  model: Model;
  lossCurve: number[];
  accuracyCurve: number[];
  trainAccuracy: number;
  seconds: number;
}

export async function loadExperimentData(config: ExperimentConfig): Promise<Dataset> {
  return loadDataset(config.data, config.seed);
}

/** Builds the configured model on `dataset` and trains it; the caller disposes the model. */
export async function trainOnDataset(config: ExperimentConfig, dataset: Dataset, hooks: TrainHooks = {}): Promise<TrainedModel> {
  const inputShape = config.model.arch.startsWith('cnn') && dataset.imageShape ? [...dataset.imageShape] : [dataset.d];
  const model = createModel({ arch: config.model.arch, width: config.model.width, inputShape }, config.seed);
  try {
    const result = await trainModel(
      model,
      { x: dataset.x, y: dataset.y, n: dataset.n, d: dataset.d },
      { epochs: config.train.epochs, lr: config.train.lr, batchSize: config.train.batchSize, loss: config.loss, seed: config.seed },
      { onEpoch: hooks.onEpoch && ((e) => hooks.onEpoch?.(e, model)), signal: hooks.signal },
    );
    return { dataset, model, ...result };
  } catch (err) {
    model.dispose();
    throw err;
  }
}
