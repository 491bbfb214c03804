import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import { dense, densePlain } from '../../../../src/engine/models/dense';
import { conv2d } from '../../../../src/engine/models/conv';
import { lcgValues } from './reference';

beforeAll(async () => {
  await initBackend();
});

const t = (shape: number[], seed: number): tf.Tensor =>
  tf.tensor(
    Float32Array.from(
      lcgValues(
        shape.reduce((a, b) => a * b, 1),
        seed,
      ),
    ),
    shape,
  );

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  expect(a.shape).toEqual(b.shape);
  const [x, y] = [a.dataSync(), b.dataSync()];
  let m = 0;
  for (let i = 0; i < x.length; i++)
    m = Math.max(m, Math.abs(x[i] - y[i]) / Math.max(1, Math.abs(y[i])));
  return m;
}

describe('dense with a custom gradient', () => {
  it('value and gradients (x, W, b) equal tf.grads of the plain x·Wᵀ + b within 1e-5', () => {
    tf.tidy(() => {
      const [x, w, b, r] = [t([7, 5], 1), t([4, 5], 2), t([4], 3), t([7, 4], 4)];
      const loss =
        (layer: typeof densePlain) =>
        (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor): tf.Scalar =>
          tf.sum(
            tf.mul(tf.tanh(layer(xi as tf.Tensor2D, wi as tf.Tensor2D, bi as tf.Tensor1D)), r),
          );
      expect(
        maxDiff(
          dense(x as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D),
          densePlain(x as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D),
        ),
      ).toBeLessThan(1e-6);
      const custom = tf.grads(loss((a, c, d) => dense(a, c, d)))([x, w, b]);
      const plain = tf.grads(loss(densePlain))([x, w, b]);
      for (let i = 0; i < 3; i++) expect(maxDiff(custom[i], plain[i])).toBeLessThan(1e-5);
      // Without the input gradient, W and b still get the same gradients.
      const paramsOnly = tf.grads((wi: tf.Tensor, bi: tf.Tensor) =>
        loss((a, c, d) => dense(a, c, d, false))(x, wi, bi),
      )([w, b]);
      expect(maxDiff(paramsOnly[0], plain[1])).toBeLessThan(1e-5);
      expect(maxDiff(paramsOnly[1], plain[2])).toBeLessThan(1e-5);
    });
  });

  it('leaves no tensors behind and rejects mismatched shapes', () => {
    const [x, w, b] = [t([3, 2], 1), t([4, 2], 2), t([4], 3)];
    const before = tf.memory().numTensors;
    const g = tf.grads((wi: tf.Tensor) =>
      tf.sum(dense(x as tf.Tensor2D, wi as tf.Tensor2D, b as tf.Tensor1D)),
    )([w]);
    tf.dispose(g);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => dense(x as tf.Tensor2D, tf.zeros([4, 3]), b as tf.Tensor1D)).toThrow(/do not fit/);
    tf.dispose([x, w, b]);
  });
});

/** [n, h, w, c] → [n·ho·wo, k·k·c] image patches, columns ordered (ki, kj, c). */
function im2col(x: tf.Tensor4D, k: number): tf.Tensor2D {
  const [n, h, w, c] = x.shape;
  const parts: tf.Tensor4D[] = [];
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) parts.push(tf.slice(x, [0, i, j, 0], [n, h - k + 1, w - k + 1, c]));
  return tf.reshape(tf.concat(parts, 3), [n * (h - k + 1) * (w - k + 1), k * k * c]);
}

/** conv as im2col + matMul, differentiated by tfjs itself (slice/concat/matMul all have wasm gradients). */
function convPlain(x: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D): tf.Tensor4D {
  const [out, inC, k] = f.shape;
  const [n, h, w] = x.shape;
  const cols = tf.reshape(tf.transpose(f, [2, 3, 1, 0]), [k * k * inC, out]);
  return tf.reshape(tf.add(tf.matMul(im2col(x, k), cols), b), [n, h - k + 1, w - k + 1, out]);
}

describe('conv2d with a custom gradient (PyTorch filter layout)', () => {
  it('value and gradients (x, filter, b) equal tfjs autodiff of im2col·matMul within 1e-5', () => {
    tf.tidy(() => {
      const [x, f, b, r] = [t([2, 9, 8, 3], 1), t([4, 3, 5, 5], 2), t([4], 3), t([2, 5, 4, 4], 4)];
      const loss =
        (layer: typeof convPlain) =>
        (xi: tf.Tensor, fi: tf.Tensor, bi: tf.Tensor): tf.Scalar =>
          tf.sum(
            tf.mul(
              tf.tanh(tf.mul(layer(xi as tf.Tensor4D, fi as tf.Tensor4D, bi as tf.Tensor1D), 0.2)),
              r,
            ),
          );
      expect(
        maxDiff(
          conv2d(x as tf.Tensor4D, f as tf.Tensor4D, b as tf.Tensor1D),
          convPlain(x as tf.Tensor4D, f as tf.Tensor4D, b as tf.Tensor1D),
        ),
      ).toBeLessThan(1e-5);
      const custom = tf.grads(loss((a, c, d) => conv2d(a, c, d)))([x, f, b]);
      const plain = tf.grads(loss(convPlain))([x, f, b]);
      for (let i = 0; i < 3; i++) expect(maxDiff(custom[i], plain[i])).toBeLessThan(1e-5);
      const paramsOnly = tf.grads((fi: tf.Tensor, bi: tf.Tensor) =>
        loss((a, c, d) => conv2d(a, c, d, false))(x, fi, bi),
      )([f, b]);
      expect(maxDiff(paramsOnly[0], plain[1])).toBeLessThan(1e-5);
    });
  });

  it('matches a double-loop cross-correlation on one position', () => {
    tf.tidy(() => {
      const [x, f, b] = [t([1, 6, 7, 2], 5), t([3, 2, 5, 5], 6), t([3], 7)];
      const y = conv2d(x as tf.Tensor4D, f as tf.Tensor4D, b as tf.Tensor1D);
      expect(y.shape).toEqual([1, 2, 3, 3]);
      const [xs, fs, bs, ys] = [x.dataSync(), f.dataSync(), b.dataSync(), y.dataSync()];
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 3; j++)
          for (let o = 0; o < 3; o++) {
            let s = bs[o];
            for (let c = 0; c < 2; c++)
              for (let ki = 0; ki < 5; ki++)
                for (let kj = 0; kj < 5; kj++)
                  s += fs[((o * 2 + c) * 5 + ki) * 5 + kj] * xs[((i + ki) * 7 + (j + kj)) * 2 + c];
            expect(Math.abs(ys[(i * 3 + j) * 3 + o] - s)).toBeLessThan(1e-5);
          }
    });
  });

  it('leaves no tensors behind and rejects mismatched shapes', () => {
    const [x, f, b] = [t([1, 6, 6, 2], 1), t([3, 2, 5, 5], 2), t([3], 3)];
    const before = tf.memory().numTensors;
    const g = tf.grads((xi: tf.Tensor, fi: tf.Tensor) =>
      tf.sum(conv2d(xi as tf.Tensor4D, fi as tf.Tensor4D, b as tf.Tensor1D)),
    )([x, f]);
    tf.dispose(g);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => conv2d(x as tf.Tensor4D, tf.zeros([3, 1, 5, 5]), b as tf.Tensor1D)).toThrow(
      /do not fit/,
    );
    tf.dispose([x, f, b]);
  });
});
