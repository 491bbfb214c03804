// The fixed columns of the runs table in CSV exports.
import type { RunRow } from '../shared/store-types';

export const RUN_COLUMNS = [
  'id',
  'uid',
  'name',
  'status',
  'experiment',
  'dataKind',
  'dataset',
  'arch',
  'width',
  'loss',
  'measures',
  'seed',
  'backend',
  'appVersion',
  'createdAt',
  'startedAt',
  'endedAt',
  'error',
  'tags',
] as const;

export function runCells(r: RunRow): (string | number | null)[] {
  return RUN_COLUMNS.map((c) => {
    const v = r[c];
    return Array.isArray(v) ? v.join(' ') : v;
  });
}
