import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { resolveConfig } from '../../../src/shared/config';
import { PRESETS, findPreset, linearTwin } from '../../../src/shared/presets';
import { APP_VERSION } from '../../../src/shared/version';
import { LeError } from '../../../src/shared/errors';

function fieldOf(raw: unknown): string | undefined {
  try {
    resolveConfig(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(LeError);
    return (err as LeError).field;
  }
  return undefined;
}

describe('resolveConfig', () => {
  it('fills the paper defaults for synthetic data (full batch, lr 1e-5, 20000 epochs, width 40960)', () => {
    const c = resolveConfig({ data: { kind: 'synthetic', name: 'torus', n: 60 } });
    expect(c.seed).toBe(666);
    expect(c.model).toEqual({ arch: 'relu2', width: 40960 });
    expect(c.train).toEqual({ epochs: 20000, lr: 1e-5, batchSize: 60, snapshotEvery: 0 });
    expect(c.probe.lr).toBe(1e-6);
    expect(c.name).toBe('torus, relu2, mse');
  });

  it('fills the MNIST protocol: lr 3e-3 (3e-5 for linear MSE), batch 50 (500 for 3 vs 5), 50 epochs for BCE', () => {
    expect(resolveConfig({ data: { kind: 'mnist' } }).train).toMatchObject({ epochs: 200, lr: 3e-3, batchSize: 50 });
    expect(resolveConfig({ data: { kind: 'mnist' }, model: { arch: 'linear2' } }).train.lr).toBe(3e-5);
    expect(resolveConfig({ data: { kind: 'mnist', primary: [3, 5], auxiliary: [8, 9] } }).train.batchSize).toBe(500);
    expect(resolveConfig({ data: { kind: 'mnist' }, model: { arch: 'relu2-sigmoid' }, loss: 'bce' }).train.epochs).toBe(50);
    expect(resolveConfig({ data: { kind: 'mnist' }, model: { arch: 'relu3' } }).model.width).toBe(8192);
  });

  it('keeps explicit values', () => {
    const c = resolveConfig({ data: { kind: 'synthetic', name: 'two_cosine' }, train: { epochs: 0, lr: 0.1, batchSize: 7 } });
    expect(c.train).toMatchObject({ epochs: 0, lr: 0.1, batchSize: 7 });
  });

  it.each([
    [{ data: { kind: 'synthetic', name: 'torus' }, model: { width: 0 } }, 'model.width'],
    [{ data: { kind: 'synthetic', name: 'torus' }, train: { lr: -1 } }, 'train.lr'],
    [{ data: { kind: 'synthetic', name: 'donut' } }, 'data.name'],
    [{ data: { kind: 'synthetic', name: 'torus', colour: 1 } }, 'data'],
    [{ data: { kind: 'synthetic', name: 'torus' }, extra: true }, '(root)'],
    [{ data: { kind: 'synthetic', name: 'torus' }, model: { arch: 'relu9' } }, 'model.arch'],
    [{ data: { kind: 'synthetic', name: 'torus' }, loss: 'bce' }, 'loss'],
    [{ data: { kind: 'synthetic', name: 'torus' }, model: { arch: 'relu2-sigmoid' } }, 'loss'],
    [{ data: { kind: 'mnist', primary: [3, 3] } }, 'data.primary'],
    [{ data: { kind: 'mnist', primary: [3, 5], auxiliary: [5] } }, 'data.auxiliary'],
    [{ data: { kind: 'mnist', primary: [3, 10] } }, 'data.primary.1'],
    [{ data: { kind: 'idx' } }, 'data.images'],
    [{ data: { kind: 'synthetic', name: 'torus' }, probe: { measures: [] } }, 'probe.measures'],
    [{ data: { kind: 'synthetic', name: 'torus' }, seed: 1.5 }, 'seed'],
    [{}, 'data'],
    [null, '(root)'],
  ])('rejects %j naming %s', (raw, field) => {
    expect(fieldOf(raw)).toBe(field);
  });

  it('is idempotent: a resolved config resolves to itself (what the store keeps)', () => {
    const c = resolveConfig({ data: { kind: 'mnist' } });
    expect(resolveConfig(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });
});

describe('presets', () => {
  it('every preset resolves, ids are unique, and the MNIST grid has 6 pairs × 4 models', () => {
    for (const p of PRESETS) expect(() => resolveConfig(p.config)).not.toThrow();
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(PRESETS.filter((p) => p.group === 'mnist')).toHaveLength(24);
    expect(PRESETS.filter((p) => p.group === 'synthetic')).toHaveLength(12);
  });

  it('linearTwin swaps only the hidden activation', () => {
    const relu = findPreset('mnist-5v8-aux93-relu2-sigmoid-bce')!;
    const twin = resolveConfig(linearTwin(relu.config));
    const orig = resolveConfig(relu.config);
    expect(twin.model.arch).toBe('linear2-sigmoid');
    expect({ ...twin, model: orig.model, name: orig.name }).toEqual(orig);
  });
});

it('APP_VERSION matches package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(APP_VERSION).toBe(pkg.version);
});
