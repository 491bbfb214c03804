import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../../../src/engine/data/load';
import { generateSynthetic } from '../../../../src/engine/data/synthetic';
import { resolveConfig } from '../../../../src/shared/config';
import type { DataConfig } from '../../../../src/shared/config';
import { LeError } from '../../../../src/shared/errors';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'le-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The data section of a config, with the schema's defaults filled in. */
const data = (raw: Record<string, unknown>): DataConfig => resolveConfig({ data: raw }).data;

function idxFile(dims: number[], values: number[]): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + values.length);
  out.set([0, 0, 8, dims.length]);
  const view = new DataView(out.buffer);
  dims.forEach((v, i) => view.setUint32(4 + 4 * i, v, false));
  out.set(values, 4 + 4 * dims.length);
  return out;
}

describe('loadDataset dispatches on data.kind', () => {
  it('synthetic: the generator with the config n and the run seed', async () => {
    const ds = await loadDataset(data({ kind: 'synthetic', name: 'double_helix', n: 30 }), 5);
    expect(ds.x).toEqual(generateSynthetic('double_helix', { n: 30, seed: 5 }).x);
    expect((await loadDataset(data({ kind: 'synthetic', name: 'torus' }), 1)).n).toBe(100);
  });

  it('mnist: the class-pair protocol on the bundled digits', async () => {
    const ds = await loadDataset(
      data({ kind: 'mnist', primary: [1, 7], auxiliary: [2, 3], perClass: 10, auxiliaryCount: 9 }),
      2,
    );
    expect([ds.n, ds.d]).toEqual([29, 784]);
    expect(Array.from(ds.y).filter((v) => v === 1)).toHaveLength(20);
  });

  it('idx: image and label files', async () => {
    const images = path.join(dir, 'img');
    const labels = path.join(dir, 'lab');
    await writeFile(
      images,
      idxFile(
        [6, 2, 2],
        Array.from({ length: 24 }, (_, i) => i * 10),
      ),
    );
    await writeFile(labels, idxFile([6], [0, 1, 2, 0, 1, 2]));
    const ds = await loadDataset(
      data({
        kind: 'idx',
        images,
        labels,
        primary: [0, 1],
        auxiliary: [2],
        perClass: 2,
        auxiliaryCount: 1,
      }),
      1,
    );
    expect([ds.n, ds.d]).toEqual([5, 4]);
    expect(ds.imageShape).toEqual([2, 2, 1]);
  });

  it('cifar10: the batches in dir', async () => {
    const rec = new Uint8Array(3073 * 3);
    [4, 5, 6].forEach((label, i) => (rec[i * 3073] = label));
    await writeFile(path.join(dir, 'data_batch_1.bin'), rec);
    const ds = await loadDataset(
      data({
        kind: 'cifar10',
        dir,
        primary: [4, 5],
        auxiliary: [6],
        perClass: 1,
        auxiliaryCount: 1,
      }),
      1,
    );
    expect([ds.n, ds.d]).toEqual([3, 3072]);
    expect(ds.x.every((v) => v === -1)).toBe(true);
  });

  it('csv: the file at path', async () => {
    const file = path.join(dir, 'D.csv');
    await writeFile(file, 'a,b,y\n1,2,1\n3,4,0\n');
    const ds = await loadDataset(data({ kind: 'csv', path: file }), 1);
    expect(Array.from(ds.x)).toEqual([1, 2, 3, 4]);
  });

  it('rejects an unknown kind and a non-finite seed', async () => {
    const err = await loadDataset({ kind: 'hdf5' } as unknown as DataConfig, 1).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LeError);
    expect((err as LeError).field).toBe('data.kind');
    await expect(loadDataset(data({ kind: 'synthetic', name: 'torus' }), NaN)).rejects.toThrow(
      /seed/,
    );
  });
});
