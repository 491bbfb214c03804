import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import { bceLoss, mseLoss } from '../../../../src/engine/train';
import { refLoss } from '../models/reference';

beforeAll(async () => {
  await initBackend();
});

const P = [0.1, 0.5, 0.93, 0.3, 0.77];
const Y = [0, 1, 1, 0, 1];

function valueAndGrad(
  fn: typeof mseLoss,
  p: number[],
  y: number[],
): { value: number; grad: Float32Array } {
  return tf.tidy(() => {
    const yt = tf.tensor1d(y);
    const { value, grad } = tf.valueAndGrad((pt: tf.Tensor) => fn(pt as tf.Tensor1D, yt))(
      tf.tensor1d(p),
    );
    return { value: value.dataSync()[0], grad: grad.dataSync() as Float32Array };
  });
}

describe('losses match PyTorch formulas and their float64 finite differences', () => {
  for (const [name, fn] of [
    ['mse', mseLoss],
    ['bce', bceLoss],
  ] as const) {
    it(`${name}: value within 1e-6, gradient within 1e-4 of central differences`, () => {
      const before = tf.memory().numTensors;
      const { value, grad } = valueAndGrad(fn, P, Y);
      expect(Math.abs(value - refLoss(name, P, Y))).toBeLessThan(1e-6);
      const h = 1e-7;
      P.forEach((_, i) => {
        const up = P.map((v, j) => (j === i ? v + h : v));
        const dn = P.map((v, j) => (j === i ? v - h : v));
        const fd = (refLoss(name, up, Y) - refLoss(name, dn, Y)) / (2 * h);
        expect(Math.abs(grad[i] - fd)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('bce stays finite on a saturated sigmoid (p = 0 or 1), like PyTorch (log clamped at −100)', () => {
    const { value, grad } = valueAndGrad(bceLoss, [1, 0, 1], [0, 1, 1]);
    expect(value).toBeCloseTo((100 + 100 + 0) / 3, 4);
    for (const g of grad) expect(Number.isFinite(g)).toBe(true);
  });
});
