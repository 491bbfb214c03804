// One suite for every clustering algorithm (scikit-learn's check_estimator idea): same seed →
// same result; bad params → an LeError naming the parameter; resolved params round-trip
// through JSON and reproduce the result.
import { describe, it, expect, beforeAll } from 'vitest';
import { CLUSTER_ALGORITHMS, type ClusterAlgorithmName } from '../../../../src/engine/cluster';
import { initBackend } from '../../../../src/engine/backend';
import { LeError } from '../../../../src/shared/errors';
import type { Matrix } from '../../../../src/shared/types';
import { blobs, rbf } from './helpers';

const { x } = blobs(12, 15, [[0, 0, 0, 0], [3, 0, 0, 0]], 0.6);
const inputFor = (name: ClusterAlgorithmName): Matrix => (CLUSTER_ALGORITHMS[name].input === 'features' ? x : rbf(x, 0.5));
/** Small settings so the autoencoder stays fast; the others run with their defaults. */
const base = (name: ClusterAlgorithmName): Record<string, unknown> =>
  name === 'autoencoder-kmeans' ? { hidden: 8, code: 2, epochs: 3, batchSize: 10, nInit: 2 } : {};

async function rejects(f: () => unknown): Promise<LeError> {
  try {
    await f();
  } catch (e) {
    return e as LeError;
  }
  throw new Error('expected an error');
}

beforeAll(async () => {
  await initBackend();
});

describe.each(Object.keys(CLUSTER_ALGORITHMS) as ClusterAlgorithmName[])('%s', (name) => {
  const algo = CLUSTER_ALGORITHMS[name];
  it('same seed → same result; results carry complete params that round-trip through JSON', async () => {
    const input = inputFor(name);
    const a = await algo.fit(input, { ...base(name), seed: 7 });
    const b = await algo.fit(input, { ...base(name), seed: 7 });
    expect(a.assignments).toEqual(b.assignments);
    expect(a.objective).toBe(b.objective);
    expect(a.assignments.length).toBe(input.rows);
    expect(Object.keys(a.params).sort()).toEqual(Object.keys(algo.params).sort());
    const replay = await algo.fit(input, JSON.parse(JSON.stringify(a.params)) as Record<string, unknown>);
    expect(replay.assignments).toEqual(a.assignments);
    expect(replay.params).toEqual(a.params);
  });
  it('bad params → LeError naming the parameter', async () => {
    const input = inputFor(name);
    const cases: [Record<string, unknown>, string][] = [
      [{ k: 0 }, 'k'],
      [{ k: 2.5 }, 'k'],
      [{ k: input.rows + 1 }, 'k'],
      [{ seed: -1 }, 'seed'],
      [{ nInit: 'ten' }, 'nInit'],
      [{ maxIter: NaN }, 'maxIter'],
      [{ bogus: 1 }, 'bogus'],
    ];
    for (const [params, field] of cases) {
      const err = await rejects(() => algo.fit(input, { ...base(name), ...params }));
      expect(err).toBeInstanceOf(LeError);
      expect(err.field).toBe(field);
      expect(err.message).toContain(field);
    }
  });
  it('bad input → LeError naming the input', async () => {
    const bad = { rows: 2, cols: 2, data: Float64Array.from([1, NaN, NaN, 1]) };
    const err = await rejects(() => algo.fit(bad, { ...base(name), k: 1 }));
    expect(err).toBeInstanceOf(LeError);
    expect(['x', 'gram', 'affinity']).toContain(err.field);
  });
});
