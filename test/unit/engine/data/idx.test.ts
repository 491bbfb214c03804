import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadIdx, parseIdx, readIdxImages, readIdxLabels } from '../../../../src/engine/data/idx';
import { LeError } from '../../../../src/shared/errors';

/** An IDX file of unsigned bytes. */
function idx(
  dims: number[],
  data: ArrayLike<number>,
  magic = [0, 0, 0x08, dims.length],
): Uint8Array {
  const head = new Uint8Array(4 + 4 * dims.length);
  head.set(magic);
  const view = new DataView(head.buffer);
  dims.forEach((v, i) => view.setUint32(4 + 4 * i, v, false));
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(Array.from(data), head.length);
  return out;
}

// 12 images of 4×3; image i has every pixel = 20·i + p % 7 (recoverable); labels cycle 0,1,2.
const COUNT = 12;
const PIX = 12;
const pixel = (i: number, p: number): number => 20 * i + (p % 7);
const imagesBytes = idx(
  [COUNT, 4, 3],
  Array.from({ length: COUNT * PIX }, (_, j) => pixel(Math.floor(j / PIX), j % PIX)),
);
const labels = Array.from({ length: COUNT }, (_, i) => i % 3);
const labelsBytes = idx([COUNT], labels);

let dir: string;
const at = (name: string): string => path.join(dir, name);
const put = async (name: string, bytes: Uint8Array): Promise<string> => {
  await writeFile(at(name), bytes);
  return at(name);
};
async function failure(p: Promise<unknown>): Promise<LeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LeError);
  return e as LeError;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'le-idx-'));
  await put('images-idx3-ubyte', imagesBytes);
  await put('labels-idx1-ubyte', labelsBytes);
  await put('images-idx3-ubyte.gz', gzipSync(imagesBytes));
  await put('labels-idx1-ubyte.gz', gzipSync(labelsBytes));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseIdx / readIdxImages / readIdxLabels', () => {
  it('reads dims big-endian and the data after the header', () => {
    const arr = parseIdx(idx([2, 70000], new Uint8Array(140000).fill(3)), 'f');
    expect(arr.dims).toEqual([2, 70000]);
    expect(arr.data.length).toBe(140000);
    expect(arr.data[139999]).toBe(3);
  });

  it('reads raw and gzip files alike', async () => {
    for (const suffix of ['', '.gz']) {
      const img = await readIdxImages(at(`images-idx3-ubyte${suffix}`));
      expect([img.count, img.rows, img.cols]).toEqual([COUNT, 4, 3]);
      expect(img.pixels[5 * PIX + 4]).toBe(pixel(5, 4));
      expect(Array.from(await readIdxLabels(at(`labels-idx1-ubyte${suffix}`)))).toEqual(labels);
    }
  });

  it('truncated image file: names the path, the header count and the bytes present', async () => {
    const file = await put(
      'train-images.idx3-ubyte',
      imagesBytes.subarray(0, imagesBytes.length - 10),
    );
    const e = await failure(readIdxImages(file));
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe(
      `${file}: truncated: header says 12 images of 4×3, file has 134 bytes of pixels (expected 144)`,
    );
  });

  it('truncated gzip stream and truncated label file', async () => {
    const gz = gzipSync(imagesBytes);
    const e1 = await failure(readIdxImages(await put('cut.gz', gz.subarray(0, gz.length - 20))));
    expect(e1.message).toMatch(/cut\.gz: corrupt or truncated gzip data/);
    const e2 = await failure(readIdxLabels(await put('cut-labels', labelsBytes.subarray(0, 15))));
    expect(e2.message).toMatch(
      /cut-labels: truncated: header says 12 labels, file has 7 bytes of labels/,
    );
  });

  it('bad magic, unsupported type, short header, trailing bytes, wrong kind of file', () => {
    expect(() => parseIdx(idx([1], [1], [0x12, 0x34, 0x08, 1]), 'a')).toThrow(
      'a: bad magic 0x12 0x34 0x08 0x01: not an IDX file',
    );
    expect(() => parseIdx(idx([1], [1], [0, 0, 0x07, 1]), 'a')).toThrow(/bad magic/);
    expect(() => parseIdx(idx([1], [1], [0, 0, 0x08, 0]), 'a')).toThrow(/bad magic/);
    expect(() => parseIdx(idx([1], [1, 2, 3, 4], [0, 0, 0x0d, 1]), 'a')).toThrow(
      /float \(0x0d\) is not supported/,
    );
    expect(() => parseIdx(new Uint8Array([0, 0, 8]), 'a')).toThrow(
      /a: truncated: 3 bytes, too short/,
    );
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]), 'a')).toThrow(
      /announces 3 dimensions but the file has only 8 bytes/,
    );
    expect(() => parseIdx(idx([2], [1, 2, 3]), 'a')).toThrow(
      /a: trailing bytes: header says 2 labels, file has 3/,
    );
    expect(() => parseIdx(new Uint8Array(0), 'a')).toThrow(/truncated: 0 bytes/);
  });

  it('a label file given as images (and vice versa) is rejected', async () => {
    await expect(readIdxImages(at('labels-idx1-ubyte'))).rejects.toThrow(
      /header has 1 \(a label file\?\)/,
    );
    await expect(readIdxLabels(at('images-idx3-ubyte'))).rejects.toThrow(
      /header has 3 \(an image file\?\)/,
    );
  });

  it('a missing file is not_found, naming it', async () => {
    const e = await failure(readIdxImages(at('nope')));
    expect(e.code).toBe('not_found');
    expect(e.message).toContain(at('nope'));
  });
});

describe('loadIdx (class-pair protocol)', () => {
  const spec = {
    primary: [0, 1] as [number, number],
    auxiliary: [2] as [number],
    perClass: 3,
    auxiliaryCount: 2,
  };

  it('takes the first images of each class in file order, scaled to [−1, 1], shuffled by seed', async () => {
    const ds = await loadIdx(
      { ...spec, images: at('images-idx3-ubyte.gz'), labels: at('labels-idx1-ubyte') },
      4,
    );
    expect([ds.n, ds.d]).toEqual([8, 12]);
    expect(ds.imageShape).toEqual([4, 3, 1]);
    const sources: number[] = [];
    for (let r = 0; r < ds.n; r++) {
      const image = Math.round(((ds.x[r * PIX] + 1) / 2) * 255) / 20; // pixel 0 = 20·i
      sources.push(image);
      expect(labels[image]).toBe(ds.group[r]);
      expect(ds.y[r]).toBe(ds.group[r] === 2 ? 0 : 1);
      for (let p = 0; p < PIX; p++)
        expect(Math.abs(ds.x[r * PIX + p] - (pixel(image, p) / 255 - 0.5) / 0.5)).toBeLessThan(
          1e-15,
        );
    }
    // class 0 = images 0, 3, 6; class 1 = 1, 4, 7; class 2 (first two) = 2, 5
    expect([...sources].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const again = await loadIdx(
      { ...spec, images: at('images-idx3-ubyte'), labels: at('labels-idx1-ubyte.gz') },
      4,
    );
    expect(again.x).toEqual(ds.x);
    expect(ds.name).toBe('idx images-idx3-ubyte.gz 0 vs 1 (2)');
  });

  it('label / image count mismatch names both files', async () => {
    const few = await put('few-labels', idx([COUNT - 1], labels.slice(1)));
    const e = await failure(loadIdx({ ...spec, images: at('images-idx3-ubyte'), labels: few }, 1));
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe(`${few}: has 11 labels but ${at('images-idx3-ubyte')} has 12 images`);
  });

  it('too few images of a class names data.perClass and the file', async () => {
    const e = await failure(
      loadIdx(
        { ...spec, perClass: 5, images: at('images-idx3-ubyte'), labels: at('labels-idx1-ubyte') },
        1,
      ),
    );
    expect(e.field).toBe('data.perClass');
    expect(e.message).toContain(`but ${at('images-idx3-ubyte')} has only 4`);
  });
});

// Debian's dataset-fashion-mnist, where installed (apt-get install dataset-fashion-mnist).
const FASHION = '/usr/share/datasets/fashion-mnist/';
describe.skipIf(!existsSync(`${FASHION}t10k-images-idx3-ubyte.gz`))(
  'real Fashion-MNIST (Debian package)',
  () => {
    it('t10k: 10 000 images of 28×28, 1000 labels per class', async () => {
      const img = await readIdxImages(`${FASHION}t10k-images-idx3-ubyte.gz`);
      const lab = await readIdxLabels(`${FASHION}t10k-labels-idx1-ubyte.gz`);
      expect([img.count, img.rows, img.cols, lab.length]).toEqual([10000, 28, 28, 10000]);
      const perClass = new Array<number>(10).fill(0);
      for (const l of lab) perClass[l]++;
      expect(perClass).toEqual(new Array<number>(10).fill(1000));
      const ds = await loadIdx(
        {
          images: `${FASHION}t10k-images-idx3-ubyte.gz`,
          labels: `${FASHION}t10k-labels-idx1-ubyte.gz`,
          primary: [5, 8],
          auxiliary: [9, 3],
          perClass: 500,
          auxiliaryCount: 1000,
        },
        666,
      );
      expect([ds.n, ds.d]).toEqual([2000, 784]);
    });
  },
);
