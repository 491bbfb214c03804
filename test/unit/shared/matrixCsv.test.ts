import { describe, expect, it } from 'vitest';
import { matrixCsvHeader, matrixCsvRow, parseLabelsCsv, parseMatrixCsv } from '../../../src/shared/matrixCsv';

describe('S.csv format', () => {
  it('round-trips float64 values exactly (shortest round-trip text)', () => {
    const data = new Float64Array([1, 0.1 + 0.2, -1e-300, 5e-324, 123456789.12345679, Math.PI, -0, 2 / 3, 1e21]);
    const text = matrixCsvHeader([4, 7, 9]) + [0, 1, 2].map((i) => matrixCsvRow([4, 7, 9][i], data, i * 3, 3)).join('');
    expect(text.split('\n')[0]).toBe('id,4,7,9');
    expect(text.split('\n')[1]).toBe('4,1,0.30000000000000004,-1e-300');
    const parsed = parseMatrixCsv(text, 'S.csv');
    expect(parsed.ids).toEqual([4, 7, 9]);
    expect(parsed.rows).toBe(3);
    expect(parsed.cols).toBe(3);
    for (let i = 0; i < data.length; i++) expect(parsed.data[i]).toBe(data[i] === 0 ? 0 : data[i]);
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
