// Adjusted Rand index, computed as sklearn.metrics.adjusted_rand_score does (pair confusion).
import { contingency, type Contingency, type LabelArray } from './labels';

/**
 * ARI from a contingency table. Conventions follow sklearn: identical partitions (including
 * both single-cluster) → 1; a single cluster against several classes → 0; values can be
 * negative (worse than chance).
 */
export function ariFromTable(ct: Contingency): number {
  const { table, rows, cols, n } = ct;
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  let sumSquares = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const v = table[r * cols + c];
      rowSum[r] += v;
      colSum[c] += v;
      sumSquares += v * v;
    }
  let dotCols = 0; // Σ_rc n_rc · colSum_c
  let dotRows = 0; // Σ_rc n_rc · rowSum_r
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      dotCols += table[r * cols + c] * colSum[c];
      dotRows += table[r * cols + c] * rowSum[r];
    }
  const tp = sumSquares - n;
  const fp = dotCols - sumSquares; // same cluster, different class (ordered pairs)
  const fn = dotRows - sumSquares; // same class, different cluster
  const tn = n * n - fp - fn - sumSquares;
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

export function adjustedRandIndex(assignments: LabelArray, labels: LabelArray): number {
  return ariFromTable(contingency(assignments, labels));
}
