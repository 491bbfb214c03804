// Input checks for the clustering methods: shape, finiteness, symmetry.
import { LeError } from '../../shared/errors';
import type { Matrix } from '../../shared/types';

/** Entries may differ from their transpose by this much (relative to max |A_ij|) and still
 * count as symmetric round-off; such matrices are symmetrized as (A + Aᵀ)/2. */
export const SYMMETRY_TOLERANCE = 1e-8;

export function checkMatrix(m: Matrix, field: string): void {
  if (!m || !(m.data instanceof Float64Array))
    throw new LeError('invalid_input', `${field} must be a Matrix with a Float64Array data`, field);
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 1 || m.cols < 1)
    throw new LeError('invalid_input', `${field} must have at least one row and one column, got ${m.rows}×${m.cols}`, field);
  if (m.data.length !== m.rows * m.cols)
    throw new LeError('invalid_input', `${field} holds ${m.data.length} values, expected ${m.rows}×${m.cols}`, field);
  for (let i = 0; i < m.data.length; i++)
    if (!Number.isFinite(m.data[i])) {
      const r = Math.floor(i / m.cols);
      throw new LeError('invalid_input', `${field}[${r}][${i - r * m.cols}] is not finite (${m.data[i]})`, field);
    }
}

/**
 * Checks a square, finite matrix that must be symmetric. Asymmetry within
 * SYMMETRY_TOLERANCE · max|A| is round-off and is removed by averaging with the transpose
 * (a copy is returned); larger asymmetry throws, since silently symmetrizing would change
 * the user's data (the similarity matrices of this project are symmetrized upstream).
 */
export function checkSymmetric(m: Matrix, field: string): Float64Array {
  checkMatrix(m, field);
  const n = m.rows;
  if (m.cols !== n) throw new LeError('invalid_input', `${field} must be square, got ${m.rows}×${m.cols}`, field);
  const a = m.data;
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  const out = new Float64Array(a);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const x = a[i * n + j], y = a[j * n + i];
      if (Math.abs(x - y) > SYMMETRY_TOLERANCE * scale)
        throw new LeError(
          'invalid_input',
          `${field} is not symmetric: [${i}][${j}] = ${x} but [${j}][${i}] = ${y}; symmetrize it first ((S + Sᵀ)/2)`,
          field,
        );
      out[i * n + j] = out[j * n + i] = (x + y) / 2;
    }
  return out;
}

export function checkK(k: number, n: number): void {
  if (k > n) throw new LeError('invalid_input', `parameter k = ${k} exceeds the number of points (${n})`, 'k');
}
