import { describe, expect, it } from 'vitest';
import { matrixCsvLines, parseLabelsCsv, parseMatrixCsv } from '../../../src/shared/matrixCsv';

describe('S.csv format', () => {
  it('round-trips float64 values exactly (shortest round-trip text)', () => {
    const data = new Float64Array([1, 0.1 + 0.2, -1e-300, 5e-324, 123456789.12345679, Math.PI, -0, 2 / 3, 1e21]);
    const text = [...matrixCsvLines([4, 7, 9], data, 3, 3)].join('');
    expect(text.split('\n')[0]).toBe('id,4,7,9');
    expect(text.split('\n')[1]).toBe('4,1,0.30000000000000004,-1e-300');
    const parsed = parseMatrixCsv(text, 'S.csv');
    expect(parsed.ids).toEqual([4, 7, 9]);
    expect(parsed.rows).toBe(3);
    expect(parsed.cols).toBe(3);
    for (let i = 0; i < data.length; i++) expect(parsed.data[i]).toBe(data[i] === 0 ? 0 : data[i]);
  });

  it('reuses the upper-triangle text only where S_ij === S_ji (a slow, obvious reference agrees)', () => {
    const m = 7;
    const data = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j <= i; j++) data[i * m + j] = data[j * m + i] = Math.sin(i * 13 + j * 7) / 3;
    data[5 * m + 2] = 0.5; // break symmetry in one place
    data[1 * m + 4] = NaN;
    data[4 * m + 1] = NaN;
    const ids = [3, 1, 4, 1, 5, 9, 2];
    const reference = ['id,' + ids.join(',') + '\n'];
    for (let i = 0; i < m; i++) reference.push([ids[i], ...Array.from({ length: m }, (_, j) => String(data[i * m + j]))].join(',') + '\n');
    expect([...matrixCsvLines(ids, data, m, m, { reuseSymmetric: true })]).toEqual(reference);
    expect([...matrixCsvLines(ids, data, m, m)]).toEqual(reference);
    // a non-square matrix heads its columns 0..cols-1
    expect([...matrixCsvLines([8, 9], Float64Array.from([1, 2, 3, 4, 5, 6]), 2, 3)]).toEqual(['id,0,1,2\n', '8,1,2,3\n', '9,4,5,6\n']);
  });

  it('names the file and line of a ragged row or a bad number', () => {
    expect(() => parseMatrixCsv('id,0,1\n0,1,2\n1,3\n', 'S.csv')).toThrow(/S\.csv: line 3: has 1 values, the header has 2/);
    expect(() => parseMatrixCsv('id,0\n0,abc\n', 'm.csv')).toThrow(/m\.csv: line 2: column 2 "abc" is not a number/);
    expect(() => parseMatrixCsv('x,0\n', 'm.csv')).toThrow(/header must start with "id"/);
    expect(() => parseMatrixCsv('', 'm.csv')).toThrow(/empty file/);
  });

  it('keeps NaN cells as NaN (the caller decides)', () => {
    expect(Number.isNaN(parseMatrixCsv('id,0\n0,NaN\n', 'm').data[0])).toBe(true);
  });
});

describe('L.csv format', () => {
  it('reads labels with or without a header', () => {
    expect(parseLabelsCsv('label\n0\n1\n1\n', 'L.csv')).toEqual([0, 1, 1]);
    expect(parseLabelsCsv('3\r\n5\r\n', 'L.csv')).toEqual([3, 5]);
  });
  it('rejects non-integers naming the line', () => {
    expect(() => parseLabelsCsv('label\n0\n1.5\n', 'L.csv')).toThrow(/L\.csv: line 3/);
    expect(() => parseLabelsCsv('label\n', 'L.csv')).toThrow(/no labels/);
  });
});
