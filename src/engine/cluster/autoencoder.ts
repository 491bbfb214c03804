// A small fully connected autoencoder d → hidden → code → hidden → d (ReLU on the hidden
// layers, linear code and output), MSE loss, Adam, mini-batches shuffled by the seeded RNG,
// PyTorch-style initialization U(±1/√fan_in) drawn from createRng. Gradients are written
// out by hand with explicit transposes: tfjs-wasm's matMul gradient (transposeA) is ~15×
// slower (docs/platform-notes.md). No tensor outlives the call.
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '../../shared/types';
import { createRng, type Rng } from '../rng';

export interface AutoencoderOptions {
  hidden: number;
  code: number;
  epochs: number;
  batchSize: number;
  lr: number;
  seed: number;
}

export interface AutoencoderResult {
  /** n × code row-major codes of the training rows after training. */
  codes: Float64Array;
  /** Mean training MSE per epoch. */
  lossCurve: number[];
}

function dense(rng: Rng, fanIn: number, fanOut: number): [tf.Variable, tf.Variable] {
  const bound = 1 / Math.sqrt(fanIn);
  const w = Float32Array.from({ length: fanIn * fanOut }, () => rng.uniform(-bound, bound));
  const b = Float32Array.from({ length: fanOut }, () => rng.uniform(-bound, bound));
  // Inside tidy: the initial tensors are released, the variables (which share their data) kept.
  return tf.tidy(() => [tf.variable(tf.tensor2d(w, [fanIn, fanOut])), tf.variable(tf.tensor1d(b))]);
}

/** Trains on the rows of x and returns their codes. Call initBackend() first. */
export function trainAutoencoder(x: Matrix, o: AutoencoderOptions): AutoencoderResult {
  const { rows: n, cols: d } = x;
  const rng = createRng(o.seed);
  const layers = [dense(rng, d, o.hidden), dense(rng, o.hidden, o.code), dense(rng, o.code, o.hidden), dense(rng, o.hidden, d)];
  const optimizer = tf.train.adam(o.lr);
  const X = tf.tensor2d(Float32Array.from(x.data), [n, d]);
  const lossCurve: number[] = [];
  try {
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = rng.permutation(n);
      let total = 0;
      for (let start = 0; start < n; start += o.batchSize) {
        const idx = order.slice(start, Math.min(n, start + o.batchSize));
        const loss = tf.tidy(() => step(tf.gather(X, tf.tensor1d(idx, 'int32')), layers, optimizer));
        total += loss.dataSync()[0] * idx.length;
        loss.dispose();
      }
      lossCurve.push(total / n);
    }
    const codes = new Float64Array(n * o.code);
    for (let start = 0; start < n; start += 1000) {
      const chunk = tf.tidy(() => {
        const xb = X.slice([start, 0], [Math.min(1000, n - start), d]);
        const a1 = tf.relu(tf.add(tf.matMul(xb, layers[0][0]), layers[0][1]));
        return tf.add(tf.matMul(a1, layers[1][0]), layers[1][1]);
      });
      codes.set(chunk.dataSync(), start * o.code);
      chunk.dispose();
    }
    return { codes, lossCurve };
  } finally {
    X.dispose();
    optimizer.dispose();
    for (const [w, b] of layers) {
      w.dispose();
      b.dispose();
    }
  }
}

/** Forward pass and hand-written backward pass of the batch MSE, gradients in `params` order
 * [w1, b1, w2, b2, w3, b3, w4, b4] (weights [in, out]). Call inside tf.tidy. */
export function autoencoderGradients(xb: tf.Tensor2D, params: tf.Tensor[]): { loss: tf.Scalar; grads: tf.Tensor[] } {
  const [w1, b1, w2, b2, w3, b3, w4, b4] = params as [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];
  const z1 = tf.add<tf.Tensor2D>(tf.matMul(xb, w1), b1);
  const a1 = tf.relu(z1);
  const z2 = tf.add<tf.Tensor2D>(tf.matMul(a1, w2), b2);
  const z3 = tf.add<tf.Tensor2D>(tf.matMul(z2, w3), b3);
  const a3 = tf.relu(z3);
  const out = tf.add<tf.Tensor2D>(tf.matMul(a3, w4), b4);
  const diff = tf.sub(out, xb);
  const loss = tf.mean<tf.Scalar>(tf.square(diff));
  const T = (t: tf.Tensor2D): tf.Tensor2D => tf.transpose<tf.Tensor2D>(t);
  const dOut = tf.mul<tf.Tensor2D>(diff, 2 / diff.size);
  const dz3 = tf.mul<tf.Tensor2D>(tf.matMul(dOut, T(w4)), tf.step(z3));
  const dz2 = tf.matMul(dz3, T(w3));
  const dz1 = tf.mul<tf.Tensor2D>(tf.matMul(dz2, T(w2)), tf.step(z1));
  const grads = [
    tf.matMul(T(xb), dz1), tf.sum(dz1, 0),
    tf.matMul(T(a1), dz2), tf.sum(dz2, 0),
    tf.matMul(T(z2), dz3), tf.sum(dz3, 0),
    tf.matMul(T(a3), dOut), tf.sum(dOut, 0),
  ];
  return { loss, grads };
}

/** One Adam step on a batch; returns the batch MSE (a scalar the caller disposes). */
function step(xb: tf.Tensor2D, layers: [tf.Variable, tf.Variable][], optimizer: tf.Optimizer): tf.Scalar {
  const vars = layers.flat();
  const { loss, grads } = autoencoderGradients(xb, vars);
  optimizer.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: grads[i] })));
  return loss;
}
