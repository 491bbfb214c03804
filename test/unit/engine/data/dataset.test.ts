import { describe, it, expect } from 'vitest';
import { positiveIds } from '../../../../src/engine/data/dataset';
import type { Dataset } from '../../../../src/shared/types';

const ds = (y: number[]): Dataset => ({
  name: 't',
  n: y.length,
  d: 1,
  x: new Float64Array(y.length),
  y: Float64Array.from(y),
  group: Int32Array.from(y),
});

describe('positiveIds', () => {
  it('returns the rows with y = 1 in row order', () => {
    expect(positiveIds(ds([0, 1, 1, 0, 1]))).toEqual([1, 2, 4]);
  });
  it('ignores labels other than exactly 1 (0, NaN, 0.5)', () => {
    expect(positiveIds(ds([NaN, 0.5, 1, 0]))).toEqual([2]);
  });
  it('empty dataset and no positives give []', () => {
    expect(positiveIds(ds([]))).toEqual([]);
    expect(positiveIds(ds([0, 0]))).toEqual([]);
  });
});
