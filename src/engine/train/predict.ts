// Predictions on host data and their accuracy.
import * as tf from '@tensorflow/tfjs';
import { LeError } from '../../shared/errors';
import type { Model } from '../models';
import { inputSize } from '../models';

/** Rows per forward pass: keeps the widest hidden activation near 16 M floats. */
function chunkRows(model: Model, n: number): number {
  const widest = Math.max(
    model.spec.width,
    inputSize(model.spec),
    20 * model.spec.inputShape.slice(0, 2).reduce((a, b) => a * b, 1),
  );
  return Math.max(1, Math.min(n, Math.floor((1 << 24) / widest)));
}

/**
 * f on every row of x (n × d, row-major), in chunks of `chunkRows` rows (default: sized so the
 * widest activation stays near 16 M floats); float64 copies of the float32 outputs.
 */
export function predict(
  model: Model,
  x: Float64Array,
  n: number,
  d: number,
  options: { chunkRows?: number } = {},
): Float64Array {
  if (!Number.isInteger(n) || n < 0)
    throw new LeError('invalid_input', `predict: n must be an integer ≥ 0, got ${n}`, 'n');
  if (d !== inputSize(model.spec))
    throw new LeError(
      'invalid_input',
      `predict: d is ${d}, the model takes ${inputSize(model.spec)} inputs`,
      'd',
    );
  if (x.length !== n * d)
    throw new LeError(
      'invalid_input',
      `predict: x holds ${x.length} values, n × d = ${n * d}`,
      'x',
    );
  const out = new Float64Array(n);
  const step = options.chunkRows ?? chunkRows(model, n);
  if (!Number.isInteger(step) || step < 1)
    throw new LeError(
      'invalid_input',
      `predict: chunkRows must be an integer ≥ 1, got ${step}`,
      'chunkRows',
    );
  for (let start = 0; start < n; start += step) {
    const rows = Math.min(step, n - start);
    const f = tf.tidy(() =>
      model.apply(
        tf.tensor2d(new Float32Array(x.subarray(start * d, (start + rows) * d)), [rows, d]),
      ),
    );
    try {
      out.set(f.dataSync(), start);
    } finally {
      f.dispose();
    }
  }
  return out;
}

/** Fraction of rows where (f ≥ 0.5 ? 1 : 0) equals the 0/1 label (a NaN prediction counts as 0). */
export function accuracy(pred: ArrayLike<number>, y: ArrayLike<number>): number {
  if (pred.length !== y.length)
    throw new LeError(
      'invalid_input',
      `accuracy: ${pred.length} predictions for ${y.length} labels`,
      'y',
    );
  if (pred.length === 0) throw new LeError('invalid_input', 'accuracy: no predictions', 'pred');
  let correct = 0;
  for (let i = 0; i < pred.length; i++) if ((pred[i] >= 0.5 ? 1 : 0) === y[i]) correct++;
  return correct / pred.length;
}
