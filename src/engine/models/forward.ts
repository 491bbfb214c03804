// The forward pass of every architecture, on tfjs core ops. Parameters come in Weights order
// (layer0.weight, layer0.bias, layer1.weight, ...) in PyTorch layout.
import * as tf from '@tensorflow/tfjs';
import { CNN, cnnFeatureSide, parseArch } from './archs';
import type { ModelSpec } from './archs';
import { dense } from './dense';
import { conv2d } from './conv';

type Params = readonly tf.Tensor[];

const d2 = (p: Params, i: number): [tf.Tensor2D, tf.Tensor1D] => [
  p[2 * i] as tf.Tensor2D,
  p[2 * i + 1] as tf.Tensor1D,
];

function mlp(base: string, x: tf.Tensor2D, p: Params): tf.Tensor2D {
  const layer = (h: tf.Tensor2D, i: number, first = false): tf.Tensor2D =>
    dense(h, ...d2(p, i), !first);
  switch (base) {
    case 'linear1':
      return layer(x, 0, true);
    case 'linear2':
      return layer(layer(x, 0, true), 1);
    case 'relu2':
      return layer(tf.relu(layer(x, 0, true)), 1);
    case 'sigmoid2':
      return layer(tf.sigmoid(layer(x, 0, true)), 1);
    case 'linear3':
      return layer(layer(layer(x, 0, true), 1), 2);
    case 'relu3':
      return layer(tf.relu(layer(tf.relu(layer(x, 0, true)), 1)), 2);
    case 'resmlp': {
      const h1 = tf.relu(layer(x, 0, true));
      const h2 = tf.relu(layer(h1, 1));
      return layer(tf.add(h1, h2), 2);
    }
    default:
      throw new Error(`no forward pass for ${base}`);
  }
}

function cnn(spec: ModelSpec, x: tf.Tensor2D, p: Params): tf.Tensor2D {
  const [h, w, c] = spec.inputShape;
  const n = x.shape[0];
  const img = tf.reshape<tf.Rank.R4>(x, [n, h, w, c]);
  const block = (a: tf.Tensor4D, i: number, first: boolean): tf.Tensor4D =>
    tf.maxPool(
      tf.relu(conv2d(a, p[2 * i] as tf.Tensor4D, p[2 * i + 1] as tf.Tensor1D, !first)),
      CNN.pool,
      CNN.pool,
      'valid',
    );
  const feat = block(block(img, 0, true), 1, false);
  // PyTorch flattens NCHW: channel-major, then rows, then columns.
  const flat = tf.reshape<tf.Rank.R2>(tf.transpose(feat, [0, 3, 1, 2]), [
    n,
    CNN.conv2 * cnnFeatureSide(h) * cnnFeatureSide(w),
  ]);
  const hidden = tf.relu(dense(flat, ...d2(p, 2)));
  return dense(hidden, ...d2(p, 3));
}

/** f for each row of x (n × inputSize), after the sigmoid when the arch has a -sigmoid suffix. */
export function forward(spec: ModelSpec, x: tf.Tensor2D, params: Params): tf.Tensor1D {
  const { base, sigmoidOutput } = parseArch(spec.arch);
  const out = base === 'cnn' ? cnn(spec, x, params) : mlp(base, x, params);
  const f = tf.reshape<tf.Rank.R1>(out, [x.shape[0]]);
  return sigmoidOutput ? tf.sigmoid(f) : f;
}
