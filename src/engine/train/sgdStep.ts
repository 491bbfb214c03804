// One plain SGD step on a batch: w ← w − lr·∇_w L(f(x_batch), y_batch).
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../shared/types';
import type { Model } from '../models';
import { lossFunction } from './losses';

/**
 * Updates the model's variables in place. Returns the batch loss and the number of rows with
 * (f ≥ 0.5 ? 1 : 0) = y, both from the forward pass before the step.
 */
export function sgdStep(
  model: Model,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  lr: tf.Scalar,
  loss: LossName,
): { loss: number; correct: number } {
  const lossFn = lossFunction(loss);
  const stats = tf.tidy(() => {
    const out: { f?: tf.Tensor1D } = {};
    const { value, grads } = tf.variableGrads(() => {
      out.f = tf.keep(model.apply(x));
      return lossFn(out.f, y);
    }, model.variables);
    for (const v of model.variables) v.assign(tf.sub(v, tf.mul(grads[v.name], lr)));
    const f = out.f!;
    const correct = tf.sum(
      tf.cast(tf.equal(tf.cast(tf.greaterEqual(f, 0.5), 'float32'), y), 'float32'),
    );
    f.dispose();
    return tf.stack([value, correct]);
  });
  const [l, c] = stats.dataSync();
  stats.dispose();
  return { loss: l, correct: c };
}
