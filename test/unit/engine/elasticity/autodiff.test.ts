import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import { similarity } from '../../../../src/engine/elasticity';
import { makeProblem, toWeights } from './reference';
import type { ArchName, LossName } from '../../../../src/shared/types';

beforeAll(async () => {
  await initBackend();
});

function relErrors(A: Float64Array, B: Float64Array): number[] {
  return Array.from(A, (v, q) => Math.abs(v - B[q]) / Math.abs(B[q])).sort((x, y) => x - y);
}

describe('autodiff probe (tfjs float32) vs the exact engine', () => {
  const cases: [ArchName, 'relu' | 'linear', boolean, LossName][] = [
    ['relu2', 'relu', false, 'mse'],
    ['linear2', 'linear', false, 'mse'],
    ['relu2-sigmoid', 'relu', true, 'bce'],
  ];
  for (const [arch, act, sigOut, loss] of cases) {
    it(`${arch}: median relative error of S_ker and S_rel ≤ 1e-2 at η = 1e-4`, async () => {
      const n = 16;
      const d = 10;
      const { net, X, y } = makeProblem(11, n, d, 64, act, sigOut);
      const base = { arch, weights: toWeights(net), x: Float64Array.from(X.flat()), n, d, y: Float64Array.from(y), loss, lr: 1e-4, measures: ['relative' as const, 'kernelized' as const, 'ntk' as const] };
      const before = tf.memory().numTensors;
      const progress: number[] = [];
      const auto = await similarity({ ...base, engine: 'autodiff' }, { onProgress: (done) => progress.push(done) });
      expect(tf.memory().numTensors).toBe(before);
      const exact = await similarity({ ...base, engine: 'exact' });
      expect(auto.engine).toBe('autodiff');
      expect(progress.slice(0, n)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      for (const key of ['kernelized', 'relative'] as const) {
        const e = relErrors(auto[key]!, exact[key]!);
        expect(e[Math.floor(e.length / 2)]).toBeLessThan(1e-2);
      }
      // gradient NTK (float32 gradients, float64 Gram) vs the closed form
      const eN = relErrors(auto.ntk!, exact.ntk!);
      expect(eN[eN.length - 1]).toBeLessThan(1e-4);
    });
  }

  it('a probe that cannot move (∂L/∂f = 0) is reported unmoved after η passes 1e4', async () => {
    const { net, X } = makeProblem(5, 4, 3, 8, 'relu', false);
    const f0 = X.map((x) => {
      let z = net.c0;
      net.W.forEach((row, r) => (z += net.a[r] * Math.max(0, row.reduce((s, w, k) => s + w * x[k], net.b[r]))));
      return Math.fround(z);
    });
    // targets equal to the float32 outputs: zero gradient at every probe
    const res = await similarity({ arch: 'relu2', weights: toWeights(net), x: Float64Array.from(X.flat()), n: 4, d: 3, y: Float64Array.from(f0), loss: 'mse', measures: ['relative'], engine: 'autodiff' });
    expect(res.unmoved.length).toBeGreaterThan(0);
    for (const i of res.unmoved) expect(res.relative![i * 4 + i]).toBe(1);
  });

  it('cancels within a second through the AbortSignal', async () => {
    const { net, X, y } = makeProblem(2, 300, 20, 256, 'relu', false);
    const ctl = new AbortController();
    const t0 = performance.now();
    const run = similarity(
      { arch: 'relu2', weights: toWeights(net), x: Float64Array.from(X.flat()), n: 300, d: 20, y: Float64Array.from(y), loss: 'mse', measures: ['kernelized'], engine: 'autodiff' },
      { signal: ctl.signal, onProgress: (done) => done === 3 && ctl.abort() },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(performance.now() - t0).toBeLessThan(1000 + 2000); // three probes plus the abort
  });
});
