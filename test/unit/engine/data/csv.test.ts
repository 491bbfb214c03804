import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  formatCsvDataset,
  parseCsvDataset,
  readCsvDataset,
  writeCsvDataset,
} from '../../../../src/engine/data/csv';
import type { Dataset } from '../../../../src/shared/types';
import { LeError } from '../../../../src/shared/errors';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'le-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const awkward = [0.1 + 0.2, -1e-300, 5e-324, 123456789.12345679, -0, 1e21, Math.PI, -2.5e-7];
const sample = (): Dataset => ({
  name: 'x',
  n: 4,
  d: 2,
  x: Float64Array.from(awkward),
  y: Float64Array.from([1, 0, 1, 0]),
  group: Int32Array.from([3, 5, 3, -1]),
});

describe('CSV datasets: round trip', () => {
  it('writes header x0..,y,group and reads back every float exactly', async () => {
    const file = path.join(dir, 'D.csv');
    await writeCsvDataset(file, sample());
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('x0,x1,y,group');
    const back = await readCsvDataset(file);
    expect([back.n, back.d, back.name]).toEqual([4, 2, 'csv D.csv']);
    expect(Array.from(back.x)).toEqual(Array.from(sample().x));
    expect(Array.from(back.y)).toEqual([1, 0, 1, 0]);
    expect(Array.from(back.group)).toEqual([3, 5, 3, -1]);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('uses given feature names and rejects unusable ones', () => {
    expect(formatCsvDataset(sample(), ['a', 'b']).split('\n')[0]).toBe('a,b,y,group');
    expect(() => formatCsvDataset(sample(), ['a'])).toThrow(/featureNames has 1 names for 2/);
    expect(() => formatCsvDataset(sample(), ['a', 'y'])).toThrow(/"y" cannot be/);
    expect(() => formatCsvDataset(sample(), ['a', 'b,c'])).toThrow(/cannot be/);
  });

  it('the writer refuses NaN features, non-0/1 labels and mismatched arrays', () => {
    const ds = sample();
    ds.x[3] = NaN;
    expect(() => formatCsvDataset(ds)).toThrow(/x\[1\]\[1\] is not finite/);
    expect(() => formatCsvDataset({ ...sample(), y: Float64Array.from([1, 0, 2, 0]) })).toThrow(
      /y\[2\] must be 0 or 1/,
    );
    expect(() => formatCsvDataset({ ...sample(), n: 5 })).toThrow(/do not match/);
  });

  it('a failed write leaves nothing behind and names the path', async () => {
    const file = path.join(dir, 'missing-folder', 'D.csv');
    await expect(writeCsvDataset(file, sample())).rejects.toThrow(`${file}: cannot be written`);
  });
});

describe('parseCsvDataset: accepted forms', () => {
  it('y and group anywhere; features keep header order; group defaults to y', () => {
    const ds = parseCsvDataset('group,a,y,b\n7,1,1,2\n8,3,0,4\n', 'f.csv');
    expect(Array.from(ds.x)).toEqual([1, 2, 3, 4]);
    expect(Array.from(ds.group)).toEqual([7, 8]);
    const noGroup = parseCsvDataset('a,y\n1.5,1\n-2,0', 'f.csv');
    expect(Array.from(noGroup.group)).toEqual([1, 0]);
  });
  it('CRLF, a BOM, quoted header names, spaces and exponents', () => {
    const ds = parseCsvDataset('\uFEFF"a", "y"\r\n 1e-3 ,1\r\n+.5,0\r\n\r\n', 'f.csv');
    expect(Array.from(ds.x)).toEqual([0.001, 0.5]);
    expect(ds.n).toBe(2);
  });
  it('reads a gzip-compressed file', async () => {
    const file = path.join(dir, 'D.csv.gz');
    await writeFile(file, gzipSync('a,y\n1,1\n2,0\n'));
    expect(Array.from((await readCsvDataset(file)).x)).toEqual([1, 2]);
  });
});

describe('parseCsvDataset: malformed files are bad_file naming the path and the problem', () => {
  it.each([
    ['', 'f.csv: empty file'],
    ['a,y\n', 'f.csv: no data rows after the header'],
    ['a,b\n1,2\n', 'f.csv: missing y column: the header (a,b) has no column named "y"'],
    ['y,group\n1,1\n', 'f.csv: no feature columns'],
    ['a,a,y\n1,2,1\n', 'f.csv: line 1 (header): column "a" appears twice'],
    ['a,,y\n1,2,1\n', 'f.csv: line 1 (header): an empty column name'],
    ['a,b,y\n1,2,1\n3,4\n', 'f.csv: line 3: ragged row, 2 cells but the header has 3 columns'],
    ['a,b,y\n1,2,1,9\n', 'f.csv: line 2: ragged row, 4 cells'],
    ['a,b,y\n1,abc,1\n', 'f.csv: line 2, column "b": not a number: "abc"'],
    ['a,b,y\n1,,1\n', 'f.csv: line 2, column "b": not a number: ""'],
    ['a,y\nNaN,1\n', 'f.csv: line 2, column "a": not a number: "NaN"'],
    ['a,y\nInfinity,1\n', 'not a number: "Infinity"'],
    ['a,y\n0x10,1\n', 'not a number: "0x10"'],
    ['a,y\n1e999,1\n', 'f.csv: line 2, column "a": 1e999 is out of range'],
    ['a,y\n1,2\n', 'f.csv: line 2, column "y": the training label must be 0 or 1, got 2'],
    [
      'a,y,group\n1,1,1.5\n',
      'f.csv: line 2, column "group": the true class must be an integer, got 1.5',
    ],
    ['a,y\n1,1\n\n2,0\n', 'f.csv: line 3: ragged row, 1 cells'],
  ])('%#: %s', (text, message) => {
    let err: unknown;
    try {
      parseCsvDataset(text, 'f.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LeError);
    expect((err as LeError).code).toBe('bad_file');
    expect((err as LeError).field).toBe('f.csv');
    expect((err as LeError).message).toContain(message);
  });

  it('a missing file is not_found; binary garbage is not UTF-8', async () => {
    await expect(readCsvDataset(path.join(dir, 'none.csv'))).rejects.toThrow(
      /none\.csv: no such file/,
    );
    const bin = path.join(dir, 'bin.csv');
    await writeFile(bin, new Uint8Array([0xff, 0xfe, 0xfd]));
    await expect(readCsvDataset(bin)).rejects.toThrow(`${bin}: not UTF-8 text`);
    await expect(readCsvDataset(dir)).rejects.toThrow(/is a directory/);
  });
});
