import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { autoencoderGradients, fitAutoencoderKmeans, trainAutoencoder } from '../../../../src/engine/cluster';
import { initBackend } from '../../../../src/engine/backend';
import { adjustedRandIndex } from '../../../../src/engine/metrics';
import { createRng } from '../../../../src/engine/rng';
import { blobs } from './helpers';

beforeAll(async () => {
  await initBackend();
});

describe('autoencoder', () => {
  it('hand-written gradients match tfjs autodiff of the same loss', () => {
    const rng = createRng(3);
    const shapes = [[6, 5], [5], [5, 3], [3], [3, 5], [5], [5, 6], [6]];
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const params = shapes.map((s) => tf.tensor(Float32Array.from({ length: s.reduce((a, b) => a * b) }, () => rng.normal() * 0.5), s));
      const xb = tf.tensor2d(Float32Array.from({ length: 4 * 6 }, () => rng.normal()), [4, 6]);
      const { loss, grads } = autoencoderGradients(xb, params);
      const auto = tf.grads((...p: tf.Tensor[]) => autoencoderGradients(xb, p).loss)(params);
      expect(loss.dataSync()[0]).toBeGreaterThan(0);
      grads.forEach((g, i) => {
        const a = g.dataSync(), b = auto[i].dataSync();
        for (let t = 0; t < a.length; t++) expect(a[t]).toBeCloseTo(b[t], 5);
      });
    });
    expect(tf.memory().numTensors).toBe(before);
  });
  it('training lowers the loss, is seeded and leaks no tensors; K-means on the code finds blobs', async () => {
    const c0: number[] = new Array<number>(20).fill(0), c1 = c0.map((_, t) => (t < 10 ? 1.5 : 0));
    const { x, labels } = blobs(4, 40, [c0, c1], 0.3);
    const before = tf.memory().numTensors;
    const o = { hidden: 16, code: 4, epochs: 15, batchSize: 20, lr: 1e-2, seed: 5 };
    const a = trainAutoencoder(x, o);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.lossCurve.at(-1)!).toBeLessThan(a.lossCurve[0] * 0.8);
    expect(trainAutoencoder(x, o).codes).toEqual(a.codes);
    const r = await fitAutoencoderKmeans(x, { k: 2, hidden: 16, code: 4, epochs: 15, batchSize: 20, lr: 1e-2, seed: 5 });
    expect(tf.memory().numTensors).toBe(before);
    expect(adjustedRandIndex(r.assignments, labels)).toBe(1);
    expect(r.codes.length).toBe(80 * 4);
  });
});
