import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chwToHwc,
  loadCifar10,
  parseCifarBatch,
  CIFAR10_RECORD,
} from '../../../../src/engine/data/cifar10';
import { LeError } from '../../../../src/shared/errors';

// Record r (global number) has channel c, pixel p = (7r + 50c + p) mod 256.
const value = (r: number, c: number, p: number): number => (7 * r + 50 * c + p) % 256;
function batch(labels: number[], first: number): Uint8Array {
  const out = new Uint8Array(labels.length * CIFAR10_RECORD);
  labels.forEach((label, i) => {
    out[i * CIFAR10_RECORD] = label;
    for (let c = 0; c < 3; c++)
      for (let p = 0; p < 1024; p++)
        out[i * CIFAR10_RECORD + 1 + c * 1024 + p] = value(first + i, c, p);
  });
  return out;
}
const B1 = [1, 3, 1, 2, 3, 1];
const B2 = [3, 1, 2, 2];

let root: string;
const folder = async (name: string, files: Record<string, Uint8Array>): Promise<string> => {
  const dir = path.join(root, name);
  await mkdir(dir);
  for (const [f, bytes] of Object.entries(files)) await writeFile(path.join(dir, f), bytes);
  return dir;
};
async function failure(p: Promise<unknown>): Promise<LeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LeError);
  return e as LeError;
}
const spec = {
  primary: [1, 3] as [number, number],
  auxiliary: [2] as [number],
  perClass: 3,
  auxiliaryCount: 2,
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'le-cifar-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('chwToHwc', () => {
  it('matches the triple-loop reference: out[(h·32 + w)·3 + c] = scaled record[c·1024 + h·32 + w]', () => {
    const rec = batch([0], 5).subarray(1);
    const out = new Float64Array(3072 + 4);
    chwToHwc(rec, out, 4);
    for (let h = 0; h < 32; h++)
      for (let w = 0; w < 32; w++)
        for (let c = 0; c < 3; c++)
          expect(out[4 + (h * 32 + w) * 3 + c]).toBe(
            (rec[c * 1024 + h * 32 + w] / 255 - 0.5) / 0.5,
          );
  });
});

describe('parseCifarBatch', () => {
  it('splits records and labels', () => {
    const { labels, records } = parseCifarBatch(batch(B1, 0), 'b');
    expect(Array.from(labels)).toEqual(B1);
    expect(records[2][1024]).toBe(value(2, 1, 0));
  });
  it('rejects truncated, empty and mislabelled batches naming the file', () => {
    const bytes = batch(B1, 0);
    expect(() => parseCifarBatch(bytes.subarray(0, bytes.length - 1), 'data_batch_1.bin')).toThrow(
      'data_batch_1.bin: truncated or not a CIFAR-10 binary batch: 18437 bytes is not a whole number of 3073-byte records (5 whole records and 3072 bytes left over)',
    );
    expect(() => parseCifarBatch(new Uint8Array(0), 'x.bin')).toThrow('x.bin: empty file');
    const bad = batch([1, 10], 0);
    expect(() => parseCifarBatch(bad, 'x.bin')).toThrow(
      'x.bin: record 1: label 10 is not a CIFAR-10 class (0..9)',
    );
  });
});

describe('loadCifar10', () => {
  it('fills quotas across batches in order; HWC pixels; y and group aligned; class names', async () => {
    const dir = await folder('two', {
      'data_batch_1.bin': batch(B1, 0),
      'data_batch_2.bin': batch(B2, B1.length),
    });
    const ds = await loadCifar10({ ...spec, dir }, 3);
    expect([ds.n, ds.d]).toEqual([8, 3072]);
    expect(ds.imageShape).toEqual([32, 32, 3]);
    expect(ds.name).toBe('cifar10 car vs cat (bird)');
    expect(ds.classNames).toEqual({ 1: 'car', 3: 'cat', 2: 'bird' });
    const all = [...B1, ...B2];
    const used: number[] = [];
    for (let r = 0; r < ds.n; r++) {
      // pixel (h, w) = (0, 0), channel 0 is value(rec, 0, 0) = 7·rec mod 256 → the record number
      const rec = Math.round(((ds.x[r * 3072] + 1) / 2) * 255) / 7;
      used.push(rec);
      expect(all[rec]).toBe(ds.group[r]);
      expect(ds.y[r]).toBe(ds.group[r] === 2 ? 0 : 1);
      const h = 5,
        w = 9,
        c = 2;
      expect(ds.x[r * 3072 + (h * 32 + w) * 3 + c]).toBe(
        (value(rec, c, h * 32 + w) / 255 - 0.5) / 0.5,
      );
    }
    // car: records 0, 2, 5; cat: 1, 4, 6; bird: 3, 8
    expect(used.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 8]);
    const again = await loadCifar10({ ...spec, dir }, 3);
    expect(again.x).toEqual(ds.x);
  });

  it('uses test_batch.bin when no training batch is present', async () => {
    const dir = await folder('test-only', { 'test_batch.bin': batch([...B1, ...B2], 0) });
    expect((await loadCifar10({ ...spec, dir }, 1)).n).toBe(8);
  });

  it('reads only the batches it needs, in order', async () => {
    const dir = await folder('enough', {
      'data_batch_1.bin': batch(B1, 0),
      'data_batch_2.bin': new Uint8Array(5),
    });
    expect((await loadCifar10({ ...spec, perClass: 2, auxiliaryCount: 1, dir }, 1)).n).toBe(5);
    const e = await failure(loadCifar10({ ...spec, dir }, 1));
    expect(e.code).toBe('bad_file');
    expect(e.message).toContain(path.join(dir, 'data_batch_2.bin'));
  });

  it('too few images: names data.perClass and the folder', async () => {
    const dir = await folder('short', { 'data_batch_1.bin': batch(B1, 0) });
    const e = await failure(loadCifar10({ ...spec, perClass: 3, dir }, 1));
    expect(e.field).toBe('data.perClass');
    expect(e.message).toBe(
      `data.perClass: asked for 3 images of class 3, but ${dir} (data_batch_1.bin) has only 2`,
    );
  });

  it('missing folder or no batch files: not_found naming the folder', async () => {
    const missing = await failure(loadCifar10({ ...spec, dir: path.join(root, 'nope') }, 1));
    expect(missing.code).toBe('not_found');
    const empty = await failure(loadCifar10({ ...spec, dir: await folder('empty', {}) }, 1));
    expect(empty.message).toMatch(/empty: none of data_batch_1\.bin, .*test_batch\.bin found/);
  });

  it('rejects a class outside 0..9', async () => {
    const dir = await folder('any', { 'data_batch_1.bin': batch(B1, 0) });
    await expect(loadCifar10({ ...spec, primary: [1, 12], dir }, 1)).rejects.toThrow(
      /classes are 0\.\.9, got 12/,
    );
  });
});
