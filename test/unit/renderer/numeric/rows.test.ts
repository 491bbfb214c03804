import { describe, it, expect } from 'vitest';
import { similarityToRow } from '../../../../src/renderer/numeric/rows';

describe('similarityToRow', () => {
  const m = { rows: 3, cols: 3, ids: [4, 0, 2], data: [1, 0.1, 0.2, 0.1, 1, 0.3, 0.2, 0.3, 1] };
  it('places the clicked row of S at the dataset rows, NaN elsewhere', () => {
    const got = Array.from(similarityToRow(m, 0, 6));
    const ref = [1, NaN, 0.3, NaN, 0.1, NaN];
    got.forEach((v, i) => (Number.isNaN(ref[i]) ? expect(v).toBeNaN() : expect(v).toBe(ref[i])));
  });
  it('a row outside the matrix gives all NaN; ids beyond nRows are dropped', () => {
    expect(Array.from(similarityToRow(m, 1, 3)).every(Number.isNaN)).toBe(true);
    expect(similarityToRow(m, 4, 3)).toHaveLength(3);
  });
  it('rejects non-square or mismatched ids', () => {
    expect(() => similarityToRow({ ...m, ids: [1] }, 0, 3)).toThrow(/square/);
    expect(() => similarityToRow({ ...m, cols: 2 }, 0, 3)).toThrow(/square/);
  });
});
