import { describe, it, expect } from 'vitest';
import { similarity } from '../../../../src/engine/elasticity';
import { makeProblem, toWeights } from './reference';

const { net, X, y } = makeProblem(1, 6, 3, 8, 'relu', false);
const base = () => ({ arch: 'relu2' as const, weights: toWeights(net), x: Float64Array.from(X.flat()), n: 6, d: 3, y: Float64Array.from(y), loss: 'mse' as const, measures: ['kernelized' as const] });

describe('similarity input checks', () => {
  it('a NaN in the input names the example', async () => {
    const x = Float64Array.from(X.flat());
    x[4 * 3 + 1] = NaN;
    await expect(similarity({ ...base(), x })).rejects.toMatchObject({ code: 'invalid_input', field: 'x.4' });
  });
  it('a NaN in the weights names the layer', async () => {
    const weights = toWeights(net);
    weights.layers[1].weight.data[2] = NaN;
    await expect(similarity({ ...base(), weights })).rejects.toMatchObject({ field: 'weights.layers.1.weight' });
  });
  it('rejects bad parameters naming them', async () => {
    await expect(similarity({ ...base(), lr: 0 })).rejects.toMatchObject({ field: 'lr' });
    await expect(similarity({ ...base(), probeIds: [] })).rejects.toMatchObject({ field: 'probeIds' });
    await expect(similarity({ ...base(), probeIds: [6] })).rejects.toMatchObject({ field: 'probeIds' });
    await expect(similarity({ ...base(), measures: [] })).rejects.toMatchObject({ field: 'measures' });
    await expect(similarity({ ...base(), loss: 'bce' })).rejects.toMatchObject({ field: 'loss' });
    await expect(similarity({ ...base(), arch: 'relu3', engine: 'exact' })).rejects.toMatchObject({ field: 'engine' });
    await expect(similarity({ ...base(), y: new Float64Array(2) })).rejects.toMatchObject({ field: 'y' });
    await expect(similarity({ ...base(), arch: 'linear2' })).resolves.toMatchObject({ engine: 'exact' });
  });
  it('a single probe gives a 1×1 matrix; an already-aborted signal cancels', async () => {
    const r = await similarity({ ...base(), probeIds: [3], measures: ['relative'] });
    expect(Array.from(r.relative!)).toEqual([1]);
    const ctl = new AbortController();
    ctl.abort();
    await expect(similarity(base(), { signal: ctl.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
  it('same input, same output (deterministic)', async () => {
    const a = await similarity(base());
    const b = await similarity(base());
    expect(Array.from(a.kernelized!)).toEqual(Array.from(b.kernelized!));
  });
});
