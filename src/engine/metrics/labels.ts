// Label handling shared by the clustering scores: validation, compaction to 0..m-1 codes,
// and the contingency table (rows: true classes, columns: clusters), as sklearn builds it.
import { LeError } from '../../shared/errors';

export type LabelArray = ArrayLike<number>;

/** Checks that every entry is a finite integer; `field` names the argument in the error. */
export function checkLabels(values: LabelArray, field: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v))
      throw new LeError('invalid_input', `${field}[${i}] must be a finite integer, got ${v}`, field);
  }
}

/** Maps the distinct values (sorted ascending) to codes 0..count-1. */
export function compactLabels(values: LabelArray): { codes: Int32Array; count: number; values: number[] } {
  const distinct = Array.from(new Set(Array.from(values))).sort((a, b) => a - b);
  const index = new Map<number, number>();
  distinct.forEach((v, i) => index.set(v, i));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = index.get(values[i]) as number;
  return { codes, count: distinct.length, values: distinct };
}

export interface Contingency {
  /** rows × cols counts, row-major: table[r * cols + c] = #{i : label_i = r, cluster_i = c}. */
  table: Float64Array;
  rows: number;
  cols: number;
  n: number;
}

/**
 * Validates a (labels, assignments) pair and builds their contingency table. Both must be
 * non-empty integer arrays of the same length; a length mismatch names `labels`.
 */
export function contingency(assignments: LabelArray, labels: LabelArray): Contingency {
  if (assignments.length === 0) throw new LeError('invalid_input', 'assignments must not be empty', 'assignments');
  if (labels.length !== assignments.length)
    throw new LeError(
      'invalid_input',
      `labels has length ${labels.length} but assignments has length ${assignments.length}`,
      'labels',
    );
  checkLabels(assignments, 'assignments');
  checkLabels(labels, 'labels');
  const cls = compactLabels(labels);
  const clu = compactLabels(assignments);
  const table = new Float64Array(cls.count * clu.count);
  for (let i = 0; i < labels.length; i++) table[cls.codes[i] * clu.count + clu.codes[i]] += 1;
  return { table, rows: cls.count, cols: clu.count, n: labels.length };
}
