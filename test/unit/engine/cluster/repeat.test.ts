import { describe, it, expect } from 'vitest';
import { fitKmeans, repeatClustering } from '../../../../src/engine/cluster';
import { scoreClustering } from '../../../../src/engine/metrics';
import { blobs, catchError } from './helpers';

describe('repeatClustering', () => {
  const { x, labels } = blobs(9, 20, [[0, 0], [1.2, 0]], 0.6);
  it('runs seeds base..base+s−1 and reports mean ± sd of scores and objectives', async () => {
    const r = await repeatClustering('kmeans', x, { nInit: 1, seed: 10 }, 4, labels);
    expect(r.seeds).toEqual([10, 11, 12, 13]);
    const singles = r.seeds.map((seed) => fitKmeans(x, { nInit: 1, seed }));
    expect(r.objectives).toEqual(singles.map((s) => s.objective));
    const aris = singles.map((s) => scoreClustering(s.assignments, labels).ari);
    const m = aris.reduce((a, b) => a + b) / 4;
    expect(r.mean!.ari).toBeCloseTo(m, 12);
    expect(r.sd!.ari).toBeCloseTo(Math.sqrt(aris.reduce((a, b) => a + (b - m) ** 2, 0) / 4), 12);
    expect(r.objectiveMean).toBeCloseTo(r.objectives.reduce((a, b) => a + b) / 4, 12);
  });
  it('omits scores without labels; validates seeds, labels and method', async () => {
    const r = await repeatClustering('kmeans', x, {}, 2);
    expect(r.scores).toBeUndefined();
    await expect(repeatClustering('kmeans', x, {}, 0)).rejects.toThrow(/seeds/);
    await expect(repeatClustering('kmeans', x, {}, 2, [0, 1])).rejects.toThrow(/labels/);
    await expect(repeatClustering('nope' as 'kmeans', x, {}, 2)).rejects.toThrow(/unknown clustering method/);
    expect(catchError(() => fitKmeans(x, { k: 99 })).field).toBe('k');
  });
});
