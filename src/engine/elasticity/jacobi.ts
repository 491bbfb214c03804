// Symmetric eigen-decomposition by cyclic Jacobi rotations (float64). O(m³) per sweep and
// typically < 10 sweeps: meant for the synthetic sets' probe matrices (m up to a few hundred).
import { LeError } from '../../shared/errors';

export interface Eigen {
  /** Eigenvalues in descending order. */
  values: Float64Array;
  /** Column k of the m×m row-major matrix is the unit eigenvector of values[k]. */
  vectors: Float64Array;
}

export function jacobiEigen(S: Float64Array, m: number, options: { maxSweeps?: number; tol?: number } = {}): Eigen {
  const maxSweeps = options.maxSweeps ?? 60;
  const tol = options.tol ?? 1e-14;
  if (!Number.isInteger(m) || m < 0 || S.length !== m * m) throw new LeError('invalid_input', `jacobiEigen: S must be ${m}×${m}`, 'S');
  if (!Number.isInteger(maxSweeps) || maxSweeps < 1) throw new LeError('invalid_input', 'jacobiEigen: maxSweeps must be a positive integer', 'maxSweeps');
  if (!(tol > 0)) throw new LeError('invalid_input', 'jacobiEigen: tol must be positive', 'tol');
  for (let q = 0; q < S.length; q++) if (!Number.isFinite(S[q])) throw new LeError('numeric', `jacobiEigen: S holds a non-finite value at (${Math.floor(q / m)}, ${q % m})`, 'S');
  const A = Float64Array.from(S);
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) A[i * m + j] = A[j * m + i] = (A[i * m + j] + A[j * m + i]) / 2;
  const V = new Float64Array(m * m);
  for (let i = 0; i < m; i++) V[i * m + i] = 1;
  let total = 0;
  for (let q = 0; q < A.length; q++) total += A[q] * A[q];
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) off += A[i * m + j] * A[i * m + j];
    if (off <= tol * tol * total || off === 0) break;
    for (let p = 0; p < m; p++)
      for (let q = p + 1; q < m; q++) {
        const apq = A[p * m + q];
        if (apq === 0) continue;
        const theta = (A[q * m + q] - A[p * m + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = A[k * m + p];
          const akq = A[k * m + q];
          A[k * m + p] = c * akp - s * akq;
          A[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = A[p * m + k];
          const aqk = A[q * m + k];
          A[p * m + k] = c * apk - s * aqk;
          A[q * m + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = V[k * m + p];
          const vkq = V[k * m + q];
          V[k * m + p] = c * vkp - s * vkq;
          V[k * m + q] = s * vkp + c * vkq;
        }
      }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => A[y * m + y] - A[x * m + x]);
  const values = Float64Array.from(order, (k) => A[k * m + k]);
  const vectors = new Float64Array(m * m);
  for (let i = 0; i < m; i++) order.forEach((k, col) => (vectors[i * m + col] = V[i * m + k]));
  return { values, vectors };
}
