// Maps a similarity matrix (indexed by probed examples) onto dataset rows, for colouring the
// data by S to a clicked point: rows that were not probed (e.g. negatives) get NaN.

export interface IndexedMatrix {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
  /** dataset row id of each matrix row/column */
  ids: readonly number[];
}

/** S(clicked, j) for every dataset row j in [0, nRows); NaN where either is not in the matrix. */
export function similarityToRow(m: IndexedMatrix, clickedRow: number, nRows: number): Float64Array {
  if (m.rows !== m.cols || m.data.length !== m.rows * m.cols || m.ids.length !== m.rows)
    throw new Error('similarityToRow: expected a square matrix with one id per row');
  const out = new Float64Array(nRows).fill(NaN);
  const p = m.ids.indexOf(clickedRow);
  if (p < 0) return out;
  for (let q = 0; q < m.cols; q++) {
    const row = m.ids[q];
    if (row >= 0 && row < nRows) out[row] = m.data[p * m.cols + q];
  }
  return out;
}
