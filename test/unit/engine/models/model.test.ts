import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import {
  createModel,
  modelFromWeights,
  inferWidth,
  layerShapes,
  describeArchs,
  parseArch,
} from '../../../../src/engine/models';
import type { ModelSpec } from '../../../../src/engine/models';
import type { ArchName } from '../../../../src/shared/types';
import { LeError } from '../../../../src/shared/errors';
import { refForward, lcgValues, cloneWeights } from './reference';

beforeAll(async () => {
  await initBackend();
});

const specs: ModelSpec[] = [
  { arch: 'linear1', width: 6, inputShape: [4] },
  { arch: 'linear2', width: 6, inputShape: [4] },
  { arch: 'relu2', width: 6, inputShape: [4] },
  { arch: 'sigmoid2', width: 6, inputShape: [4] },
  { arch: 'relu3', width: 6, inputShape: [4] },
  { arch: 'linear3', width: 6, inputShape: [4] },
  { arch: 'resmlp', width: 6, inputShape: [4] },
  { arch: 'relu2-sigmoid', width: 6, inputShape: [4] },
  { arch: 'resmlp-sigmoid', width: 6, inputShape: [4] },
  { arch: 'cnn', width: 9, inputShape: [17, 21, 3] },
  { arch: 'cnn-sigmoid', width: 9, inputShape: [16, 16, 1] },
];

const inputSizeOf = (s: ModelSpec): number => s.inputShape.reduce((a, b) => a * b, 1);

/** Inputs exactly representable in float32, so the reference sees the model's inputs. */
function inputs(n: number, d: number, seed: number, scale = 2): Float64Array {
  return lcgValues(n * d, seed, -scale, scale).map(Math.fround);
}

function applyHost(
  model: ReturnType<typeof createModel>,
  x: Float64Array,
  n: number,
): Float64Array {
  const f = tf.tidy(() => model.apply(tf.tensor2d(new Float32Array(x), [n, x.length / n])));
  const out = Float64Array.from(f.dataSync());
  f.dispose();
  return out;
}

describe('forward pass of every architecture vs a float64 double-loop reference', () => {
  for (const spec of specs) {
    it(`${spec.arch} matches within 1e-5`, () => {
      const n = spec.arch.startsWith('cnn') ? 3 : 7;
      const model = createModel(spec, 11);
      const x = inputs(n, inputSizeOf(spec), 5);
      const got = applyHost(model, x, n);
      const want = refForward(spec, model.getWeights(), x, n);
      expect(got.length).toBe(n);
      for (let i = 0; i < n; i++)
        expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(want[i])),
        );
      model.dispose();
    });
  }

  it('the cnn flattens in PyTorch NCHW order (an HWC flatten would differ)', () => {
    const spec: ModelSpec = { arch: 'cnn', width: 5, inputShape: [20, 20, 2] };
    const model = createModel(spec, 3);
    const x = inputs(2, 800, 9);
    const w = model.getWeights();
    const right = refForward(spec, w, x, 2, 'chw');
    const wrong = refForward(spec, w, x, 2, 'hwc');
    const got = applyHost(model, x, 2);
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(got[i] - right[i])).toBeLessThan(1e-5);
      expect(Math.abs(got[i] - wrong[i])).toBeGreaterThan(1e-4);
    }
    model.dispose();
  });
});

describe('createModel', () => {
  it('draws PyTorch default init U(−1/√fan_in, 1/√fan_in), deterministic in the seed', () => {
    const spec: ModelSpec = { arch: 'cnn', width: 30, inputShape: [16, 16, 2] };
    const a = createModel(spec, 42);
    const b = createModel(spec, 42);
    const c = createModel(spec, 43);
    const [wa, wb, wc] = [a.getWeights(), b.getWeights(), c.getWeights()];
    const fanIns = [2 * 25, 20 * 25, 50, 30];
    wa.layers.forEach((l, k) => {
      const bound = 1 / Math.sqrt(fanIns[k]);
      for (const t of [l.weight, l.bias]) {
        const max = Math.max(...t.data.map(Math.abs));
        expect(max).toBeLessThanOrEqual(bound);
        if (t.data.length >= 50) expect(max).toBeGreaterThan(0.9 * bound);
      }
      expect(l.weight.data).toEqual(wb.layers[k].weight.data);
      expect(l.bias.data).toEqual(wb.layers[k].bias.data);
    });
    expect(wa.layers[1].weight.data).not.toEqual(wc.layers[1].weight.data);
    const all = wa.layers[1].weight.data;
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    expect(Math.abs(mean)).toBeLessThan(0.05 * (1 / Math.sqrt(500)));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('works at width 1 and lays out variables in Weights order', () => {
    const m = createModel({ arch: 'relu3', width: 1, inputShape: [2] }, 1);
    expect(m.variables.map((v) => v.shape)).toEqual([[1, 2], [1], [1, 1], [1], [1, 1], [1]]);
    m.dispose();
  });

  it('rejects bad specs naming the field', () => {
    const bad = (spec: Partial<ModelSpec>, field: string): void => {
      try {
        createModel({ arch: 'relu2', width: 4, inputShape: [3], ...spec }, 1);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(LeError);
        expect((err as LeError).field).toBe(field);
        expect((err as LeError).message).toContain(field);
      }
    };
    bad({ width: 0 }, 'model.width');
    bad({ width: 2.5 }, 'model.width');
    bad({ width: Number.NaN }, 'model.width');
    bad({ arch: 'relu4' as ArchName }, 'model.arch');
    bad({ inputShape: [] }, 'model.inputShape');
    bad({ inputShape: [0] }, 'model.inputShape');
    bad({ arch: 'cnn', inputShape: [28, 28] }, 'model.inputShape');
    bad({ arch: 'cnn', inputShape: [15, 28, 1] }, 'model.inputShape');
    expect(() => createModel({ arch: 'relu2', width: 4, inputShape: [3] }, Number.NaN)).toThrow(
      /seed/,
    );
  });

  it('rejects an input of the wrong width', () => {
    const m = createModel({ arch: 'relu2', width: 3, inputShape: [4] }, 1);
    expect(() => tf.tidy(() => m.apply(tf.zeros([2, 5])))).toThrow(/n × 4/);
    m.dispose();
  });
});

describe('weights in and out of a model', () => {
  it('modelFromWeights reproduces a model; setWeights/getWeights round-trip float32 values exactly', () => {
    const spec: ModelSpec = { arch: 'resmlp', width: 5, inputShape: [3] };
    const a = createModel(spec, 7);
    const w = a.getWeights();
    const b = modelFromWeights(spec, w);
    const x = inputs(4, 3, 1);
    expect(applyHost(b, x, 4)).toEqual(applyHost(a, x, 4));
    const other = createModel(spec, 8).getWeights();
    b.setWeights(other);
    expect(b.getWeights()).toEqual(other);
    a.dispose();
    b.dispose();
  });

  it('names the layer whose shape is wrong', () => {
    const spec: ModelSpec = { arch: 'relu2', width: 5, inputShape: [3] };
    const m = createModel(spec, 1);
    const w = m.getWeights();
    const wrong = cloneWeights(w);
    wrong.layers[1].weight = { shape: [1, 4], data: new Float64Array(4) };
    expect(() => modelFromWeights(spec, wrong)).toThrow(
      /layers\.1\.weight has shape \[1, 4\].*needs \[1, 5\]/,
    );
    const short = cloneWeights(w);
    short.layers[0].bias = { shape: [5], data: new Float64Array(4) };
    expect(() => modelFromWeights(spec, short)).toThrow(/layers\.0\.bias holds 4 values/);
    expect(() => modelFromWeights(spec, { layers: [w.layers[0]] })).toThrow(/needs 2 layer/);
    expect(() => m.setWeights(wrong)).toThrow(LeError);
    m.dispose();
  });

  it('inferWidth reads the width back from weights', () => {
    for (const spec of specs) {
      const m = createModel(spec, 2);
      expect(inferWidth(spec.arch, m.getWeights())).toBe(
        parseArch(spec.arch).base === 'linear1' ? 1 : spec.width,
      );
      m.dispose();
    }
    expect(() => inferWidth('relu3', { layers: [] })).toThrow(/3 layer/);
  });

  it('layerShapes and describeArchs cover every architecture', () => {
    expect(describeArchs().map((a) => a.arch)).toEqual([
      'linear1',
      'linear2',
      'relu2',
      'sigmoid2',
      'relu3',
      'linear3',
      'resmlp',
      'cnn',
    ]);
    expect(layerShapes({ arch: 'cnn', width: 500, inputShape: [28, 28, 1] })).toEqual([
      { weight: [20, 1, 5, 5], bias: [20] },
      { weight: [50, 20, 5, 5], bias: [50] },
      { weight: [500, 800], bias: [500] },
      { weight: [1, 500], bias: [1] },
    ]);
    expect(layerShapes({ arch: 'cnn', width: 500, inputShape: [32, 32, 3] })[2].weight).toEqual([
      500, 1250,
    ]);
    expect(
      layerShapes({ arch: 'resmlp-sigmoid', width: 8, inputShape: [784] }).map((l) => l.weight),
    ).toEqual([
      [8, 784],
      [8, 8],
      [1, 8],
    ]);
  });
});

describe('tensor hygiene', () => {
  it('creating, applying, reading, writing and disposing leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    for (const spec of specs) {
      const m = createModel(spec, 1);
      const y = tf.tidy(() => m.apply(tf.ones([2, inputSizeOf(spec)])));
      y.dispose();
      m.setWeights(m.getWeights());
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
