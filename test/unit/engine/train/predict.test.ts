import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import { createModel } from '../../../../src/engine/models';
import { accuracy, predict } from '../../../../src/engine/train';
import { lcgValues, refForward } from '../models/reference';

beforeAll(async () => {
  await initBackend();
});

describe('predict', () => {
  it('matches the float64 reference, the same in one chunk or many, without leaking tensors', () => {
    const spec = { arch: 'relu3' as const, width: 7, inputShape: [3] };
    const m = createModel(spec, 4);
    const n = 23;
    const x = lcgValues(n * 3, 8, -3, 3).map(Math.fround);
    const before = tf.memory().numTensors;
    const whole = predict(m, x, n, 3);
    const chunked = predict(m, x, n, 3, { chunkRows: 5 });
    expect(tf.memory().numTensors).toBe(before);
    expect(chunked).toEqual(whole);
    const ref = refForward(spec, m.getWeights(), x, n);
    for (let i = 0; i < n; i++)
      expect(Math.abs(whole[i] - ref[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(ref[i])));
    expect(predict(m, new Float64Array(0), 0, 3)).toEqual(new Float64Array(0));
    expect(() => predict(m, x, n, 4)).toThrow(/takes 3 inputs/);
    expect(() => predict(m, x, n + 1, 3)).toThrow(/n × d/);
    expect(() => predict(m, x, n, 3, { chunkRows: 0 })).toThrow(/chunkRows/);
    m.dispose();
  });
});

describe('accuracy', () => {
  it('thresholds at 0.5 (inclusive) against 0/1 labels', () => {
    expect(accuracy([0.5, 0.4999, 0.9, -3, Number.NaN], [1, 0, 0, 0, 1])).toBeCloseTo(3 / 5, 12);
    expect(accuracy(new Float64Array([1, 0]), new Float64Array([1, 0]))).toBe(1);
  });
  it('rejects empty and mismatched inputs', () => {
    expect(() => accuracy([], [])).toThrow(/no predictions/);
    expect(() => accuracy([1], [1, 0])).toThrow(/1 predictions for 2 labels/);
  });
});
