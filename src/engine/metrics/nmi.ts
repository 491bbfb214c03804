// Normalized mutual information with arithmetic-mean normalization (sklearn's default,
// average_method='arithmetic'): NMI = MI / ((H(labels) + H(assignments)) / 2), natural log.
import { contingency, type Contingency, type LabelArray } from './labels';

function entropy(counts: Float64Array, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/**
 * Conventions follow sklearn: both partitions a single cluster → 1; MI = 0 otherwise
 * (e.g. a single cluster against several classes) → 0; the normalizer is floored at
 * machine epsilon.
 */
export function nmiFromTable(ct: Contingency): number {
  const { table, rows, cols, n } = ct;
  if (rows === 1 && cols === 1) return 1;
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      rowSum[r] += table[r * cols + c];
      colSum[c] += table[r * cols + c];
    }
  let mi = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const v = table[r * cols + c];
      if (v > 0) mi += (v / n) * Math.log((v * n) / (rowSum[r] * colSum[c]));
    }
  if (Math.abs(mi) < 1e-15) return 0;
  const normalizer = Math.max((entropy(rowSum, n) + entropy(colSum, n)) / 2, Number.EPSILON);
  return Math.min(1, Math.max(0, mi / normalizer));
}

export function normalizedMutualInfo(assignments: LabelArray, labels: LabelArray): number {
  return nmiFromTable(contingency(assignments, labels));
}
