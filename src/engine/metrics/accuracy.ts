// Clustering accuracies: the paper's two-class accuracy and the Hungarian-matched accuracy.
import { contingency, type Contingency, type LabelArray } from './labels';
import { hungarian } from './hungarian';

/** Largest total count over one-to-one matchings of clusters to classes, divided by n. */
export function matchedAccuracy(ct: Contingency): number {
  const { table, rows, cols, n } = ct;
  let max = 0;
  for (let i = 0; i < table.length; i++) max = Math.max(max, table[i]);
  const cost = new Float64Array(table.length);
  for (let i = 0; i < table.length; i++) cost[i] = max - table[i];
  const match = hungarian(cost, rows, cols);
  let correct = 0;
  for (let r = 0; r < rows; r++) if (match[r] >= 0) correct += table[r * cols + match[r]];
  return correct / n;
}

/** Hungarian-matched accuracy for any number of clusters and classes. */
export function hungarianAccuracy(assignments: LabelArray, labels: LabelArray): number {
  return matchedAccuracy(contingency(assignments, labels));
}

/**
 * The paper's accuracy (method.md §4.6): with at most two clusters and two classes, codes
 * are compacted to 0/1 (sorted order) and accuracy = 0.5 + |correct/n − 0.5|, the better of
 * the two label permutations. With more than two clusters or classes the formula does not
 * apply and the Hungarian-matched accuracy is returned (for ≤ 2 they coincide).
 */
export function twoClassAccuracy(assignments: LabelArray, labels: LabelArray): number {
  return accuracyFromTable(contingency(assignments, labels));
}

export function accuracyFromTable(ct: Contingency): number {
  if (ct.rows > 2 || ct.cols > 2) return matchedAccuracy(ct);
  const { table, cols, n } = ct;
  // correct = #{label code == cluster code}: the diagonal of the (≤ 2)×(≤ 2) table.
  let correct = 0;
  for (let r = 0; r < Math.min(ct.rows, cols); r++) correct += table[r * cols + r];
  return 0.5 + Math.abs(correct / n - 0.5);
}
