// Minibatch SGD (plain: w ← w − lr·∇L, no momentum, no weight decay), reshuffled every epoch
// from the seed, last partial batch kept (PyTorch DataLoader, shuffle=True, drop_last=False).
// Per epoch: loss = mean of the batch losses and accuracy = fraction of rows classified right,
// both measured on each batch's forward pass before its step (what a PyTorch loop logs). The
// final trainAccuracy is measured on all data after training.
import * as tf from '@tensorflow/tfjs';
import { LeError } from '../../shared/errors';
import type { LossName } from '../../shared/types';
import type { Model } from '../models';
import { createRng } from '../rng';
import { accuracy, predict } from './predict';
import { sgdStep } from './sgdStep';
import { validateTrainInput } from './validate';

export interface TrainData {
  x: Float64Array;
  y: Float64Array;
  n: number;
  d: number;
}

export interface TrainOptions {
  epochs: number;
  lr: number;
  batchSize: number;
  loss: LossName;
  seed: number;
}

export interface EpochReport {
  /** 1-based number of the epoch just finished. */
  epoch: number;
  loss: number;
  accuracy: number;
  elapsedSeconds: number;
  etaSeconds: number;
}

export interface TrainHooks {
  onEpoch?(e: EpochReport): void | Promise<void>;
  signal?: AbortSignal;
}

export interface TrainResult {
  lossCurve: number[];
  accuracyCurve: number[];
  trainAccuracy: number;
  seconds: number;
  epochsRun: number;
}

/** Longest stretch of synchronous work between two yields to the event loop. */
const YIELD_MS = 50;
const yieldNow = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LeError('cancelled', 'training cancelled');
}

/** Trains `model` in place and reports curves, final accuracy and time. */
export async function trainModel(
  model: Model,
  data: TrainData,
  opts: TrainOptions,
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  validateTrainInput(model, data, opts);
  const { epochs, lr, loss } = opts;
  const { n, d, signal } = { ...data, signal: hooks.signal };
  const batchSize = Math.min(opts.batchSize, n);
  const t0 = performance.now();
  const lossCurve: number[] = [];
  const accuracyCurve: number[] = [];
  checkAbort(signal);
  if (epochs > 0) {
    const rng = createRng(opts.seed);
    const xAll = tf.tensor2d(Float32Array.from(data.x), [n, d]);
    const yAll = tf.tensor1d(Float32Array.from(data.y));
    const lrT = tf.scalar(lr);
    let lastYield = performance.now();
    try {
      for (let epoch = 1; epoch <= epochs; epoch++) {
        const order = batchSize < n ? rng.permutation(n) : undefined;
        let lossSum = 0;
        let correct = 0;
        let batches = 0;
        for (let start = 0; start < n; start += batchSize) {
          checkAbort(signal);
          const end = Math.min(start + batchSize, n);
          const batch = order ? tf.tensor1d(order.subarray(start, end), 'int32') : undefined;
          const xb = batch ? tf.gather(xAll, batch) : xAll;
          const yb = batch ? tf.gather(yAll, batch) : yAll;
          let step: { loss: number; correct: number };
          try {
            step = sgdStep(model, xb, yb, lrT, loss);
          } finally {
            if (batch) tf.dispose([batch, xb, yb]);
          }
          if (!Number.isFinite(step.loss))
            throw new LeError(
              'numeric',
              `loss became ${step.loss} at epoch ${epoch} (lr ${lr} may be too large)`,
              'train.lr',
            );
          lossSum += step.loss;
          correct += step.correct;
          batches++;
          if (performance.now() - lastYield > YIELD_MS) {
            await yieldNow();
            lastYield = performance.now();
          }
        }
        lossCurve.push(lossSum / batches);
        accuracyCurve.push(correct / n);
        const elapsedSeconds = (performance.now() - t0) / 1000;
        await hooks.onEpoch?.({
          epoch,
          loss: lossSum / batches,
          accuracy: correct / n,
          elapsedSeconds,
          etaSeconds: (elapsedSeconds / epoch) * (epochs - epoch),
        });
      }
    } finally {
      tf.dispose([xAll, yAll, lrT]);
    }
  }
  checkAbort(signal);
  const trainAccuracy = accuracy(predict(model, data.x, n, d), data.y);
  return {
    lossCurve,
    accuracyCurve,
    trainAccuracy,
    seconds: (performance.now() - t0) / 1000,
    epochsRun: lossCurve.length,
  };
}
