import { describe, it, expect } from 'vitest';
import { kernelDistance, pairCorrelation, activationPatternSimilarity, upperPairs, elasticitySnapshot } from '../../../../src/engine/elasticity';
import { createRng } from '../../../../src/engine/rng';
import { makeProblem, toWeights, refForward } from './reference';



describe('synthetic analysis', () => {
  it('pair correlation uses the i<j pairs only', () => {
    const S = Float64Array.from([9, 1, 2, 1, 9, 3, 2, 3, 9]);
    const D = Float64Array.from([0, 6, 4, 6, 0, 2, 4, 2, 0]);
    expect(Array.from(upperPairs(S, 3))).toEqual([1, 2, 3]);
    const c = pairCorrelation(S, D, 3);
    expect(c.pearson).toBeCloseTo(-1, 12);
    expect(c.spearman).toBeCloseTo(-1, 12);
    expect(Number.isNaN(pairCorrelation(new Float64Array(9).fill(1), D, 3).pearson)).toBe(true);
  });
  it('kernel distance: with k = m it is the distance of the PSD kernel\'s feature map', () => {
    const rng = createRng(9);
    const m = 8;
    const F = Array.from({ length: m }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const K = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) K[i * m + j] = F[i].reduce((s, v, t) => s + v * F[j][t], 0);
    const D = kernelDistance(K, m, 10);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++)
      expect(D[i * m + j]).toBeCloseTo(Math.hypot(...F[i].map((v, t) => v - F[j][t])), 9);
    expect(() => kernelDistance(K, m, 0)).toThrow(/k must/);
  });
  it('activation-pattern similarity equals the cosine of on/off patterns', () => {
    const { net, X } = makeProblem(4, 6, 3, 20, 'relu', false);
    const A = activationPatternSimilarity(toWeights(net), Float64Array.from(X.flat()), 6, 3);
    const pat = X.map((x) => refForward(net, x).h.map((h) => (h > 0 ? 1 : 0)));
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) {
      const dot = pat[i].reduce((s: number, v, r) => s + v * pat[j][r], 0);
      const want = dot / Math.sqrt(pat[i].reduce((s: number, v) => s + v, 0) * pat[j].reduce((s: number, v) => s + v, 0));
      expect(A[i * 6 + j]).toBeCloseTo(want, 14);
    }
  });
  it('elasticitySnapshot returns the matrices and their correlations with a distance', async () => {
    const { net, X, y } = makeProblem(6, 10, 2, 32, 'relu', false);
    const D = new Float64Array(100);
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) D[i * 10 + j] = Math.hypot(X[i][0] - X[j][0], X[i][1] - X[j][1]);
    const input = { arch: 'relu2' as const, weights: toWeights(net), x: Float64Array.from(X.flat()), n: 10, d: 2, y: Float64Array.from(y), loss: 'mse' as const, measures: ['kernelized' as const, 'relative' as const] };
    const { snapshot, matrices } = await elasticitySnapshot(40, input, D);
    expect(snapshot.epoch).toBe(40);
    expect(snapshot.correlations.kernelized!.pearson).toBeCloseTo(pairCorrelation(matrices.kernelized!, D, 10).pearson, 14);
    expect(snapshot.correlations.ntk).toBeUndefined();
    await expect(elasticitySnapshot(1, input, new Float64Array(4))).rejects.toThrow(/geodesic/);
  });
});
