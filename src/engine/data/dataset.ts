// Small helpers over a Dataset.
import type { Dataset } from '../../shared/types';

/** Rows with y = 1 (the positives / the primary set), in row order. */
export function positiveIds(ds: Dataset): number[] {
  const ids: number[] = [];
  for (let i = 0; i < ds.n; i++) if (ds.y[i] === 1) ids.push(i);
  return ids;
}
