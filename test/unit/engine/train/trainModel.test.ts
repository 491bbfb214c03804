import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import { createModel } from '../../../../src/engine/models';
import type { ModelSpec } from '../../../../src/engine/models';
import { trainModel, predict, accuracy } from '../../../../src/engine/train';
import type { TrainOptions } from '../../../../src/engine/train';
import { LeError } from '../../../../src/shared/errors';
import type { Weights } from '../../../../src/shared/types';
import { cloneWeights, lcgValues, refForward, refLoss } from '../models/reference';

beforeAll(async () => {
  await initBackend();
});

const sizeOf = (s: ModelSpec): number => s.inputShape.reduce((a, b) => a * b, 1);

function dataFor(
  spec: ModelSpec,
  n: number,
  seed: number,
): { x: Float64Array; y: Float64Array; n: number; d: number } {
  const d = sizeOf(spec);
  return {
    x: lcgValues(n * d, seed, -2, 2).map(Math.fround),
    y: Float64Array.from({ length: n }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0)),
    n,
    d,
  };
}

/** Central differences of the float64 reference loss at the given parameter positions. */
function fdGrad(
  spec: ModelSpec,
  w: Weights,
  data: ReturnType<typeof dataFor>,
  loss: 'mse' | 'bce',
  k: number,
  part: 'weight' | 'bias',
  idx: number[],
): number[] {
  const h = 1e-6;
  return idx.map((i) => {
    const at = (delta: number): number => {
      const v = cloneWeights(w);
      v.layers[k][part].data[i] += delta;
      return refLoss(loss, refForward(spec, v, data.x, data.n), data.y);
    };
    return (at(h) - at(-h)) / (2 * h);
  });
}

describe('one SGD step equals lr × the finite-difference gradient of the float64 reference loss', () => {
  const cases: [ModelSpec, 'mse' | 'bce'][] = [
    [{ arch: 'linear1', width: 1, inputShape: [3] }, 'mse'],
    [{ arch: 'linear2', width: 4, inputShape: [3] }, 'mse'],
    [{ arch: 'relu2', width: 4, inputShape: [3] }, 'mse'],
    [{ arch: 'sigmoid2', width: 4, inputShape: [3] }, 'mse'],
    [{ arch: 'relu3', width: 4, inputShape: [3] }, 'mse'],
    [{ arch: 'linear3', width: 4, inputShape: [3] }, 'mse'],
    [{ arch: 'resmlp', width: 4, inputShape: [3] }, 'mse'],
    [{ arch: 'relu2-sigmoid', width: 4, inputShape: [3] }, 'bce'],
    [{ arch: 'linear1-sigmoid', width: 1, inputShape: [3] }, 'bce'],
    [{ arch: 'cnn', width: 3, inputShape: [16, 17, 2] }, 'mse'],
  ];
  for (const [spec, loss] of cases) {
    it(`${spec.arch} (${loss}): |Δw/lr − ∇L| ≤ 1e-4 + 2e-3·|∇L|`, async () => {
      const lr = 0.05;
      const data = dataFor(spec, spec.arch === 'cnn' ? 2 : 6, 17);
      const model = createModel(spec, 5);
      const w0 = model.getWeights();
      await trainModel(model, data, { epochs: 1, lr, batchSize: data.n, loss, seed: 1 });
      const w1 = model.getWeights();
      w0.layers.forEach((l, k) => {
        for (const part of ['weight', 'bias'] as const) {
          const size = l[part].data.length;
          const idx =
            size <= 40
              ? [...Array(size).keys()]
              : [...lcgValues(12, k + 7, 0, size)].map(Math.floor);
          const fd = fdGrad(spec, w0, data, loss, k, part, idx);
          idx.forEach((i, j) => {
            const step = (l[part].data[i] - w1.layers[k][part].data[i]) / lr;
            expect(Math.abs(step - fd[j])).toBeLessThanOrEqual(1e-4 + 2e-3 * Math.abs(fd[j]));
          });
        }
      });
      model.dispose();
    });
  }
});

/** Two well-separated Gaussian-ish blobs in 2-D, labels 0/1. */
function toy(n: number): { x: Float64Array; y: Float64Array; n: number; d: number } {
  const u = lcgValues(2 * n, 99, -1, 1);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    const c = y[i] ? 1.5 : -1.5;
    x[2 * i] = c + u[2 * i];
    x[2 * i + 1] = -c + u[2 * i + 1];
  }
  return { x, y, n, d: 2 };
}

describe('trainModel', () => {
  it('reaches ≥ 0.95 train accuracy on a separable toy set (MSE and BCE), leaking no tensors', async () => {
    const data = toy(200);
    for (const [arch, loss] of [
      ['relu2', 'mse'],
      ['relu2-sigmoid', 'bce'],
    ] as const) {
      const model = createModel({ arch, width: 16, inputShape: [2] }, 3);
      const before = tf.memory().numTensors;
      const epochs: number[] = [];
      const r = await trainModel(
        model,
        data,
        { epochs: 15, lr: 0.05, batchSize: 20, loss, seed: 1 },
        {
          onEpoch: async (e) => {
            epochs.push(e.epoch);
            expect(e.etaSeconds).toBeGreaterThanOrEqual(0);
            await Promise.resolve();
          },
        },
      );
      expect(tf.memory().numTensors).toBe(before);
      expect(r.trainAccuracy).toBeGreaterThanOrEqual(0.95);
      expect(r.trainAccuracy).toBe(accuracy(predict(model, data.x, data.n, 2), data.y));
      expect(epochs).toEqual([...Array(15).keys()].map((i) => i + 1));
      expect(r.epochsRun).toBe(15);
      expect(r.lossCurve).toHaveLength(15);
      expect(r.accuracyCurve).toHaveLength(15);
      expect(r.lossCurve[14]).toBeLessThan(r.lossCurve[0]);
      model.dispose();
    }
  });

  it('is deterministic in the seed, and the seed changes the batch order', async () => {
    const spec: ModelSpec = { arch: 'relu2', width: 5, inputShape: [2] };
    const run = async (seed: number): Promise<Weights> => {
      const m = createModel(spec, 1);
      await trainModel(m, toy(40), { epochs: 3, lr: 0.05, batchSize: 7, loss: 'mse', seed });
      const w = m.getWeights();
      m.dispose();
      return w;
    };
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(b).toEqual(a);
    expect(c.layers[0].weight.data).not.toEqual(a.layers[0].weight.data);
  });

  it('epochs 0 trains nothing and reports the accuracy of the initialization', async () => {
    const m = createModel({ arch: 'relu2', width: 5, inputShape: [2] }, 1);
    const data = toy(30);
    const w0 = m.getWeights();
    const r = await trainModel(m, data, { epochs: 0, lr: 0.1, batchSize: 5, loss: 'mse', seed: 1 });
    expect(r).toMatchObject({ lossCurve: [], accuracyCurve: [], epochsRun: 0 });
    expect(r.trainAccuracy).toBe(accuracy(predict(m, data.x, data.n, 2), data.y));
    expect(m.getWeights()).toEqual(w0);
    m.dispose();
  });

  it('a batch larger than n is one full batch; the batch loss is PyTorch MSE on the weights before the step', async () => {
    const spec: ModelSpec = { arch: 'relu2', width: 5, inputShape: [2] };
    const m = createModel(spec, 2);
    const data = toy(10);
    const want = refLoss('mse', refForward(spec, m.getWeights(), data.x, 10), data.y);
    const r = await trainModel(m, data, {
      epochs: 1,
      lr: 0.01,
      batchSize: 1000,
      loss: 'mse',
      seed: 1,
    });
    expect(Math.abs(r.lossCurve[0] - want)).toBeLessThan(1e-5);
    m.dispose();
  });

  it('stops on a NaN/Inf loss naming the epoch and the learning rate', async () => {
    const m = createModel({ arch: 'linear1', width: 1, inputShape: [2] }, 1);
    const data = {
      x: Float64Array.from({ length: 40 }, (_, i) => (i % 5) * 10),
      y: new Float64Array(20),
      n: 20,
      d: 2,
    };
    let lastEpoch = 0;
    const before = tf.memory().numTensors;
    const err = await trainModel(
      m,
      data,
      { epochs: 500, lr: 3, batchSize: 20, loss: 'mse', seed: 1 },
      {
        onEpoch: (e) => {
          lastEpoch = e.epoch;
        },
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LeError);
    expect((err as LeError).code).toBe('numeric');
    expect((err as LeError).message).toMatch(
      new RegExp(
        `^loss became (NaN|Infinity) at epoch ${lastEpoch + 1} \\(lr 3 may be too large\\)$`,
      ),
    );
    expect(lastEpoch).toBeGreaterThan(1);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('cancels within 1 s of an abort, and at once when already aborted', async () => {
    const spec: ModelSpec = { arch: 'relu2', width: 256, inputShape: [64] };
    const m = createModel(spec, 1);
    const data = dataFor(spec, 2000, 3);
    const before = tf.memory().numTensors;
    const ctl = new AbortController();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      ctl.abort();
    }, 300);
    const err = await trainModel(
      m,
      data,
      { epochs: 100000, lr: 1e-3, batchSize: 50, loss: 'mse', seed: 1 },
      { signal: ctl.signal },
    ).catch((e: unknown) => e);
    const lag = performance.now() - abortedAt;
    expect(abortedAt).toBeGreaterThan(0);
    expect((err as LeError).code).toBe('cancelled');
    expect(lag).toBeLessThan(1000);
    expect(tf.memory().numTensors).toBe(before);
    const done = new AbortController();
    done.abort();
    await expect(
      trainModel(
        m,
        data,
        { epochs: 1, lr: 1e-3, batchSize: 50, loss: 'mse', seed: 1 },
        { signal: done.signal },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
    m.dispose();
  });

  it('validates options and data, naming the field', async () => {
    const m = createModel({ arch: 'relu2', width: 3, inputShape: [2] }, 1);
    const data = toy(10);
    const ok: TrainOptions = { epochs: 1, lr: 0.1, batchSize: 5, loss: 'mse', seed: 1 };
    const bad = async (
      opts: Partial<TrainOptions>,
      field: string,
      d: Partial<typeof data> = {},
    ): Promise<void> => {
      await expect(trainModel(m, { ...data, ...d }, { ...ok, ...opts })).rejects.toMatchObject({
        code: 'invalid_input',
        field,
      });
    };
    await bad({ epochs: -1 }, 'train.epochs');
    await bad({ epochs: 1.5 }, 'train.epochs');
    await bad({ lr: 0 }, 'train.lr');
    await bad({ lr: Number.POSITIVE_INFINITY }, 'train.lr');
    await bad({ lr: Number.NaN }, 'train.lr');
    await bad({ batchSize: 0 }, 'train.batchSize');
    await bad({ loss: 'hinge' as 'mse' }, 'loss');
    await bad({ loss: 'bce' }, 'loss'); // no sigmoid output
    await bad({ seed: Number.NaN }, 'seed');
    await bad({}, 'data.n', { n: 0, x: new Float64Array(0), y: new Float64Array(0) });
    await bad({}, 'data.d', { d: 3 });
    await bad({}, 'data.x', { x: new Float64Array(5) });
    await bad({}, 'data.x', { x: Float64Array.from(data.x, (v, i) => (i === 7 ? Number.NaN : v)) });
    await bad({}, 'data.y', {
      y: Float64Array.from(data.y, (v, i) => (i === 3 ? Number.POSITIVE_INFINITY : v)),
    });
    m.dispose();
  });
});
