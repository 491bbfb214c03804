// Training losses on a batch, as PyTorch computes them.
// MSE (nn.MSELoss): mean over the batch of (f − y)².
// BCE (nn.BCELoss) on the sigmoid output p: mean of −[y·log p + (1 − y)·log(1 − p)], each log
// clamped at −100, and the gradient dL/dp = (p − y) / max(p(1 − p), 1e-12) / n, so a saturated
// sigmoid gives a large finite loss instead of Inf/NaN.
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../shared/types';

const LOG_FLOOR = -100;
const EPS = 1e-12;

export function mseLoss(f: tf.Tensor1D, y: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.square(tf.sub(f, y)));
}

const bce = tf.customGrad<tf.Scalar>((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [p, y, save] = args as [tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
  save([p, y]);
  const logP = tf.maximum(tf.log(p), LOG_FLOOR);
  const log1mP = tf.maximum(tf.log(tf.sub(1, p)), LOG_FLOOR);
  const value = tf.neg(tf.mean<tf.Scalar>(tf.add(tf.mul(y, logP), tf.mul(tf.sub(1, y), log1mP))));
  return {
    value,
    gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => {
      const [ps, ys] = saved as [tf.Tensor1D, tf.Tensor1D];
      const denom = tf.maximum(tf.mul(ps, tf.sub(1, ps)), EPS);
      const dp = tf.mul(tf.div(tf.sub(ps, ys), denom), tf.div(dy, ps.shape[0]));
      return [dp, tf.zerosLike(ys)];
    },
  };
});

export function bceLoss(p: tf.Tensor1D, y: tf.Tensor1D): tf.Scalar {
  return bce(p, y);
}

export function lossFunction(name: LossName): (f: tf.Tensor1D, y: tf.Tensor1D) => tf.Scalar {
  return name === 'bce' ? bceLoss : mseLoss;
}
