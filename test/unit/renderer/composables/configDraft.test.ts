import { describe, it, expect } from 'vitest';
import { dataDefaults, DATA_KINDS, defaultFor, errorFor, getPath, pairConfigs, pairedArch, parseDraftJson, setPath, validateDraft } from '../../../../src/renderer/composables/configDraft';

describe('configDraft', () => {
  it('getPath / setPath copy, create and delete', () => {
    const a = { model: { arch: 'relu2' } };
    const b = setPath(a, 'train.lr', 0.1);
    expect(a).toEqual({ model: { arch: 'relu2' } });
    expect(getPath(b, 'train.lr')).toBe(0.1);
    expect(getPath(setPath(b, 'train.lr', undefined), 'train')).toEqual({});
    expect(getPath(b, 'missing.deep')).toBeUndefined();
  });
  it('validateDraft names the field, errorFor matches it and its children', () => {
    const v = validateDraft({ data: { kind: 'synthetic', name: 'torus', n: 2 } });
    expect(v).toMatchObject({ valid: false, field: 'data.n' });
    expect(errorFor(v, 'data.n')).toBeTruthy();
    expect(errorFor(v, 'data')).toBeTruthy();
    expect(errorFor(v, 'seed')).toBeNull();
    expect(validateDraft({ data: { kind: 'synthetic', name: 'torus' }, extra: 1 })).toMatchObject({ valid: false, message: expect.stringContaining('extra') as string });
    expect(validateDraft(null)).toMatchObject({ valid: false });
  });
  it('every data kind default has the right shape (paths filled in for file kinds)', () => {
    for (const kind of DATA_KINDS) {
      const v = validateDraft({ data: { ...dataDefaults(kind), ...(kind === 'idx' ? { images: 'i', labels: 'l' } : kind === 'cifar10' ? { dir: 'd' } : kind === 'csv' ? { path: 'p.csv' } : {}) } });
      expect(v.valid).toBe(true);
    }
  });
  it('pairedArch and pairConfigs', () => {
    expect(pairedArch('relu2')).toBe('linear2');
    expect(pairedArch('linear3')).toBe('relu3');
    expect(pairedArch('relu2-sigmoid')).toBe('linear2-sigmoid');
    expect(pairedArch('sigmoid2')).toBe('linear2');
    expect(pairedArch('linear1')).toBeNull();
    expect(pairedArch('cnn')).toBeNull();
    const [r, l] = pairConfigs({ name: 'torus', model: { arch: 'relu2' }, seed: 3 })!;
    expect(r).toEqual({ name: 'torus (relu2)', model: { arch: 'relu2' }, seed: 3 });
    expect(l).toEqual({ name: 'torus (linear2)', model: { arch: 'linear2' }, seed: 3 });
    expect(pairConfigs({ model: { arch: 'cnn' } })).toBeNull();
  });
  it('parseDraftJson', () => {
    expect(parseDraftJson('{"a":1}')).toEqual({ ok: true, draft: { a: 1 } });
    expect(parseDraftJson('[1]')).toMatchObject({ ok: false });
    expect(parseDraftJson('{')).toMatchObject({ ok: false });
  });
});

describe('defaultFor', () => {
  it("gives the paper's default of the resolved draft", () => {
    expect(defaultFor({ data: { kind: 'synthetic', name: 'torus' } }, 'train.epochs')).toBe(20000);
    expect(defaultFor({ data: { kind: 'mnist' }, loss: 'mse', model: { arch: 'linear2' } }, 'train.lr')).toBe(3e-5);
    expect(defaultFor({ data: { kind: 'synthetic', name: 'torus' } }, 'model.width')).toBe(40960);
  });
  it('stays available while another field is invalid', () => {
    expect(defaultFor({ data: { kind: 'synthetic', name: 'torus' }, train: { lr: -3 }, seed: -1 }, 'probe.engine')).toBe('auto');
  });
  it('undefined when the data block itself is missing', () => {
    expect(defaultFor({}, 'train.epochs')).toBeUndefined();
  });
});
