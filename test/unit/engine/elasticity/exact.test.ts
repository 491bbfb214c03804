import { describe, it, expect } from 'vitest';
import { similarity } from '../../../../src/engine/elasticity';
import { makeProblem, refSimilarity, sym, toWeights, maxRelError } from './reference';
import type { ArchName, LossName } from '../../../../src/shared/types';

const cases: { arch: ArchName; act: 'relu' | 'linear' | 'sigmoid'; sigOut: boolean; loss: LossName; width: number }[] = [
  { arch: 'relu2', act: 'relu', sigOut: false, loss: 'mse', width: 48 },
  { arch: 'linear2', act: 'linear', sigOut: false, loss: 'mse', width: 16 },
  { arch: 'relu2-sigmoid', act: 'relu', sigOut: true, loss: 'bce', width: 64 },
  { arch: 'sigmoid2', act: 'sigmoid', sigOut: false, loss: 'mse', width: 32 },
  { arch: 'sigmoid2-sigmoid', act: 'sigmoid', sigOut: true, loss: 'mse', width: 24 },
];

describe('exact two-layer engine vs explicit finite steps (float64 reference)', () => {
  for (const c of cases) {
    it(`${c.arch} + ${c.loss}: relative, kernelized and NTK to 1e-9`, async () => {
      const n = 12;
      const d = 5;
      const eta = 1e-3;
      const { net, X, y } = makeProblem(7, n, d, c.width, c.act, c.sigOut);
      const ref = refSimilarity(net, X, y, c.loss, eta);
      const res = await similarity({
        arch: c.arch, weights: toWeights(net), x: Float64Array.from(X.flat()), n, d, y: Float64Array.from(y),
        loss: c.loss, lr: eta, measures: ['relative', 'kernelized', 'ntk'], engine: 'exact',
      });
      expect(res.engine).toBe('exact');
      expect(res.m).toBe(n);
      const eRel = maxRelError(res.relative!, sym(ref.rel));
      const eKer = maxRelError(res.kernelized!, sym(ref.ker));
      const eNtk = maxRelError(res.ntk!, ref.ntk);
      expect(eRel).toBeLessThan(1e-9);
      expect(eKer).toBeLessThan(1e-9);
      expect(eNtk).toBeLessThan(1e-9);
      if (c.act === 'relu') expect(res.flips).toBeGreaterThan(0);
    });
  }

  it('inputs with constant columns (folded into the bias) still match the reference to 1e-9', async () => {
    const n = 12;
    const d = 7;
    const eta = 1e-3;
    const { net, X, y } = makeProblem(11, n, d, 40, 'relu', false);
    for (const row of X) {
      row[1] = -1;
      row[4] = 0.75;
      row[6] = -1;
    }
    const ref = refSimilarity(net, X, y, 'mse', eta);
    const res = await similarity({
      arch: 'relu2', weights: toWeights(net), x: Float64Array.from(X.flat()), n, d, y: Float64Array.from(y),
      loss: 'mse', lr: eta, measures: ['relative', 'kernelized', 'ntk'], engine: 'exact',
    });
    expect(maxRelError(res.relative!, sym(ref.rel))).toBeLessThan(1e-9);
    expect(maxRelError(res.kernelized!, sym(ref.ker))).toBeLessThan(1e-9);
    expect(maxRelError(res.ntk!, ref.ntk)).toBeLessThan(1e-9);
  });

  it('flips matter: without the corrections relu2 would miss the reference', async () => {
    const { net, X, y } = makeProblem(7, 12, 5, 48, 'relu', false);
    const ref = refSimilarity(net, X, y, 'mse', 1e-3);
    const res = await similarity({ arch: 'relu2', weights: toWeights(net), x: Float64Array.from(X.flat()), n: 12, d: 5, y: Float64Array.from(y), loss: 'mse', lr: 1e-3, measures: ['kernelized', 'ntk'] });
    // the NTK (first order) differs from the finite step by more than the tolerance
    expect(maxRelError(res.ntk!, sym(ref.ker))).toBeGreaterThan(1e-6);
    expect(maxRelError(res.kernelized!, sym(ref.ker))).toBeLessThan(1e-9);
  });

  it('probeIds select and order the matrix; cosine normalization has a unit diagonal', async () => {
    const { net, X, y } = makeProblem(3, 10, 4, 20, 'relu', false);
    const base = { arch: 'relu2' as const, weights: toWeights(net), x: Float64Array.from(X.flat()), n: 10, d: 4, y: Float64Array.from(y), loss: 'mse' as const, lr: 1e-3, measures: ['kernelized' as const] };
    const full = await similarity(base);
    const sub = await similarity({ ...base, probeIds: [7, 2, 5] });
    const ids = [7, 2, 5];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(sub.kernelized![i * 3 + j]).toBeCloseTo(full.kernelized![ids[i] * 10 + ids[j]], 12);
    const cos = await similarity({ ...base, normalize: 'cosine' });
    for (let i = 0; i < 10; i++) expect(cos.kernelized![i * 11]).toBeCloseTo(1, 14);
  });
});

describe('exact engine cancellation', () => {
  it('stops within a second of the signal, even inside a large product', async () => {
    // n 800, width 12288: the σσᵀ and U·σ′ᵀ products take about a second on two cores
    const n = 800;
    const { net, X, y } = makeProblem(4, n, 30, 12288, 'relu', false);
    const ctl = new AbortController();
    let abortedAt = 0;
    let reports = 0;
    const run = similarity(
      { arch: 'relu2', weights: toWeights(net), x: Float64Array.from(X.flat()), n, d: 30, y: Float64Array.from(y), loss: 'mse', lr: 1e-6, measures: ['kernelized'], engine: 'exact' },
      {
        signal: ctl.signal,
        onProgress: () => {
          // the second stage report follows σσᵀ: 50 ms later the U·σ′ᵀ product is running
          if (++reports === 2) {
            setTimeout(() => {
              abortedAt = performance.now();
              ctl.abort();
            }, 50);
          }
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    // the products poll the signal every millisecond or so; uncancelled, U·σ′ᵀ alone runs ~0.5 s
    expect(performance.now() - abortedAt).toBeLessThan(300);
  });
});
