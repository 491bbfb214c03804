// A stored matrix as the heat map needs it: float32, optionally block-averaged down to at most
// maxSize × maxSize (NaN cells are skipped in the average), with its finite min and max.
import type { MatrixPayload } from '../../shared/contract';
import { LeError } from '../../shared/errors';
import type { LabelledMatrix } from '../../shared/results';

export function toMatrixPayload(m: LabelledMatrix, maxSize?: number): MatrixPayload {
  if (maxSize !== undefined && (!Number.isInteger(maxSize) || maxSize < 1))
    throw new LeError('invalid_input', `maxSize must be a positive integer, got ${maxSize}`, 'maxSize');
  const fr = maxSize ? Math.max(1, Math.ceil(m.rows / maxSize)) : 1;
  const fc = maxSize ? Math.max(1, Math.ceil(m.cols / maxSize)) : 1;
  const rows = Math.ceil(m.rows / fr);
  const cols = Math.ceil(m.cols / fc);
  const data = new Float32Array(rows * cols);
  if (fr === 1 && fc === 1) data.set(m.data);
  else {
    const sum = new Float64Array(rows * cols);
    const count = new Uint32Array(rows * cols);
    for (let i = 0; i < m.rows; i++) {
      const bi = Math.floor(i / fr) * cols;
      for (let j = 0; j < m.cols; j++) {
        const v = m.data[i * m.cols + j];
        if (Number.isNaN(v)) continue;
        const b = bi + Math.floor(j / fc);
        sum[b] += v;
        count[b]++;
      }
    }
    for (let b = 0; b < data.length; b++) data[b] = count[b] ? sum[b] / count[b] : NaN;
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of data)
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  const pick = (a: number[]): number[] => (fr === 1 ? [...a] : Array.from({ length: rows }, (_, r) => a[r * fr]));
  return {
    name: m.name,
    rows,
    cols,
    fullSize: m.rows,
    data,
    ids: pick(m.ids),
    groups: pick(m.groups),
    min: Number.isFinite(min) ? min : 0,
    max: Number.isFinite(max) ? max : 0,
  };
}
