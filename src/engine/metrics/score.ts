// All clustering scores at once, from one contingency table.
import type { ClusterScores } from '../../shared/results';
import { contingency, type LabelArray } from './labels';
import { accuracyFromTable, matchedAccuracy } from './accuracy';
import { ariFromTable } from './ari';
import { nmiFromTable } from './nmi';

/**
 * Scores `assignments` (cluster ids, any integers) against the true `labels` (any
 * integers). Throws LeError naming `labels` when the lengths differ, `assignments` when
 * empty, and the offending argument for non-integer entries.
 */
export function scoreClustering(assignments: LabelArray, labels: LabelArray): ClusterScores {
  const ct = contingency(assignments, labels);
  return {
    accuracy: accuracyFromTable(ct),
    hungarianAccuracy: matchedAccuracy(ct),
    ari: ariFromTable(ct),
    nmi: nmiFromTable(ct),
  };
}
